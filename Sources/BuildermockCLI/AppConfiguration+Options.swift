import ArgumentParser
import App

extension AppConfiguration {
    /// Resolves each setting as flag → `BUILDERMOCK_*` variable → default, and checks it.
    /// Pure, so it is tested without starting anything.
    init(options: ServeOptions, environment: [String: String]) throws {
        self.init()
        var source = SettingSource(environment: environment)
        host = try source.string(options.host, "BUILDERMOCK_HOST") ?? host
        port = try source.int(options.port, "BUILDERMOCK_PORT") ?? port
        databasePath = try source.string(options.db, "BUILDERMOCK_DB") ?? databasePath
        publicURL = try source.string(options.publicURL, "BUILDERMOCK_PUBLIC_URL") ?? publicURL
        if let text = try source.string(options.logFormat, "BUILDERMOCK_LOG_FORMAT") {
            guard let format = LogFormat(rawValue: text) else {
                throw ValidationError("log format must be text or json, not \"\(text)\" (\(source.origin))")
            }
            logFormat = format
        }
        if let level = try source.string(options.logLevel, "BUILDERMOCK_LOG_LEVEL") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(level) else {
                throw ValidationError("log level must be one of \(levels.joined(separator: ", ")), not \"\(level)\" (\(source.origin))")
            }
            logLevel = level
        }
        maxBodyBytes = try source.int(options.maxBody, "BUILDERMOCK_MAX_BODY") ?? maxBodyBytes
        maxHeaderBytes = try source.int(options.maxHeader, "BUILDERMOCK_MAX_HEADER") ?? maxHeaderBytes
        headerReadTimeout = try source.double(options.headerTimeout, "BUILDERMOCK_HEADER_TIMEOUT") ?? headerReadTimeout
        idleTimeout = try source.double(options.idleTimeout, "BUILDERMOCK_IDLE_TIMEOUT") ?? idleTimeout
        maxConnections = try source.int(options.maxConnections, "BUILDERMOCK_MAX_CONNECTIONS") ?? maxConnections
        if let text = try source.string(options.clock, "BUILDERMOCK_CLOCK") {
            guard let mode = ClockMode(rawValue: text) else {
                throw ValidationError("clock must be real or manual, not \"\(text)\" (\(source.origin))")
            }
            clockMode = mode
        }
        timeScale = try source.double(options.timeScale, "BUILDERMOCK_TIME_SCALE") ?? timeScale
        if let text = try source.string(options.startTime, "BUILDERMOCK_START_TIME") {
            guard let ms = TimeText.parseISO8601Milliseconds(text) else {
                throw ValidationError("start time must be ISO 8601 UTC like 2026-01-01T00:00:00Z, not \"\(text)\" (\(source.origin))")
            }
            startTimeMs = ms
        }
        seed = try source.uint64(options.seed, "BUILDERMOCK_SEED") ?? seed
        fixturesPath = try source.string(options.fixtures, "BUILDERMOCK_FIXTURES") ?? fixturesPath
        strict = options.strict || source.flag("BUILDERMOCK_STRICT")
        if let text = try source.string(options.auth, "BUILDERMOCK_AUTH") {
            guard text == "lenient" || text == "strict" else {
                throw ValidationError("auth must be lenient or strict, not \"\(text)\" (\(source.origin))")
            }
            strictAuth = text == "strict"
        }
        allowPrivateURLs = options.allowPrivateURLs || source.flag("BUILDERMOCK_ALLOW_PRIVATE_URLS")
        if let text = try source.string(options.rateLimit, "BUILDERMOCK_RATE_LIMIT") {
            let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
            guard let rate = Double(number), rate > 0, rate.isFinite else {
                throw ValidationError("rate limit must look like 10/s, not \"\(text)\" (\(source.origin))")
            }
            rateLimitPerSecond = rate
        }
        maxConcurrentAgents = try source.int(options.maxConcurrentAgents, "BUILDERMOCK_MAX_CONCURRENT_AGENTS") ?? maxConcurrentAgents
        if let limit = maxConcurrentAgents, limit < 1 {
            throw ValidationError("max concurrent agents must be at least 1")
        }
        webhookAllow = options.webhookAllow.isEmpty
            ? (environment["BUILDERMOCK_WEBHOOK_ALLOW"] ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            : options.webhookAllow
        journalLimit = try source.int(options.journalLimit, "BUILDERMOCK_JOURNAL_LIMIT") ?? journalLimit

        adminToken = try source.string(options.adminToken, "BUILDERMOCK_ADMIN_TOKEN") ?? adminToken
        insecureAdmin = options.insecureAdmin || source.flag("BUILDERMOCK_INSECURE_ADMIN")
        if let problem = adminExposureProblem { throw ValidationError(problem) }

        guard (0...65_535).contains(port) else { throw ValidationError("port must be 0–65535, not \(port)") }
        guard maxBodyBytes > 0 else { throw ValidationError("max body must be positive") }
        guard maxHeaderBytes >= 1024 else { throw ValidationError("max header must be at least 1024 bytes") }
        guard headerReadTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be positive") }
        guard maxConnections > 0 else { throw ValidationError("max connections must be positive") }
        guard journalLimit >= 0 else { throw ValidationError("journal limit must be 0 (off) or more, not \(journalLimit)") }
        guard timeScale > 0, timeScale.isFinite else { throw ValidationError("time scale must be a positive number") }
        guard !host.isEmpty else { throw ValidationError("host must not be empty") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("public URL must start with http:// or https://, not \"\(publicURL)\"")
        }
    }
}

/// Reads one setting at a time from a flag or the environment, remembering which, for error messages.
struct SettingSource {
    let environment: [String: String]
    var origin = ""

    init(environment: [String: String]) { self.environment = environment }

    mutating func string(_ flag: String?, _ variable: String) throws -> String? {
        if let flag {
            origin = "flag"
            return flag
        }
        if let value = environment[variable], !value.isEmpty {
            origin = "from \(variable)"
            return value
        }
        return nil
    }

    /// A boolean variable: 1, true or yes.
    func flag(_ variable: String) -> Bool {
        guard let value = environment[variable]?.lowercased() else { return false }
        return value == "1" || value == "true" || value == "yes"
    }

    mutating func int(_ flag: Int?, _ variable: String) throws -> Int? {
        if let flag { return flag }
        guard let text = try string(nil, variable) else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(variable) must be an integer, not \"\(text)\"") }
        return value
    }

    mutating func uint64(_ flag: UInt64?, _ variable: String) throws -> UInt64? {
        if let flag { return flag }
        guard let text = try string(nil, variable) else { return nil }
        guard let value = UInt64(text) else { throw ValidationError("\(variable) must be a non-negative integer, not \"\(text)\"") }
        return value
    }

    mutating func double(_ flag: Double?, _ variable: String) throws -> Double? {
        if let flag { return flag }
        guard let text = try string(nil, variable) else { return nil }
        guard let value = Double(text) else { throw ValidationError("\(variable) must be a number, not \"\(text)\"") }
        return value
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
