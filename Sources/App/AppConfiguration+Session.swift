public import JSON

extension AppConfiguration {
    /// The serve settings that change what the server answers, as a session file records them.
    /// Listen address, limits and logging are left out: they change no answer a session can show.
    public func sessionSettings(publicURL: String) -> [String: JSONValue] {
        var settings: [String: JSONValue] = [
            "public_url": .string(publicURL),
            "strict": .bool(strict),
            "auth": .string(strictAuth ? "strict" : "lenient"),
            "allow_private_urls": .bool(allowPrivateURLs),
            "webhook_allow": .array(webhookAllow.map(JSONValue.string)),
        ]
        if let rateLimitPerSecond { settings["rate_limit_per_second"] = .double(rateLimitPerSecond) }
        if let maxConcurrentAgents { settings["max_concurrent_agents"] = .int(Int64(maxConcurrentAgents)) }
        return settings
    }

    /// Applies settings read from a session file; unknown keys are ignored so older binaries can
    /// still replay newer files where the settings they know suffice.
    public mutating func apply(sessionSettings settings: [String: JSONValue]) {
        if let url = settings["public_url"]?.stringValue { publicURL = url }
        if case .bool(let value)? = settings["strict"] { strict = value }
        if let auth = settings["auth"]?.stringValue { strictAuth = auth == "strict" }
        if case .bool(let value)? = settings["allow_private_urls"] { allowPrivateURLs = value }
        if case .array(let hosts)? = settings["webhook_allow"] { webhookAllow = hosts.compactMap(\.stringValue) }
        switch settings["rate_limit_per_second"] {
        case .double(let rate)?: rateLimitPerSecond = rate
        case .int(let rate)?: rateLimitPerSecond = Double(rate)
        default: break
        }
        if case .int(let limit)? = settings["max_concurrent_agents"] { maxConcurrentAgents = Int(limit) }
    }
}
