#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Engine

/// A workspace: who may call the API with its tokens, which apps it holds and what it may spend.
struct Workspace: Sendable, Hashable {
    var id: String
    var name: String
    var tokens: [String]
    /// False answers 402 `api_access_required` (the plan has no API access).
    var apiAccess = true
    /// Credits `buildprint-*` runs may spend; nil is unlimited.
    var paidCredits: Int64?
    var maxConcurrentAgents: Int?
    /// Emails of members; nil accepts any email (lenient workspaces).
    var members: [String]?
    /// Providers (`claude`, `openai`, `cursor`) each member has credentials for; nil: all, for everyone.
    var providerCredentials: [String: [String]]?
    var projects: [Project]
    /// Made up for an unknown token in lenient mode: creates projects on first use.
    var isImplicit = false
}

/// A verified project of a workspace: a Bubble app.
struct Project: Sendable, Hashable {
    var id: String
    var appId: String
    var name: String
}

/// The world fixture (`fixtures/world/buildprint.json`): workspaces, tokens, apps, and optionally
/// the model lists.
struct BuildprintWorld: Sendable {
    var workspaces: [Workspace] = []
    var currentModels: [String] = BuildprintModels.current
    var legacyModels: [String] = BuildprintModels.legacy

    /// Reads the fixture; a missing file is an empty world, a broken one a startup error.
    static func load(path: String?) throws -> BuildprintWorld {
        var world = BuildprintWorld()
        guard let path, let data = FileManager.default.contents(atPath: path) else { return world }
        guard let root = JSONValue.parse(Array(data))?.objectValue else {
            throw BuildprintWorldError(path: path, message: "not a JSON object")
        }
        if let models = root["models"]?.objectValue {
            if let current = strings(models["current"]) { world.currentModels = current }
            if let legacy = strings(models["legacy"]) { world.legacyModels = legacy }
        }
        if case .array(let items)? = root["workspaces"] {
            for (index, item) in items.enumerated() {
                guard let object = item.objectValue, let id = object["id"]?.stringValue else {
                    throw BuildprintWorldError(path: path, message: "workspaces[\(index)] needs an \"id\"")
                }
                var workspace = Workspace(id: id, name: object["name"]?.stringValue ?? id,
                                          tokens: strings(object["tokens"]) ?? [], projects: [])
                if case .bool(let access)? = object["apiAccess"] { workspace.apiAccess = access }
                if case .int(let credits)? = object["paidCredits"] { workspace.paidCredits = credits }
                if case .int(let limit)? = object["maxConcurrentAgents"] { workspace.maxConcurrentAgents = Int(limit) }
                workspace.members = strings(object["members"])?.map { $0.lowercased() }
                if let credentials = object["providerCredentials"]?.objectValue {
                    workspace.providerCredentials = credentials.reduce(into: [:]) { result, pair in
                        result[pair.key.lowercased()] = strings(pair.value) ?? []
                    }
                }
                if case .array(let projects)? = object["projects"] {
                    for project in projects {
                        guard let fields = project.objectValue, let appId = fields["appId"]?.stringValue else {
                            throw BuildprintWorldError(path: path, message: "a project of \(id) needs an \"appId\"")
                        }
                        workspace.projects.append(Project(id: fields["id"]?.stringValue ?? Self.projectID(appId: appId, workspace: id),
                                                          appId: appId, name: fields["name"]?.stringValue ?? appId))
                    }
                }
                world.workspaces.append(workspace)
            }
        }
        return world
    }

    /// The workspace a token belongs to; in lenient mode an unknown `bp_` token gets its own.
    func workspace(token: String, lenient: Bool) -> Workspace? {
        if let known = workspaces.first(where: { $0.tokens.contains(token) }) { return known }
        guard lenient else { return nil }
        let id = "ws_" + String(StableHash.fnv1a64(token), radix: 36)
        return Workspace(id: id, name: "Workspace " + id, tokens: [token], projects: [], isImplicit: true)
    }

    /// A deterministic project id for an app created on first use.
    static func projectID(appId: String, workspace: String) -> String {
        "prj_" + String(StableHash.fnv1a64(parts: [workspace, appId]), radix: 36)
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap(\.stringValue)
    }
}

/// The world fixture could not be read.
public struct BuildprintWorldError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Model identifiers from ../shared/API.md §C (documented, 2026-07 capture).
enum BuildprintModels {
    static let current = [
        "claude-fable-5", "claude-opus-4.8", "claude-sonnet-5", "openai-gpt-5.6-sol", "openai-gpt-5.6-terra",
        "openai-gpt-5.6-luna", "openai-gpt-5.5", "cursor-composer-2.5", "cursor-composer-2.5-fast",
        "buildprint-gpt-5.6-sol", "buildprint-gpt-5.6-terra", "buildprint-gpt-5.6-luna",
    ]
    static let legacy = [
        "claude-opus-4.6", "claude-opus-4.7", "claude-sonnet-4.6", "openai-gpt-5.4", "openai-gpt-5.3-codex",
        "openai-gpt-5.2", "buildprint-gpt-5.5", "buildprint-gpt-5.4", "buildprint-gpt-5.3-codex",
        "buildprint-claude-sonnet-4.6", "buildprint-claude-sonnet-5", "buildprint-qwen-3.6-plus-free",
        "buildprint-gemini-3-flash-preview", "buildprint-glm-5", "buildprint-minimax-m2.7",
        "buildprint-mimo-v2-omni", "buildprint-kimi-k2.6", "buildprint-kimi-k2.5",
    ]

    /// `claude`, `openai` or `cursor` for provider models (which need `userEmail`); nil for
    /// `buildprint-*`, which run on workspace credits.
    static func provider(_ model: String) -> String? {
        for provider in ["claude", "openai", "cursor"] where model.hasPrefix(provider + "-") { return provider }
        return nil
    }

    /// Credits one turn of a `buildprint-*` model costs (inferred: more effort, more credits).
    static func cost(effort: String) -> Int64 {
        switch effort {
        case "none": 1
        case "low": 2
        case "high": 8
        default: 4
        }
    }
}
