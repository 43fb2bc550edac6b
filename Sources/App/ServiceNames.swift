/// Which emulated service a path belongs to, by mount prefix (BRIEF §2): the `service` label of
/// request metrics. App is the one module that knows every service's mount points.
enum ServiceNames {
    /// Longest prefix first, so `/__admin/builderio` is Builder.io's, not the admin API's.
    static let prefixes: [(prefix: String, service: String)] = [
        ("/__admin/builderio", "builderio"),
        ("/__admin", "admin"),
        ("/api/v1/builder-agents", "builderagents"),
        ("/api/v1/builders", "builderagents"),
        ("/mihu", "builderagents"),
        ("/api/public/v1", "buildprint"),
        ("/api/v1/builds", "appbuilds"),
        ("/api/v1/deploys", "appbuilds"),
        ("/v1/builds", "appbuilds"),
        ("/v1/deploys", "appbuilds"),
        ("/downloads/builds", "appbuilds"),
        ("/agents", "builderio"),
        ("/app/projects", "builderio"),
    ].sorted { $0.prefix.utf8.count > $1.prefix.utf8.count }

    /// The service for `path`; `other` outside every mount.
    static func service(forPath path: String) -> String {
        for entry in prefixes where path.hasPrefix(entry.prefix) {
            let end = path.utf8.index(path.utf8.startIndex, offsetBy: entry.prefix.utf8.count)
            // Whole segments only: "/agents" covers "/agents/run", not "/agentsx".
            if end == path.utf8.endIndex || path.utf8[end] == UInt8(ascii: "/") { return entry.service }
        }
        return "other"
    }
}
