import JSON
import HTTP

/// A validated `POST /agents` body, defaults applied.
struct AgentRequest: Sendable {
    static let efforts = ["none", "low", "medium", "high"]
    static let permissions = ["read_only", "allow_edits"]

    var appId: String
    var prompt: String
    var model: String
    var reasoningEffort: String
    var permission: String
    var permittedBranches: [String]
    var completionWebhookUrl: String?
    var userEmail: String?

    /// Checks every field in document order, so the first problem a user fixes is the first listed.
    /// Unknown fields are ignored (API.md common rules).
    init(body: [UInt8], models: [String]) throws(BuildprintError) {
        let object = try Self.object(body)
        appId = try Self.requiredString(object, "appId")
        prompt = try Self.requiredString(object, "prompt")
        model = try Self.requiredString(object, "model")
        guard models.contains(model) else {
            throw .invalid("model \"\(model)\" is not supported; allowed values: \(models.joined(separator: ", "))")
        }
        reasoningEffort = try Self.enumValue(object, "reasoningEffort", Self.efforts) ?? "medium"
        permission = try Self.enumValue(object, "permission", Self.permissions) ?? "read_only"
        permittedBranches = try Self.branches(object)
        completionWebhookUrl = try Self.optionalString(object, "completionWebhookUrl")
        userEmail = try Self.optionalString(object, "userEmail")
        if let userEmail, !Self.isEmail(userEmail) {
            throw .invalid("userEmail must be an email address")
        }
        if userEmail == nil, BuildprintModels.provider(model) != nil {
            throw BuildprintError(.badRequest, "user_email_required",
                                  "userEmail is required for provider model \(model): provider models (claude-*, openai-*, cursor-*) run on that user's provider credentials")
        }
    }

    /// The normalised request the job stores (scenario routes read `reasoningEffort`).
    var json: JSONValue {
        .object([
            "appId": .string(appId), "prompt": .string(prompt), "model": .string(model),
            "reasoningEffort": .string(reasoningEffort), "permission": .string(permission),
            "permittedBranches": .array(permittedBranches.map(JSONValue.string)),
            "completionWebhookUrl": completionWebhookUrl.map(JSONValue.string) ?? .null,
            "userEmail": userEmail.map(JSONValue.string) ?? .null, "hasQueuedTurn": .bool(false),
        ])
    }

    // MARK: - Field checks

    static func object(_ body: [UInt8]) throws(BuildprintError) -> [String: JSONValue] {
        guard let value = JSONValue.parse(body) else {
            throw BuildprintError(.badRequest, "invalid_json", "The request body is not valid JSON")
        }
        guard let object = value.objectValue else { throw .invalid("The request body must be a JSON object") }
        return object
    }

    static func requiredString(_ object: [String: JSONValue], _ name: String) throws(BuildprintError) -> String {
        guard let value = object[name], value != .null else { throw .invalid("\(name) is required") }
        guard let text = value.stringValue else { throw .invalid("\(name) must be a string") }
        guard !text.allSatisfy(\.isWhitespace) else { throw .invalid("\(name) must not be empty") }
        return text
    }

    static func optionalString(_ object: [String: JSONValue], _ name: String) throws(BuildprintError) -> String? {
        guard let value = object[name], value != .null else { return nil }
        guard let text = value.stringValue else { throw .invalid("\(name) must be a string") }
        return text
    }

    static func enumValue(_ object: [String: JSONValue], _ name: String, _ allowed: [String]) throws(BuildprintError) -> String? {
        guard let text = try optionalString(object, name) else { return nil }
        guard allowed.contains(text) else {
            throw .invalid("\(name) \"\(text)\" is not allowed; allowed values: \(allowed.joined(separator: ", "))")
        }
        return text
    }

    static func branches(_ object: [String: JSONValue]) throws(BuildprintError) -> [String] {
        guard let value = object["permittedBranches"], value != .null else { return [] }
        guard case .array(let items) = value else { throw .invalid("permittedBranches must be an array of strings") }
        var branches: [String] = []
        for item in items {
            guard let text = item.stringValue, !text.isEmpty else {
                throw .invalid("permittedBranches must be an array of non-empty strings")
            }
            branches.append(text)
        }
        return branches
    }

    /// `local@domain.tld` without spaces: the shape `format: email` checks in practice.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace) else { return false }
        return true
    }
}

/// A validated `POST /agents/{id}/messages` body.
struct FollowUpRequest: Sendable {
    var prompt: String
    var permission: String?
    /// nil leaves the run's branches alone.
    var permittedBranches: [String]?
    /// `.some(nil)` clears the webhook (an explicit null); nil leaves it alone.
    var completionWebhookUrl: String??

    init(body: [UInt8]) throws(BuildprintError) {
        let object = try AgentRequest.object(body)
        prompt = try AgentRequest.requiredString(object, "prompt")
        permission = try AgentRequest.enumValue(object, "permission", AgentRequest.permissions)
        if object["permittedBranches"] != nil, object["permittedBranches"] != .null {
            permittedBranches = try AgentRequest.branches(object)
        }
        if let value = object["completionWebhookUrl"] {
            _ = value
            completionWebhookUrl = .some(try AgentRequest.optionalString(object, "completionWebhookUrl"))
        }
    }
}
