import Engine
import HTTP
import JSON

/// The page behind a builder's `preview_url`: this server stands in for the running app, so the
/// link works and shows which builder it is and whether it runs. A browser sends no bearer token,
/// so the namespace travels in the path.
enum PreviewPage {
    static let prefix = "/mihu/preview"

    static func url(base: String, namespace: String, uuid: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)\(prefix)/\(namespace)/\(uuid)"
    }

    static func html(builder: Job, now: Timestamp) -> String {
        let document = BuilderDocument.render(builder, now: now)
        let name = escape(document[path: "name"]?.stringValue ?? "builder")
        let status = document[path: "status"]?.stringValue ?? "stopped"
        let entrypoint = escape(document[path: "entrypoint"]?.stringValue ?? "")
        let port = document[path: "port"].map { $0.serialized() } ?? "8000"
        let created = document[path: "created_at"]?.stringValue ?? ""
        return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(name) — \(status)</title></head>
        <body>
        <h1>\(name)</h1>
        <p>Builder <code>\(builder.id)</code> is <strong id="status">\(status)</strong>.</p>
        <p>Entrypoint <code>\(entrypoint)</code>, listening on 0.0.0.0:\(port); created \(created).</p>
        <p><small>Served by buildermock in place of the deployed app.</small></p>
        </body>
        </html>

        """
    }

    static func notFound(_ uuid: String) -> String {
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>No such builder</h1><p>\(escape(uuid)) does not exist or was deleted.</p></body></html>\n"
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
