// The OpenAPI 3.1 document of Buildprint, served at /__admin/openapi/buildprint.json. Edit the JSON in
// place; OpenAPIDocumentTests checks it parses and matches the router's routes.
extension OpenAPIDocuments {
    static let buildprint = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Buildprint public API (buildermock emulation)",
    "version": "v1-beta",
    "description": "Emulated by buildermock from Buildprint's public documentation (seed 002). Real base https://api.buildprint.ai/api/public/v1. Fields marked x-buildermock-inferred are our reading where the vendor is silent."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/api/public/v1/agents": {
      "post": {
        "operationId": "startAgentRun",
        "summary": "Start an agent run",
        "description": "Starts a workspace-scoped agent conversation for the specified Bubble app and immediately queues the initial prompt.",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "X-Buildermock-Namespace",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "buildermock extension: the namespace (isolated jobs, clock, counters). Default: derived from the bearer token. A malformed name is a 400.",
            "x-buildermock-inferred": true
          },
          {
            "name": "X-Buildermock-Scenario",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "buildermock extension: the scenario the new job follows (see GET /__admin/scenarios). An unknown name is a 400.",
            "x-buildermock-inferred": true
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/StartAgentRequest"
              },
              "example": {
                "appId": "conformance-app",
                "prompt": "Fix the signup form validation",
                "model": "buildprint-gpt-5.6-sol"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Agent accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgentAccepted"
                }
              }
            },
            "headers": {
              "Date": {
                "description": "HTTP date from the namespace's clock (manual or scaled), not the wall clock.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "links": {
              "get": {
                "operationId": "getAgent",
                "parameters": {
                  "agentId": "$response.body#/agentId"
                }
              },
              "message": {
                "operationId": "sendAgentMessage",
                "parameters": {
                  "agentId": "$response.body#/agentId"
                }
              }
            }
          },
          "400": {
            "description": "Invalid input, malformed JSON, missing userEmail for a provider model, or a disallowed webhook target; or a malformed namespace header / unknown X-Buildermock-Scenario. Codes: invalid_request, invalid_json, user_email_required, webhook_target_not_allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "Missing token, or not a `bp_` workspace token (strict: not one of the world fixture's). Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          },
          "402": {
            "description": "No API access, or not enough paid credits for a buildprint-* model. Codes: api_access_required, insufficient_paid_credits.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The user is not a member of the workspace, or has no credentials for the model's provider. Codes: user_not_workspace_member, missing_provider_credentials.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "appId is not a verified project of the workspace (strict mode). Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          },
          "409": {
            "description": "The workspace's concurrent-agent limit is reached (off unless configured). Codes: concurrent_agent_limit.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/public/v1/agents/{agentId}": {
      "get": {
        "operationId": "getAgent",
        "summary": "Get an agent run",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "agentId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "Opaque identifier for the linked agent conversation."
          },
          {
            "name": "historyLimit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 500,
              "default": 100
            },
            "description": "Newest history items to include."
          },
          {
            "name": "X-Buildermock-Namespace",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "buildermock extension: the namespace (isolated jobs, clock, counters). Default: derived from the bearer token. A malformed name is a 400.",
            "x-buildermock-inferred": true
          }
        ],
        "responses": {
          "200": {
            "description": "The agent.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Agent"
                }
              }
            },
            "headers": {
              "Date": {
                "description": "HTTP date from the namespace's clock (manual or scaled), not the wall clock.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "historyLimit is not an integer from 0 to 500; or a malformed namespace header / unknown X-Buildermock-Scenario. Codes: invalid_request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          },
          "401": {
            "description": "Missing token, or not a `bp_` workspace token (strict: not one of the world fixture's). Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          },
          "404": {
            "description": "Agent not found (or of another workspace). Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/public/v1/agents/{agentId}/messages": {
      "post": {
        "operationId": "sendAgentMessage",
        "summary": "Send a follow-up message",
        "description": "Queues a follow-up turn: a finished run is queued again; a queued or running one queues the turn behind the current one (queuedTurnCount + 1).",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "agentId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "Opaque identifier for the linked agent conversation."
          },
          {
            "name": "X-Buildermock-Namespace",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "buildermock extension: the namespace (isolated jobs, clock, counters). Default: derived from the bearer token. A malformed name is a 400.",
            "x-buildermock-inferred": true
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/FollowUpRequest"
              },
              "example": {
                "prompt": "Also add a test for it"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Turn accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TurnAccepted"
                }
              }
            },
            "headers": {
              "Date": {
                "description": "HTTP date from the namespace's clock (manual or scaled), not the wall clock.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Invalid input or malformed JSON; or a malformed namespace header / unknown X-Buildermock-Scenario. Codes: invalid_request, invalid_json, webhook_target_not_allowed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "Missing token, or not a `bp_` workspace token (strict: not one of the world fixture's). Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          },
          "402": {
            "description": "No API access or credits. Codes: api_access_required, insufficient_paid_credits.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Agent not found (or of another workspace). Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Concurrent-agent limit, or the run's current step takes no message. Codes: concurrent_agent_limit, agent_busy.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "x-buildermock-inferred": true
          }
        }
      }
    },
    "/api/public/v1/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "OpenAPI 3.1.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "openapi": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "openapi"
                  ]
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "code",
              "message"
            ]
          }
        },
        "required": [
          "error"
        ],
        "description": "Body shape inferred; codes documented.",
        "x-buildermock-inferred": true
      },
      "StartAgentRequest": {
        "type": "object",
        "properties": {
          "appId": {
            "type": "string",
            "description": "Bubble app ID of a verified project of the workspace (lenient mode: any app becomes one on first use).",
            "pattern": "\\S"
          },
          "prompt": {
            "type": "string",
            "description": "Not blank.",
            "pattern": "\\S"
          },
          "model": {
            "type": "string",
            "description": "Model identifier. The enum is the list this server accepts (--strict: the current list only).",
            "enum": [
              "claude-fable-5",
              "claude-opus-4.8",
              "claude-sonnet-5",
              "openai-gpt-5.6-sol",
              "openai-gpt-5.6-terra",
              "openai-gpt-5.6-luna",
              "openai-gpt-5.5",
              "cursor-composer-2.5",
              "cursor-composer-2.5-fast",
              "buildprint-gpt-5.6-sol",
              "buildprint-gpt-5.6-terra",
              "buildprint-gpt-5.6-luna",
              "claude-opus-4.6",
              "claude-opus-4.7",
              "claude-sonnet-4.6",
              "openai-gpt-5.4",
              "openai-gpt-5.3-codex",
              "openai-gpt-5.2",
              "buildprint-gpt-5.5",
              "buildprint-gpt-5.4",
              "buildprint-gpt-5.3-codex",
              "buildprint-claude-sonnet-4.6",
              "buildprint-claude-sonnet-5",
              "buildprint-qwen-3.6-plus-free",
              "buildprint-gemini-3-flash-preview",
              "buildprint-glm-5",
              "buildprint-minimax-m2.7",
              "buildprint-mimo-v2-omni",
              "buildprint-kimi-k2.6",
              "buildprint-kimi-k2.5"
            ]
          },
          "reasoningEffort": {
            "type": "string",
            "enum": [
              "none",
              "low",
              "medium",
              "high"
            ],
            "default": "medium"
          },
          "permission": {
            "type": "string",
            "enum": [
              "read_only",
              "allow_edits"
            ],
            "default": "read_only"
          },
          "permittedBranches": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            }
          },
          "completionWebhookUrl": {
            "type": "string",
            "description": "Called when the run completes. buildermock: http only, to loopback unless --webhook-allow lists the host (else 400 webhook_target_not_allowed).",
            "format": "uri"
          },
          "userEmail": {
            "type": "string",
            "description": "Required for provider models (claude-*, openai-*, cursor-*): else 400 user_email_required.",
            "format": "email"
          }
        },
        "required": [
          "appId",
          "prompt",
          "model"
        ]
      },
      "AgentAccepted": {
        "type": "object",
        "properties": {
          "agentId": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "agent"
            ]
          },
          "status": {
            "type": "string",
            "description": "Always queued on acceptance.",
            "enum": [
              "queued"
            ]
          },
          "appId": {
            "type": "string"
          },
          "projectId": {
            "type": "string"
          },
          "createdAt": {
            "type": "integer",
            "description": "Unix ms."
          }
        },
        "required": [
          "agentId",
          "kind",
          "status",
          "appId",
          "projectId",
          "createdAt"
        ]
      },
      "FollowUpRequest": {
        "type": "object",
        "properties": {
          "prompt": {
            "type": "string",
            "description": "Not blank.",
            "pattern": "\\S"
          },
          "permission": {
            "type": "string",
            "enum": [
              "read_only",
              "allow_edits"
            ]
          },
          "permittedBranches": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string",
              "minLength": 1
            }
          },
          "completionWebhookUrl": {
            "type": [
              "string",
              "null"
            ],
            "description": "null clears it.",
            "format": "uri"
          }
        },
        "required": [
          "prompt"
        ]
      },
      "TurnAccepted": {
        "type": "object",
        "properties": {
          "agentId": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "agent"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "running",
              "completed",
              "error"
            ]
          }
        },
        "required": [
          "agentId",
          "kind",
          "status"
        ]
      },
      "Agent": {
        "type": "object",
        "properties": {
          "agentId": {
            "type": "string",
            "description": "Opaque identifier for the linked agent conversation."
          },
          "kind": {
            "type": "string",
            "description": "Discriminator.",
            "enum": [
              "agent",
              "code_review"
            ]
          },
          "status": {
            "type": "string",
            "description": "Current high-level lifecycle state for the asynchronous run.",
            "enum": [
              "queued",
              "running",
              "completed",
              "error"
            ]
          },
          "appId": {
            "type": "string",
            "description": "Bubble app ID."
          },
          "projectId": {
            "type": "string",
            "description": "Opaque identifier for the workspace project."
          },
          "projectName": {
            "type": "string"
          },
          "reviewId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Always null for agent runs."
          },
          "model": {
            "type": "string"
          },
          "reasoningEffort": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "none",
              "low",
              "medium",
              "high",
              null
            ]
          },
          "permission": {
            "type": "string",
            "enum": [
              "read_only",
              "allow_edits"
            ]
          },
          "permittedBranches": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "createdAt": {
            "type": "integer",
            "description": "Unix ms."
          },
          "updatedAt": {
            "type": "integer",
            "description": "Unix ms."
          },
          "completedAt": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix ms when the run reached completed or error."
          },
          "lastError": {
            "type": [
              "string",
              "null"
            ],
            "description": "The error message when status is error.",
            "x-buildermock-inferred": true
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/HistoryItem"
            }
          },
          "lifecycle": {
            "$ref": "#/components/schemas/Lifecycle"
          }
        },
        "required": [
          "agentId",
          "kind",
          "status",
          "appId",
          "projectId",
          "projectName",
          "reviewId",
          "model",
          "reasoningEffort",
          "permission",
          "permittedBranches",
          "createdAt",
          "updatedAt",
          "completedAt",
          "lastError",
          "history",
          "lifecycle"
        ]
      },
      "HistoryItem": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "sequence": {
            "type": "integer"
          },
          "role": {
            "type": "string",
            "enum": [
              "user",
              "assistant",
              "thinking",
              "tool",
              "system",
              "error"
            ]
          },
          "content": {
            "type": [
              "string",
              "null"
            ]
          },
          "toolName": {
            "type": [
              "string",
              "null"
            ]
          },
          "toolParameters": {
            "type": [
              "object",
              "null"
            ],
            "properties": {}
          },
          "attachments": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {}
            }
          },
          "createdAt": {
            "type": "integer",
            "description": "Unix ms."
          }
        },
        "required": [
          "id",
          "sequence",
          "role",
          "content",
          "toolName",
          "toolParameters",
          "attachments",
          "createdAt"
        ]
      },
      "Lifecycle": {
        "type": "object",
        "properties": {
          "conversationState": {
            "type": "string",
            "enum": [
              "draft",
              "ready",
              "running_turn",
              "errored",
              "archived"
            ]
          },
          "sandboxState": {
            "type": "string",
            "enum": [
              "none",
              "provisioning",
              "booting",
              "online",
              "paused",
              "dead"
            ]
          },
          "queuedTurnCount": {
            "type": "integer",
            "minimum": 0
          },
          "lastLifecycleEventAt": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix ms."
          }
        },
        "required": [
          "conversationState",
          "sandboxState",
          "queuedTurnCount",
          "lastLifecycleEventAt"
        ],
        "description": "Mapping inferred: queued → ready/provisioning (booting for a sandbox that ran before); running → running_turn/online; completed → ready/paused; error → errored/dead.",
        "x-buildermock-inferred": true
      },
      "WebhookPayload": {
        "type": "object",
        "properties": {
          "agentId": {
            "type": "string",
            "description": "Opaque identifier for the linked agent conversation."
          },
          "kind": {
            "type": "string",
            "description": "Discriminator.",
            "enum": [
              "agent",
              "code_review"
            ]
          },
          "status": {
            "type": "string",
            "description": "Current high-level lifecycle state for the asynchronous run.",
            "enum": [
              "queued",
              "running",
              "completed",
              "error"
            ]
          },
          "appId": {
            "type": "string",
            "description": "Bubble app ID."
          },
          "projectId": {
            "type": "string",
            "description": "Opaque identifier for the workspace project."
          },
          "projectName": {
            "type": "string"
          },
          "reviewId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Always null for agent runs."
          },
          "model": {
            "type": "string"
          },
          "reasoningEffort": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "none",
              "low",
              "medium",
              "high",
              null
            ]
          },
          "permission": {
            "type": "string",
            "enum": [
              "read_only",
              "allow_edits"
            ]
          },
          "permittedBranches": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "createdAt": {
            "type": "integer",
            "description": "Unix ms."
          },
          "updatedAt": {
            "type": "integer",
            "description": "Unix ms."
          },
          "completedAt": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix ms when the run reached completed or error."
          },
          "lastError": {
            "type": [
              "string",
              "null"
            ],
            "description": "The error message when status is error.",
            "x-buildermock-inferred": true
          },
          "lifecycle": {
            "$ref": "#/components/schemas/Lifecycle"
          }
        },
        "required": [
          "agentId",
          "kind",
          "status",
          "appId",
          "projectId",
          "projectName",
          "reviewId",
          "model",
          "reasoningEffort",
          "permission",
          "permittedBranches",
          "createdAt",
          "updatedAt",
          "completedAt",
          "lastError",
          "lifecycle"
        ],
        "description": "POSTed to completionWebhookUrl at completed or error: the Agent object without history. Headers (buildermock extension): X-Buildermock-Signature: sha256=HEX (HMAC-SHA256 of the raw body with the namespace secret from GET /__admin/webhooks/secret), X-Buildermock-Delivery, X-Buildermock-Attempt, X-Buildermock-Event. Non-2xx or no response: retried with exponential backoff.",
        "x-buildermock-inferred": true
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Workspace REST API token prefixed with bp_"
      }
    }
  },
  "webhooks": {
    "agentCompletion": {
      "post": {
        "summary": "Completion webhook",
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WebhookPayload"
              }
            }
          }
        },
        "responses": {
          "2XX": {
            "description": "Delivered; anything else is retried."
          }
        }
      }
    }
  }
}
"""#
}
