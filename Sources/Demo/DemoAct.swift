import HTTP
import JSON

/// One API's part of a tour: a title for the timeline and the calls that drive its lifecycle.
struct DemoAct: Sendable {
    let api: String
    let title: String
    let run: @Sendable (ActContext) async throws -> Void
}

extension DemoAct {
    /// Seed 000: a one-sentence prompt becomes a conversation that asks questions, waits for the
    /// approval gate and ends with a deployed builder (or the scenario's failure).
    static func builderAgents(scenario: String?) -> DemoAct {
        DemoAct(api: "builder-agents", title: "Mihu builder agents — a prompt becomes a running builder") { context in
            let namespace = "demo-agents"
            let start = try await context.reset(namespace)
            var headers = [("Authorization", "Bearer demo"), ("X-Buildermock-Namespace", namespace)]
            if let scenario { headers.append(("X-Buildermock-Scenario", scenario)) }
            let prompt = "Watch my Zoho CRM leads every 5 minutes"
            let created = try await context.client.expectSuccess(.post, "/api/v1/builder-agents", headers: headers,
                                                                 json: ["prompt": .string(prompt)])
            guard let uuid = created["data"]?["uuid"]?.stringValue else {
                throw DemoError.unexpected("no uuid in \(created.serialized())")
            }
            context.emit(.request, at: start, "POST /api/v1/builder-agents \"\(prompt)\" → conversation \(uuid)",
                         ["uuid": .string(uuid)])
            let readHeaders = headers
            let (final, at) = try await context.follow(namespace: namespace, startingAt: start) {
                let data = try await context.client.expectSuccess(.get, "/api/v1/builder-agents/\(uuid)",
                                                                  headers: readHeaders)["data"]
                let status = data?["status"]?.stringValue ?? "?"
                let questions = data?["questions"]?.strings ?? []
                var seen = Observation(state: status, detail: data?["message"]?.stringValue,
                                       terminal: status == "deployed" || status == "failed", questions: questions)
                if status == "gathering" {
                    if questions.contains(where: { $0.lowercased().hasPrefix("approve") }) {
                        seen.respond = {
                            _ = try await context.client.expectSuccess(.post, "/api/v1/builder-agents/\(uuid)/approve",
                                                                       headers: readHeaders)
                            return "approved the plan (POST …/approve)"
                        }
                    } else {
                        let answer = "Stored ones, EU, the smallest VM, always on, no backups"
                        seen.respond = {
                            _ = try await context.client.expectSuccess(.post, "/api/v1/builder-agents/\(uuid)/answers",
                                                                       headers: readHeaders, json: ["message": .string(answer)])
                            return "answered \"\(answer)\""
                        }
                    }
                }
                if let builder = data?["builder"], let url = builder["preview_url"]?.stringValue {
                    seen.detail = "builder \(builder["name"]?.stringValue ?? "?") \(builder["status"]?.stringValue ?? "?"), preview at \(DemoAct.originForm(url) ?? url)"
                    seen.fields["builder"] = builder["uuid"] ?? .null
                }
                return seen
            }
            context.emit(.done, at: at, "conversation \(final.state)", ["state": .string(final.state)])
        }
    }

    /// Seed 001: Builder.io's agent works on a prompt in a new project's branch.
    static func builderIO(scenario: String?) -> DemoAct {
        DemoAct(api: "builderio", title: "Builder.io Agents Run — an agent edits a branch") { context in
            // The world fixture's demo Space: its public key is the namespace, its private key the token.
            let namespace = "demo0space0000000000000000000001"
            let start = try await context.reset(namespace)
            var headers = [("Authorization", "Bearer bpk-demo0private0key00000000000001")]
            if let scenario { headers.append(("X-Buildermock-Scenario", scenario)) }
            let prompt = "Build a landing page with a hero section, feature grid, and contact form"
            let created = try await context.client.expectSuccess(
                .post, "/agents/run?apiKey=\(namespace)", headers: headers,
                json: ["userMessage": ["userPrompt": .string(prompt)], "userEmail": "developer@yourcompany.com"])
            guard let project = created["projectId"]?.stringValue, let branch = created["branchName"]?.stringValue else {
                throw DemoError.unexpected("no projectId/branchName in \(created.serialized())")
            }
            context.emit(.request, at: start, "POST /agents/run → branch \(branch) of project \(project)",
                         ["projectId": .string(project), "branchName": .string(branch),
                          "editor": created["url"]?.stringValue.flatMap(DemoAct.originForm).map(JSONValue.string) ?? .null])
            let (final, at) = try await context.follow(namespace: namespace, startingAt: start) {
                let document = try await context.client.expectSuccess(.get, "/__admin/builderio/projects/\(project)")
                guard case .array(let branches)? = document["branches"],
                      let entry = branches.first(where: { $0["name"]?.stringValue == branch }) else {
                    throw DemoError.unexpected("branch \(branch) missing from project \(project)")
                }
                let state = entry["state"]?.stringValue ?? "?"
                let detail = entry["error"]?["message"]?.stringValue ?? entry["error"]?.stringValue ?? entry["message"]?.stringValue
                return Observation(state: state, detail: detail, terminal: state == "completed" || state == "failed")
            }
            context.emit(.done, at: at, "branch \(final.state)", ["state": .string(final.state)])
        }
    }

    /// Seed 002: a Buildprint agent run, then its signed completion webhook.
    static func buildprint(scenario: String?) -> DemoAct {
        DemoAct(api: "buildprint", title: "Buildprint agents — a run and its completion webhook") { context in
            let namespace = "demo-buildprint"
            let start = try await context.reset(namespace)
            var headers = [("Authorization", "Bearer bp_demo"), ("X-Buildermock-Namespace", namespace)]
            if let scenario { headers.append(("X-Buildermock-Scenario", scenario)) }
            let created = try await context.client.expectSuccess(
                .post, "/api/public/v1/agents", headers: headers,
                json: ["appId": "my-app", "prompt": "Why does signup fail?", "model": "buildprint-gpt-5.6-sol",
                       "completionWebhookUrl": .string("http://127.0.0.1:\(context.webhookPort)/hook")])
            guard let agent = created["agentId"]?.stringValue else {
                throw DemoError.unexpected("no agentId in \(created.serialized())")
            }
            context.emit(.request, at: start, "POST /api/public/v1/agents → \(agent)", ["agentId": .string(agent)])
            let readHeaders = headers
            let (final, at) = try await context.follow(namespace: namespace, startingAt: start) {
                let document = try await context.client.expectSuccess(.get, "/api/public/v1/agents/\(agent)",
                                                                      headers: readHeaders)
                let status = document["status"]?.stringValue ?? "?"
                return Observation(state: status, detail: document["lastError"]?.stringValue,
                                   terminal: status == "completed" || status == "error")
            }
            let end = try await context.drain(namespace: namespace, from: at)
            context.emit(.done, at: end, "agent \(final.state)", ["state": .string(final.state)])
        }
    }

    /// Seed 004: a web app URL becomes an Android build, a signed download and a store deploy.
    static func appBuilds(scenario: String?) -> DemoAct {
        DemoAct(api: "appbuilds", title: "Capwrapper app builds — a URL becomes an .apk in the store") { context in
            let namespace = "demo-appbuilds"
            let start = try await context.reset(namespace)
            var headers = [("Authorization", "Bearer demo-key"), ("X-Buildermock-Namespace", namespace)]
            let readHeaders = headers
            if let scenario { headers.append(("X-Buildermock-Scenario", scenario)) }
            let created = try await context.client.expectSuccess(
                .post, "/api/v1/builds", headers: headers,
                json: ["url": "https://example.com", "appName": "My Shop", "bundleId": "com.example.myshop",
                       "version": "1.2.0", "permissions": ["camera", "notifications"]])
            guard let build = created["id"]?.stringValue else {
                throw DemoError.unexpected("no build id in \(created.serialized())")
            }
            context.emit(.request, at: start, "POST /api/v1/builds https://example.com → \(build)", ["buildId": .string(build)])
            let (final, at) = try await context.follow(namespace: namespace, startingAt: start) {
                let document = try await context.client.expectSuccess(.get, "/api/v1/builds/\(build)", headers: readHeaders)
                let status = document["status"]?.stringValue ?? "?"
                return Observation(state: status, detail: document["error"]?["message"]?.stringValue,
                                   terminal: status == "success" || status == "failed",
                                   fields: ["download": document["downloadUrl"]?.stringValue.flatMap(DemoAct.originForm)
                                       .map(JSONValue.string) ?? .null])
            }
            guard final.state == "success" else {
                context.emit(.done, at: at, "build \(final.state)", ["state": .string(final.state)])
                return
            }
            if case .string(let path)? = final.fields["download"] {
                let reply = try await context.client.send(.get, path)
                guard reply.status == 200 else { throw DemoError.unexpected("download answered \(reply.status)") }
                context.emit(.request, at: at, "GET the signed downloadUrl → \(reply.byteCount) bytes",
                             ["downloadStatus": .int(Int64(reply.status))])
            }
            let deploy = try await context.client.expectSuccess(.post, "/api/v1/deploys", headers: readHeaders,
                                                                json: ["buildId": .string(build), "store": "play"])
            guard let deployID = deploy["id"]?.stringValue else {
                throw DemoError.unexpected("no deploy id in \(deploy.serialized())")
            }
            context.emit(.request, at: at, "POST /api/v1/deploys to Google Play → \(deployID)", ["deployId": .string(deployID)])
            let (deployed, end) = try await context.follow(namespace: namespace, startingAt: at) {
                let document = try await context.client.expectSuccess(.get, "/api/v1/deploys/\(deployID)", headers: readHeaders)
                let status = document["status"]?.stringValue ?? "?"
                return Observation(state: status, detail: document["error"]?["message"]?.stringValue,
                                   terminal: status == "live" || status == "rejected")
            }
            context.emit(.done, at: end, "build success, deploy \(deployed.state)", ["state": .string(deployed.state)])
        }
    }

    /// `http://host:port/path?query` → `/path?query`.
    static func originForm(_ url: String) -> String? {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].hasSuffix(":"), parts[1].isEmpty else { return nil }
        return "/" + parts[3]
    }
}

extension JSONValue {
    /// An object's member by name (no path syntax: ids and URLs may contain dots).
    subscript(_ key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The strings of an array value (non-strings skipped).
    var strings: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap(\.stringValue)
    }
}
