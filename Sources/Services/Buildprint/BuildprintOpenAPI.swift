import JSON

/// Our OpenAPI 3.1 document for the emulated API, served at `GET /api/public/v1/openapi.json`.
/// Built in code so that the model enum is the list this server actually accepts. Parts that
/// neither the seed nor the vendor's docs give carry `x-buildermock-inferred: true`.
enum BuildprintOpenAPI {
    static func document(models: [String]) -> JSONValue {
        let inferred: (String, JSONValue) = ("x-buildermock-inferred", .bool(true))
        func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }
        func string(_ description: String, enum values: [String]? = nil, format: String? = nil) -> JSONValue {
            var object: [String: JSONValue] = ["type": "string", "description": .string(description)]
            if let values { object["enum"] = .array(values.map(JSONValue.string)) }
            if let format { object["format"] = .string(format) }
            return .object(object)
        }
        func nullable(_ type: String, _ description: String) -> JSONValue {
            .object(["type": .array([.string(type), "null"]), "description": .string(description)])
        }
        func errorResponse(_ description: String, codes: [String], inferredCodes: Bool = false) -> JSONValue {
            var schema: [String: JSONValue] = ["allOf": .array([ref("Error")])]
            if !codes.isEmpty { schema["description"] = .string("Codes: " + codes.joined(separator: ", ")) }
            var response: [String: JSONValue] = ["description": .string(description),
                                                 "content": .object(["application/json": .object(["schema": .object(schema)])])]
            if inferredCodes { response[inferred.0] = inferred.1 }
            return .object(response)
        }
        let agentIdParameter: JSONValue = .object([
            "name": "agentId", "in": "path", "required": true, "schema": .object(["type": "string"]),
            "description": "Opaque identifier for the linked agent conversation.",
        ])
        let errors401 = errorResponse("Missing token, or not a `bp_` workspace token.", codes: ["unauthorized"], inferredCodes: true)
        let errors404 = errorResponse("Agent (or app in this workspace) not found.", codes: ["not_found"])
        let createAgent: JSONValue = .object([
            "operationId": "startAgentRun", "summary": "Start an agent run",
            "description": "Starts a workspace-scoped agent conversation for the specified Bubble app and immediately queues the initial prompt.",
            "security": .array([.object(["bearerAuth": .array([])])]),
            "parameters": .array([.object([
                "name": "X-Buildermock-Scenario", "in": "header", "required": false, "schema": .object(["type": "string"]),
                "description": "buildermock extension: the scenario the run follows (default, error-while-running, stuck-in-queue, slow-run, webhook-receiver-down).",
                inferred.0: inferred.1,
            ])]),
            "requestBody": .object(["required": true, "content": .object(["application/json": .object(["schema": ref("StartAgentRequest")])])]),
            "responses": .object([
                "202": .object(["description": "Agent accepted",
                                "content": .object(["application/json": .object(["schema": ref("AgentAccepted")])])]),
                "400": errorResponse("Invalid input, malformed JSON, missing userEmail for a provider model, or a disallowed webhook target.",
                                     codes: ["invalid_request", "invalid_json", "user_email_required", "webhook_target_not_allowed"]),
                "401": errors401,
                "402": errorResponse("No API access, or not enough paid credits for a buildprint-* model.",
                                     codes: ["api_access_required", "insufficient_paid_credits"]),
                "403": errorResponse("The user is not a member of the workspace, or has no credentials for the model's provider.",
                                     codes: ["user_not_workspace_member", "missing_provider_credentials"]),
                "404": errorResponse("appId is not a verified project of the workspace (strict mode).", codes: ["not_found"], inferredCodes: true),
                "409": errorResponse("The workspace's concurrent-agent limit is reached (off unless configured).", codes: ["concurrent_agent_limit"]),
            ]),
        ])
        let getAgent: JSONValue = .object([
            "operationId": "getAgent", "summary": "Get an agent run",
            "security": .array([.object(["bearerAuth": .array([])])]),
            "parameters": .array([agentIdParameter, .object([
                "name": "historyLimit", "in": "query", "required": false,
                "schema": .object(["type": "integer", "minimum": 0, "maximum": 500, "default": 100]),
                "description": "Newest history items to include.",
            ])]),
            "responses": .object([
                "200": .object(["description": "The agent", "content": .object(["application/json": .object(["schema": ref("Agent")])])]),
                "400": errorResponse("historyLimit is not an integer from 0 to 500.", codes: ["invalid_request"], inferredCodes: true),
                "401": errors401, "404": errors404,
            ]),
        ])
        let postMessage: JSONValue = .object([
            "operationId": "sendAgentMessage", "summary": "Send a follow-up message",
            "description": "Queues a follow-up turn: a finished run is queued again; a queued or running one queues the turn behind the current one (queuedTurnCount + 1).",
            "security": .array([.object(["bearerAuth": .array([])])]),
            "parameters": .array([agentIdParameter]),
            "requestBody": .object(["required": true, "content": .object(["application/json": .object(["schema": ref("FollowUpRequest")])])]),
            "responses": .object([
                "202": .object(["description": "Turn accepted", "content": .object(["application/json": .object(["schema": ref("TurnAccepted")])])]),
                "400": errorResponse("Invalid input or malformed JSON.", codes: ["invalid_request", "invalid_json", "webhook_target_not_allowed"]),
                "401": errors401,
                "402": errorResponse("No API access or credits.", codes: ["api_access_required", "insufficient_paid_credits"]),
                "404": errors404,
                "409": errorResponse("Concurrent-agent limit, or the run's current step takes no message.",
                                     codes: ["concurrent_agent_limit", "agent_busy"], inferredCodes: true),
            ]),
        ])
        let historyItem: JSONValue = .object([
            "type": "object",
            "required": .array(["id", "sequence", "role", "content", "toolName", "toolParameters", "attachments", "createdAt"]),
            "properties": .object([
                "id": string("History item id."), "sequence": .object(["type": "integer"]),
                "role": string("Author of the item.", enum: ["user", "assistant", "thinking", "tool", "system", "error"]),
                "content": nullable("string", "Text, or null for tool calls."),
                "toolName": nullable("string", "Tool called, for role tool."),
                "toolParameters": .object(["type": .array(["object", "null"]), "description": "Tool arguments."]),
                "attachments": .object(["type": "array", "items": .object(["type": "object"])]),
                "createdAt": .object(["type": "integer", "description": "Unix ms."]),
            ]),
        ])
        let lifecycle: JSONValue = .object([
            "type": "object", inferred.0: inferred.1,
            "description": "Mapping inferred: queued → ready/provisioning (booting for a sandbox that ran before); running → running_turn/online; completed → ready/paused; error → errored/dead. queuedTurnCount counts the queued turn itself plus follow-ups waiting behind it.",
            "required": .array(["conversationState", "sandboxState", "queuedTurnCount", "lastLifecycleEventAt"]),
            "properties": .object([
                "conversationState": string("Conversation state.", enum: ["draft", "ready", "running_turn", "errored", "archived"]),
                "sandboxState": string("Sandbox state.", enum: ["none", "provisioning", "booting", "online", "paused", "dead"]),
                "queuedTurnCount": .object(["type": "integer", "minimum": 0]),
                "lastLifecycleEventAt": nullable("integer", "Unix ms of the last lifecycle change."),
            ]),
        ])
        let agentProperties: [String: JSONValue] = [
            "agentId": string("Opaque identifier for the linked agent conversation."),
            "kind": string("Discriminator.", enum: ["agent", "code_review"]),
            "status": string("Current high-level lifecycle state for the asynchronous run.", enum: ["queued", "running", "completed", "error"]),
            "appId": string("Bubble app ID."), "projectId": string("Opaque identifier for the workspace project."),
            "projectName": string("Project name."), "reviewId": nullable("string", "Always null for agent runs."),
            "model": string("Model identifier."),
            "reasoningEffort": .object(["type": .array(["string", "null"]), "enum": .array(["none", "low", "medium", "high", .null])]),
            "permission": string("Permission.", enum: ["read_only", "allow_edits"]),
            "permittedBranches": .object(["type": "array", "items": .object(["type": "string"])]),
            "createdAt": .object(["type": "integer"]), "updatedAt": .object(["type": "integer"]),
            "completedAt": nullable("integer", "Unix ms when the run reached completed or error."),
            "lastError": .object(["type": .array(["string", "null"]), "description": "The error message when status is error.", inferred.0: inferred.1]),
            "history": .object(["type": "array", "items": ref("HistoryItem")]),
            "lifecycle": ref("Lifecycle"),
        ]
        let agentRequired: [JSONValue] = ["agentId", "kind", "status", "appId", "projectId", "projectName", "reviewId", "model",
                                          "reasoningEffort", "permission", "permittedBranches", "createdAt", "updatedAt",
                                          "completedAt", "lastError", "history", "lifecycle"]
        var payloadProperties = agentProperties
        payloadProperties["history"] = nil
        let webhookPayload: JSONValue = .object([
            "type": "object", inferred.0: inferred.1,
            "description": "POSTed to completionWebhookUrl at completed or error: the Agent object without history. Headers (buildermock extension): X-Buildermock-Signature: sha256=HEX (HMAC-SHA256 of the raw body with the namespace secret from GET /__admin/webhooks/secret), X-Buildermock-Delivery, X-Buildermock-Attempt, X-Buildermock-Event. Non-2xx or no response: retried with exponential backoff.",
            "properties": .object(payloadProperties),
            "required": .array(agentRequired.filter { $0 != "history" }),
        ])
        return .object([
            "openapi": "3.1.0",
            "info": .object(["title": "Buildprint public API (buildermock emulation)", "version": "v1-beta",
                             "description": "Emulated by buildermock from Buildprint's public documentation. Fields marked x-buildermock-inferred are our reading where the vendor is silent."]),
            "servers": .array([.object(["url": "/"])]),
            "paths": .object([
                "/api/public/v1/agents": .object(["post": createAgent]),
                "/api/public/v1/agents/{agentId}": .object(["get": getAgent]),
                "/api/public/v1/agents/{agentId}/messages": .object(["post": postMessage]),
                "/api/public/v1/openapi.json": .object(["get": .object([
                    "operationId": "getOpenAPI", "summary": "This document",
                    "responses": .object(["200": .object(["description": "OpenAPI 3.1", "content": .object(["application/json": .object(["schema": .object(["type": "object"])])])])]),
                ])]),
            ]),
            "webhooks": .object(["agentCompletion": .object(["post": .object([
                "summary": "Completion webhook",
                "requestBody": .object(["content": .object(["application/json": .object(["schema": ref("WebhookPayload")])])]),
                "responses": .object(["2XX": .object(["description": "Delivered; anything else is retried."])]),
            ])])]),
            "components": .object([
                "securitySchemes": .object(["bearerAuth": .object([
                    "type": "http", "scheme": "bearer", "description": "Workspace REST API token prefixed with bp_",
                ])]),
                "schemas": .object([
                    "StartAgentRequest": .object([
                        "type": "object", "required": .array(["appId", "prompt", "model"]),
                        "properties": .object([
                            "appId": string("Bubble app ID for the workspace project this request targets."),
                            "prompt": string("User prompt to send to the model."),
                            "model": string("Model identifier to use for the run.", enum: models),
                            "reasoningEffort": .object(["type": "string", "enum": .array(["none", "low", "medium", "high"]), "default": "medium"]),
                            "permission": .object(["type": "string", "enum": .array(["read_only", "allow_edits"]), "default": "read_only"]),
                            "permittedBranches": .object(["type": "array", "items": .object(["type": "string"])]),
                            "completionWebhookUrl": .object(["type": "string", "format": "uri",
                                                             "description": "Called when the run completes. buildermock: http only, loopback unless --webhook-allow lists the host (else 400 webhook_target_not_allowed)."]),
                            "userEmail": .object(["type": "string", "format": "email",
                                                  "description": "Required for provider models (claude-*, openai-*, cursor-*): 400 user_email_required."]),
                        ]),
                    ]),
                    "AgentAccepted": .object([
                        "type": "object", "required": .array(["agentId", "kind", "status", "appId", "projectId", "createdAt"]),
                        "properties": .object([
                            "agentId": string("Opaque identifier."), "kind": string("Discriminator.", enum: ["agent"]),
                            "status": string("Always queued on acceptance.", enum: ["queued"]),
                            "appId": string("Bubble app ID."), "projectId": string("Workspace project."),
                            "createdAt": .object(["type": "integer", "description": "Unix ms."]),
                        ]),
                    ]),
                    "FollowUpRequest": .object([
                        "type": "object", "required": .array(["prompt"]),
                        "properties": .object([
                            "prompt": string("Follow-up prompt."),
                            "permission": string("New permission.", enum: ["read_only", "allow_edits"]),
                            "permittedBranches": .object(["type": "array", "items": .object(["type": "string"])]),
                            "completionWebhookUrl": .object(["type": .array(["string", "null"]), "format": "uri"]),
                        ]),
                    ]),
                    "TurnAccepted": .object([
                        "type": "object", "required": .array(["agentId", "kind", "status"]),
                        "properties": .object([
                            "agentId": string("Opaque identifier."), "kind": string("Discriminator.", enum: ["agent"]),
                            "status": string("Status after the message.", enum: ["queued", "running", "completed", "error"]),
                        ]),
                    ]),
                    "Agent": .object(["type": "object", "required": .array(agentRequired), "properties": .object(agentProperties)]),
                    "HistoryItem": historyItem,
                    "Lifecycle": lifecycle,
                    "WebhookPayload": webhookPayload,
                    "Error": .object([
                        "type": "object", inferred.0: inferred.1, "required": .array(["error"]),
                        "properties": .object(["error": .object([
                            "type": "object", "required": .array(["code", "message"]),
                            "properties": .object(["code": .object(["type": "string"]), "message": .object(["type": "string"])]),
                        ])]),
                    ]),
                ]),
            ]),
        ])
    }
}
