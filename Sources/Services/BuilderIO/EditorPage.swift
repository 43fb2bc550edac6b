import Engine
import HTTP
import JSON

/// The page a run's `url` opens: Builder.io's Visual Editor stands in as plain HTML showing the
/// branch's state and the agent's progress messages, reloading itself every few seconds until the
/// agent is done (no script, so it works in any browser and in `curl`).
extension BuilderIOService {
    static let refreshSeconds = 2

    func editorPage(_ request: HTTPRequest) async -> HTTPResponse {
        let projectID = request.pathParameters["project"] ?? ""
        let branchName = request.pathParameters["branch"] ?? ""
        let world: World
        do {
            world = try await self.world.loaded()
        } catch {
            return Self.html(.internalServerError, title: "Error", body: "<p>The world could not be loaded.</p>")
        }
        guard let project = world.projects[projectID], let branch = world.branch(project: projectID, name: branchName),
              !branch.jobID.isEmpty else {
            return Self.html(.notFound, title: "Branch not found",
                             body: "<p>No branch <code>\(Self.escape(branchName))</code> in project <code>\(Self.escape(projectID))</code>.</p>")
        }
        let job: Job?
        do {
            job = try await engine.job(id: branch.jobID, namespace: branch.namespace)
        } catch {
            return Self.html(.internalServerError, title: "Error", body: "<p>\(Self.escape("\(error)"))</p>")
        }
        var response = Self.html(.ok, title: "\(project.name) · \(branch.name)",
                                 body: Self.editorBody(project: project, branch: branch, job: job),
                                 refresh: job.map { $0.finishedAt == nil } ?? false)
        response.headers.set("Date", engine.now(namespace: branch.namespace).httpDate)
        return response
    }

    static func editorBody(project: Project, branch: Branch, job: Job?) -> String {
        var html = "<header><p class=\"crumbs\">Project <strong>\(escape(project.name))</strong> "
            + "(<code>\(escape(project.id))</code>)</p>\n<h1>\(escape(branch.name))</h1>\n"
        guard let job else {
            return html + "</header>\n<p>This branch's work was cleared (the namespace "
                + "<code>\(escape(branch.namespace))</code> was reset).</p>"
        }
        html += "<p>Status: <span class=\"state state-\(escape(job.state))\" id=\"state\">\(escape(job.state))</span>"
        if job.finishedAt == nil { html += " · the agent is working; this page refreshes every \(refreshSeconds) s" }
        html += "</p></header>\n"
        if let prompt = job.request[path: "userMessage.userPrompt"]?.stringValue {
            html += "<section><h2>Prompt</h2><blockquote>\(escape(prompt))</blockquote></section>\n"
        }
        html += "<section><h2>Progress</h2>\n<ol id=\"progress\">\n"
        if case .array(let items)? = job.data["progress"] {
            for item in items {
                let at = item["at"]?.stringValue ?? ""
                let state = item["state"]?.stringValue ?? ""
                var text = item["message"]?.stringValue ?? ""
                if let error = item["error"]?["message"]?.stringValue { text = error }
                html += "<li><time>\(escape(at))</time> <span class=\"state state-\(escape(state))\">\(escape(state))</span> "
                    + "\(escape(text))</li>\n"
            }
        }
        html += "</ol></section>"
        return html
    }

    static func html(_ status: HTTPStatus, title: String, body: String, refresh: Bool = false) -> HTTPResponse {
        let meta = refresh ? "<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">\n" : ""
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            \(meta)<title>\(escape(title)) — Builder.io Visual Editor (buildermock)</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
            .state{padding:.1rem .45rem;border-radius:.3rem;background:#eef}.state-completed{background:#dfd}
            .state-failed{background:#fdd}time{color:#666;font-size:.85em}blockquote{margin:0;padding:.5rem 1rem;background:#f6f6f6}</style>
            </head><body>
            \(body)
            </body></html>

            """
        return HTTPResponse(status: status, contentType: "text/html; charset=utf-8", text: page)
    }

    /// HTML text escaping (the five characters of the HTML spec's "escapingString" set).
    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
