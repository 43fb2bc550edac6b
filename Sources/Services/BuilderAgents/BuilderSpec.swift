import JSON

/// A builder's settings as `POST /api/v1/builders` takes them (seed 003), validated and with the
/// defaults filled in. Stored as the job's request (scenario match rules read `job_type`) and
/// copied into its document.
struct BuilderSpec: Sendable, Hashable {
    var name: String
    var entrypoint: String
    var files: [String: String]
    var port: Int64 = 8000
    var env: [String: String] = [:]
    var cpu: Int64 = 1
    var memory: Int64 = 1
    var disk: Int64 = 3
    var jobType = "always_on"
    var backupIntervalHours: Int64 = 0
    var autoStopInterval: Int64 = 0

    // Inferred limits (API.md gives none): the vendor's VM sizes stop somewhere; these are ours.
    static let cpuRange: ClosedRange<Int64> = 1...8
    static let memoryRange: ClosedRange<Int64> = 1...32
    static let diskRange: ClosedRange<Int64> = 1...100
    static let backupRange: ClosedRange<Int64> = 0...8_760
    /// Minutes; a week.
    static let autoStopRange: ClosedRange<Int64> = 0...10_080
    static let maxNameLength = 63

    init(name: String, entrypoint: String, files: [String: String]) {
        self.name = name
        self.entrypoint = entrypoint
        self.files = files
    }

    /// Validates a request body field by field, in the order the seed documents them.
    init(body fields: [String: JSONValue]) throws {
        let reader = FieldReader(fields: fields)
        let name = try reader.string("name", required: true)!
        try Self.checkName(name, field: "name")
        let entrypoint = try reader.string("entrypoint", required: true)!
        guard case .object(let rawFiles)? = fields["files"] else {
            if fields["files"] == nil || fields["files"] == .null {
                throw MihuError.validation("files", "The files field is required")
            }
            throw MihuError.validation("files", "The files field must be an object mapping relative paths to file contents")
        }
        guard !rawFiles.isEmpty else { throw MihuError.validation("files", "The files field must contain at least one file") }
        var files: [String: String] = [:]
        for (path, contents) in rawFiles {
            guard Self.isRelativePath(path) else {
                throw MihuError.validation("files", "\"\(path)\" is not a relative path inside the app (no leading '/', no '..')")
            }
            guard case .string(let text) = contents else {
                throw MihuError.validation("files", "The contents of \"\(path)\" must be a string")
            }
            files[path] = text
        }
        if let named = Self.fileNamed(by: entrypoint), files[named] == nil {
            throw MihuError.validation("entrypoint", "The entrypoint runs \"\(named)\", which is not in files")
        }
        self.init(name: name, entrypoint: entrypoint, files: files)
        port = try reader.integer("port", range: 1...65_535) ?? 8000
        switch fields["env"] {
        case nil, .null?: break
        case .object(let members)?:
            for (key, value) in members {
                guard Self.isEnvName(key) else {
                    throw MihuError.validation("env", "\"\(key)\" is not a valid environment variable name")
                }
                guard case .string(let text) = value else {
                    throw MihuError.validation("env", "The value of \(key) must be a string")
                }
                env[key] = text
            }
        default:
            throw MihuError.validation("env", "The env field must be an object of string values")
        }
        switch fields["resources"] {
        case nil, .null?: break
        case .object(let members)?:
            let resources = FieldReader(fields: members)
            cpu = try resources.integer("cpu", range: Self.cpuRange, label: "resources.cpu") ?? cpu
            memory = try resources.integer("memory", range: Self.memoryRange, label: "resources.memory") ?? memory
            disk = try resources.integer("disk", range: Self.diskRange, label: "resources.disk") ?? disk
        default:
            throw MihuError.validation("resources", "The resources field must be an object {cpu, memory, disk}")
        }
        if let type = try reader.string("job_type", required: false) {
            guard type == "always_on" || type == "one_time" else {
                throw MihuError.validation("job_type", "The job_type field must be always_on or one_time")
            }
            jobType = type
        }
        backupIntervalHours = try reader.integer("backup_interval_hours", range: Self.backupRange) ?? 0
        autoStopInterval = try reader.integer("auto_stop_interval", range: Self.autoStopRange) ?? 0
    }

    /// Lowercase letters, digits and dashes (seed 003); not starting or ending with a dash, so it can
    /// be a DNS label.
    static func checkName(_ name: String, field: String) throws {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxNameLength,
              bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
              bytes.first != 0x2D, bytes.last != 0x2D else {
            throw MihuError.validation(field, "The \(field) may contain only lowercase letters, digits and dashes, "
                                       + "start and end with a letter or digit, and be at most \(maxNameLength) characters")
        }
    }

    static func isRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
        return !path.split(separator: "/").contains("..")
    }

    static func isEnvName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// The file an entrypoint runs, when it names one: `python3 main.py` → `main.py`, `./run.sh` →
    /// `run.sh`, `uvicorn app:app` → `app.py`. Nil for commands that name none (`npm start`).
    static func fileNamed(by entrypoint: String) -> String? {
        let tokens = entrypoint.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let extensions = [".py", ".js", ".mjs", ".ts", ".sh", ".rb", ".php", ".go", ".jar"]
        for token in tokens where !token.hasPrefix("-") {
            var path = token
            if path.hasPrefix("./") { path.removeFirst(2) }
            if extensions.contains(where: { path.hasSuffix($0) }) || (token.hasPrefix("./") && !path.isEmpty) { return path }
        }
        // ASGI/WSGI servers name a module: `uvicorn app:app`, `gunicorn main:app`.
        if let first = tokens.first, ["uvicorn", "gunicorn", "hypercorn"].contains(first),
           let target = tokens.dropFirst().first(where: { $0.contains(":") && !$0.hasPrefix("-") }) {
            let module = target.split(separator: ":")[0]
            return module.replacingDots() + ".py"
        }
        return nil
    }

    /// The canonical body, as stored and matched against scenario rules.
    var json: JSONValue {
        .object([
            "name": .string(name), "entrypoint": .string(entrypoint),
            "files": .object(files.mapValues(JSONValue.string)), "port": .int(port),
            "env": .object(env.mapValues(JSONValue.string)),
            "resources": .object(["cpu": .int(cpu), "memory": .int(memory), "disk": .int(disk)]),
            "job_type": .string(jobType), "backup_interval_hours": .int(backupIntervalHours),
            "auto_stop_interval": .int(autoStopInterval),
        ])
    }

    /// The hourly rate in 1/10 000 EUR. Chosen so that the default VM (1 vCPU, 1 GB, 3 GB) costs the
    /// seed's 0.1965 EUR/h: 0.12 per vCPU, 0.06 per GB of memory, 0.0055 per GB of disk.
    static func rateTenThousandths(cpu: Int64, memory: Int64, disk: Int64) -> Int64 {
        cpu * 1_200 + memory * 600 + disk * 55
    }
}

extension Substring {
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "/" : $0 }) }
}
