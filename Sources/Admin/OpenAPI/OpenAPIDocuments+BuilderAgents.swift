// The OpenAPI 3.1 document of BuilderAgents, served at /__admin/openapi/builderagents.json. Edit the JSON in
// place; OpenAPIDocumentTests checks it parses and matches the router's routes.
extension OpenAPIDocuments {
    static let builderAgents = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Mihu AI builder agents and builders (buildermock emulation)",
    "version": "v1",
    "description": "Emulated by buildermock from seeds 000 and 003 and the vendor's public docs. Real host https://{tenant}.mihu.ai; here every path is served on one port. Parts marked x-buildermock-inferred are our reading where the vendor is silent. Every answer carries a Date header from the namespace clock."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/api/v1/builder-agents": {
      "post": {
        "operationId": "startBuildConversation",
        "summary": "Start a build conversation",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "X-Buildermock-Scenario",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "buildermock extension: the scenario the new job follows (see GET /__admin/scenarios). An unknown name is a 400.",
            "x-buildermock-inferred": true
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
          "201": {
            "description": "Started (201 inferred); status processing.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Conversation"
                    },
                    "message": {
                      "type": "string",
                      "description": "Build conversation started"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
                "operationId": "getBuildConversation",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "answer": {
                "operationId": "answerBuildConversation",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "approve": {
                "operationId": "approveBuildConversation",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "rebuild": {
                "operationId": "rebuildBuildConversation",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              }
            }
          },
          "400": {
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateConversation"
              },
              "example": {
                "prompt": "Watch my Zoho CRM leads every 5 minutes"
              }
            }
          }
        }
      },
      "get": {
        "operationId": "listBuildConversations",
        "summary": "List build conversations, newest first",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000,
              "default": 1
            },
            "description": "1-based page; out of range → 422.",
            "x-buildermock-inferred": true
          },
          {
            "name": "per_page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 15
            },
            "description": "Items per page; out of range → 422.",
            "x-buildermock-inferred": true
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "A page (paginator inferred).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Conversation"
                          }
                        },
                        "current_page": {
                          "type": "integer",
                          "minimum": 1
                        },
                        "per_page": {
                          "type": "integer",
                          "minimum": 1
                        },
                        "total": {
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "required": [
                        "data",
                        "current_page",
                        "per_page",
                        "total"
                      ],
                      "x-buildermock-inferred": true
                    },
                    "message": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builder-agents/{uuid}": {
      "get": {
        "operationId": "getBuildConversation",
        "summary": "Get a build conversation",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "The conversation.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Conversation"
                    },
                    "message": {
                      "type": "string",
                      "description": "Build conversation retrieved successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No conversation with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        }
      }
    },
    "/api/v1/builder-agents/{uuid}/answers": {
      "post": {
        "operationId": "answerBuildConversation",
        "summary": "Answer the questions (back to processing)",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Conversation"
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No conversation with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          },
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "description": "Only while gathering; an affirmative answer at the approval gate approves.",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Answer"
              },
              "example": {
                "message": "Use the stored credentials; EU region."
              }
            }
          }
        }
      }
    },
    "/api/v1/builder-agents/{uuid}/approve": {
      "post": {
        "operationId": "approveBuildConversation",
        "summary": "Approve the plan and deploy",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Approved; building.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Conversation"
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No conversation with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          }
        }
      }
    },
    "/api/v1/builder-agents/{uuid}/rebuild": {
      "post": {
        "operationId": "rebuildBuildConversation",
        "summary": "Reopen a deployed conversation with a change",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Rebuild accepted; conversation reopened.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Conversation"
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No conversation with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          },
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Rebuild"
              },
              "example": {
                "message": "Also post new leads to Slack.",
                "replace_prompt": false
              }
            }
          }
        }
      }
    },
    "/api/v1/builders": {
      "post": {
        "operationId": "createBuilder",
        "summary": "Create a builder from your own files (created and running)",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "X-Buildermock-Scenario",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "buildermock extension: the scenario the new job follows (see GET /__admin/scenarios). An unknown name is a 400.",
            "x-buildermock-inferred": true
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
          "201": {
            "description": "Created (201 inferred).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Builder"
                    },
                    "message": {
                      "type": "string",
                      "description": "Builder created successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
                "operationId": "getBuilder",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "stop": {
                "operationId": "stopBuilder",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "start": {
                "operationId": "startBuilder",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "logs": {
                "operationId": "getBuilderLogs",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "files": {
                "operationId": "getBuilderFiles",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "exec": {
                "operationId": "execInBuilder",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "autoStop": {
                "operationId": "setBuilderAutoStop",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              },
              "delete": {
                "operationId": "deleteBuilder",
                "parameters": {
                  "uuid": "$response.body#/data/uuid"
                }
              }
            }
          },
          "400": {
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateBuilder"
              },
              "example": {
                "name": "my-api",
                "entrypoint": "python3 main.py",
                "files": {
                  "main.py": "print('hi')",
                  "requirements.txt": "flask"
                },
                "port": 8000,
                "env": {
                  "MY_FLAG": "1"
                },
                "resources": {
                  "cpu": 1,
                  "memory": 1,
                  "disk": 3
                },
                "job_type": "always_on"
              }
            }
          }
        }
      },
      "get": {
        "operationId": "listBuilders",
        "summary": "List builders, newest first",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000000,
              "default": 1
            },
            "description": "1-based page; out of range → 422.",
            "x-buildermock-inferred": true
          },
          {
            "name": "per_page",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 15
            },
            "description": "Items per page; out of range → 422.",
            "x-buildermock-inferred": true
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "A page.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Builder"
                          }
                        },
                        "current_page": {
                          "type": "integer",
                          "minimum": 1
                        },
                        "per_page": {
                          "type": "integer",
                          "minimum": 1
                        },
                        "total": {
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "required": [
                        "data",
                        "current_page",
                        "per_page",
                        "total"
                      ],
                      "x-buildermock-inferred": true
                    },
                    "message": {
                      "type": "string",
                      "description": "Builders retrieved successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}": {
      "get": {
        "operationId": "getBuilder",
        "summary": "Get a builder",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "The builder.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Builder"
                    },
                    "message": {
                      "type": "string",
                      "description": "Builder retrieved successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      },
      "delete": {
        "operationId": "deleteBuilder",
        "summary": "Delete a builder",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "uuid": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "uuid"
                      ]
                    },
                    "message": {
                      "type": "string",
                      "description": "Builder deleted successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}/stop": {
      "post": {
        "operationId": "stopBuilder",
        "summary": "Stop a running builder",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Stopped.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Builder"
                    },
                    "message": {
                      "type": "string",
                      "description": "Builder stopped successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}/start": {
      "post": {
        "operationId": "startBuilder",
        "summary": "Start a stopped builder",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Started.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Builder"
                    },
                    "message": {
                      "type": "string",
                      "description": "Builder started successfully"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}/logs": {
      "get": {
        "operationId": "getBuilderLogs",
        "summary": "A builder's log lines",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Log lines.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "uuid": {
                          "type": "string"
                        },
                        "logs": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        }
                      },
                      "required": [
                        "uuid",
                        "logs"
                      ]
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}/files": {
      "get": {
        "operationId": "getBuilderFiles",
        "summary": "A builder's files",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Path → contents.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "uuid": {
                          "type": "string"
                        },
                        "files": {
                          "type": "object",
                          "properties": {},
                          "additionalProperties": {
                            "type": "string"
                          }
                        }
                      },
                      "required": [
                        "uuid",
                        "files"
                      ]
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/api/v1/builders/{uuid}/exec": {
      "post": {
        "operationId": "execInBuilder",
        "summary": "Run a command (scripted: nothing is executed)",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "The command's result.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "type": "object",
                      "properties": {
                        "exit_code": {
                          "type": "integer"
                        },
                        "output": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "exit_code",
                        "output"
                      ]
                    }
                  },
                  "required": [
                    "success",
                    "data"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          },
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "description": "Output comes from the scenario: `ls` lists files, `cat F` prints a file, `env` the environment, else a scripted answer. 409 unless running.",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Exec"
              },
              "example": {
                "command": "ls"
              }
            }
          }
        }
      }
    },
    "/api/v1/builders/{uuid}/auto-stop": {
      "post": {
        "operationId": "setBuilderAutoStop",
        "summary": "Set the auto-stop interval",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The conversation's or builder's uuid."
          },
          {
            "name": "X-Mihu-Tenant",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "Documented tenant selector; buildermock uses it as the namespace when X-Buildermock-Namespace is absent."
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
            "description": "Updated.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "success": {
                      "const": true
                    },
                    "data": {
                      "$ref": "#/components/schemas/Builder"
                    },
                    "message": {
                      "type": "string",
                      "description": "Auto-stop updated"
                    }
                  },
                  "required": [
                    "success",
                    "data",
                    "message"
                  ]
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
            "description": "Malformed request: the body is not JSON or not an object, the namespace header is malformed, or X-Buildermock-Scenario names no scenario. Codes: INVALID_JSON, INVALID_NAMESPACE, UNKNOWN_SCENARIO.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "401": {
            "description": "No Authorization header (MISSING_AUTH_TOKEN, documented body), or not `Bearer <non-empty token>` (INVALID_AUTH_TOKEN). Codes: MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "404": {
            "description": "No builder with this uuid in the namespace. Codes: NOT_FOUND.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          "409": {
            "description": "The action is not allowed in the current state (inferred guard). Codes: INVALID_STATE.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "x-buildermock-inferred": true
          },
          "422": {
            "description": "Validation failed; error.field names the field. Codes: VALIDATION_ERROR.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
          }
        },
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AutoStop"
              },
              "example": {
                "auto_stop_interval": 30
              }
            }
          }
        },
        "x-buildermock-inferred": true
      }
    },
    "/mihu/preview/{namespace}/{uuid}": {
      "get": {
        "operationId": "previewBuilder",
        "summary": "The builder's preview page (the target of preview_url)",
        "security": [],
        "parameters": [
          {
            "name": "namespace",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "Namespace of the builder."
          },
          {
            "name": "uuid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "HTML page showing the builder.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "No such builder: an HTML page; a path the route cannot match gets the API's JSON error.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              },
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "x-buildermock-inferred": true
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {
          "success": {
            "const": false
          },
          "message": {
            "type": "string"
          },
          "error": {
            "type": "object",
            "properties": {
              "code": {
                "type": "string"
              },
              "details": {
                "type": "string"
              },
              "field": {
                "type": "string",
                "description": "Only on validation errors."
              }
            },
            "required": [
              "code",
              "details"
            ]
          }
        },
        "required": [
          "success",
          "message",
          "error"
        ],
        "description": "Documented platform-wide error shape."
      },
      "Conversation": {
        "type": "object",
        "properties": {
          "uuid": {
            "type": "string"
          },
          "name": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "string",
            "description": "processing = keep polling; gathering = show message and questions, then answer; deployed = builder is set; failed = terminal.",
            "enum": [
              "processing",
              "gathering",
              "deployed",
              "failed"
            ]
          },
          "prompt": {
            "type": [
              "string",
              "null"
            ]
          },
          "message": {
            "type": "string"
          },
          "questions": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Non-empty only while gathering. The approval gate (inferred) asks [\"Approve this plan and deploy?\"]."
          },
          "builder": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Builder"
              },
              {
                "type": "null"
              }
            ]
          },
          "created_at": {
            "type": "string",
            "description": "UTC, seconds precision."
          }
        },
        "required": [
          "uuid",
          "name",
          "status",
          "prompt",
          "message",
          "questions",
          "builder",
          "created_at"
        ]
      },
      "Builder": {
        "type": "object",
        "properties": {
          "uuid": {
            "type": "string"
          },
          "name": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "string",
            "description": "Run state (inferred: no run-state field is documented).",
            "enum": [
              "running",
              "stopped"
            ],
            "x-buildermock-inferred": true
          },
          "preview_url": {
            "type": [
              "string",
              "null"
            ],
            "format": "uri"
          },
          "service_token": {
            "type": [
              "string",
              "null"
            ]
          },
          "entrypoint": {
            "type": [
              "string",
              "null"
            ]
          },
          "port": {
            "type": "integer",
            "minimum": 1,
            "maximum": 65535
          },
          "auto_stop_interval": {
            "type": "integer",
            "description": "Idle minutes before auto-stop; 0 = off (unit inferred).",
            "minimum": 0
          },
          "backup_interval_hours": {
            "type": "integer",
            "minimum": 0
          },
          "review_passed": {
            "type": "boolean"
          },
          "qa_passed": {
            "type": "boolean"
          },
          "cost": {
            "type": "object",
            "properties": {
              "currency": {
                "type": "string",
                "enum": [
                  "EUR"
                ]
              },
              "hourly_rate": {
                "type": "number",
                "minimum": 0
              },
              "runtime_hours": {
                "type": "number",
                "minimum": 0
              },
              "cost": {
                "type": "number",
                "description": "round(hourly_rate × runtime_hours, 2)",
                "minimum": 0
              }
            },
            "required": [
              "currency",
              "hourly_rate",
              "runtime_hours",
              "cost"
            ]
          },
          "created_at": {
            "type": "string",
            "description": "UTC, seconds precision: YYYY-MM-DDTHH:MM:SSZ."
          }
        },
        "required": [
          "uuid",
          "name",
          "status",
          "preview_url",
          "service_token",
          "entrypoint",
          "port",
          "auto_stop_interval",
          "backup_interval_hours",
          "review_passed",
          "qa_passed",
          "cost",
          "created_at"
        ]
      },
      "CreateConversation": {
        "type": "object",
        "properties": {
          "prompt": {
            "type": "string",
            "description": "What to build; at most 10000 characters after trimming; not blank.",
            "pattern": "\\S"
          },
          "name": {
            "type": "string",
            "description": "Optional; derived from the prompt when absent.",
            "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
            "maxLength": 63
          },
          "auto_approve": {
            "type": "boolean",
            "description": "Skip the approval gate (name inferred).",
            "default": false,
            "x-buildermock-inferred": true
          },
          "skip_approval": {
            "type": "boolean",
            "description": "Alias of auto_approve (inferred).",
            "default": false,
            "x-buildermock-inferred": true
          },
          "skip_review": {
            "type": "boolean",
            "description": "Skip the review step (name inferred).",
            "default": false,
            "x-buildermock-inferred": true
          },
          "skip_qa": {
            "type": "boolean",
            "description": "Alias of skip_review (inferred).",
            "default": false,
            "x-buildermock-inferred": true
          }
        },
        "required": [
          "prompt"
        ]
      },
      "Answer": {
        "type": "object",
        "properties": {
          "message": {
            "type": "string",
            "description": "Not blank.",
            "pattern": "\\S"
          }
        },
        "required": [
          "message"
        ]
      },
      "Rebuild": {
        "type": "object",
        "properties": {
          "message": {
            "type": "string",
            "description": "Not blank.",
            "pattern": "\\S"
          },
          "replace_prompt": {
            "type": "boolean",
            "description": "true: the message becomes the stored prompt; false: it is appended to it.",
            "default": false
          }
        },
        "required": [
          "message"
        ]
      },
      "CreateBuilder": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "description": "Unique per namespace (a duplicate is a 422).",
            "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
            "maxLength": 63
          },
          "entrypoint": {
            "type": "string",
            "description": "Command that starts the app (listening on 0.0.0.0:port). A file it names must be in files.",
            "pattern": "\\S"
          },
          "files": {
            "type": "object",
            "properties": {},
            "additionalProperties": {
              "type": "string"
            },
            "minProperties": 1,
            "description": "Relative path (no leading /, no .. segment) → contents.",
            "propertyNames": {
              "pattern": "^[^/]",
              "not": {
                "pattern": "(^|/)\\.\\.(/|$)"
              }
            }
          },
          "port": {
            "type": "integer",
            "minimum": 1,
            "maximum": 65535,
            "default": 8000
          },
          "env": {
            "type": "object",
            "properties": {},
            "additionalProperties": {
              "type": "string"
            },
            "description": "Non-secret environment.",
            "propertyNames": {
              "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"
            }
          },
          "resources": {
            "type": "object",
            "properties": {
              "cpu": {
                "type": "integer",
                "minimum": 1,
                "maximum": 8,
                "default": 1
              },
              "memory": {
                "type": "integer",
                "description": "GB",
                "minimum": 1,
                "maximum": 32,
                "default": 1
              },
              "disk": {
                "type": "integer",
                "description": "GB",
                "minimum": 1,
                "maximum": 100,
                "default": 3
              }
            }
          },
          "job_type": {
            "type": "string",
            "enum": [
              "always_on",
              "one_time"
            ],
            "default": "always_on"
          },
          "backup_interval_hours": {
            "type": "integer",
            "description": "0 = off.",
            "minimum": 0,
            "maximum": 8760,
            "default": 0
          },
          "auto_stop_interval": {
            "type": "integer",
            "description": "Idle minutes; 0 = off (inferred).",
            "minimum": 0,
            "maximum": 10080,
            "default": 0,
            "x-buildermock-inferred": true
          }
        },
        "required": [
          "name",
          "entrypoint",
          "files"
        ]
      },
      "Exec": {
        "type": "object",
        "properties": {
          "command": {
            "type": "string",
            "description": "Not blank.",
            "pattern": "\\S"
          },
          "timeout": {
            "type": "integer",
            "description": "Seconds.",
            "minimum": 1,
            "maximum": 600,
            "default": 60
          }
        },
        "required": [
          "command"
        ]
      },
      "AutoStop": {
        "type": "object",
        "properties": {
          "auto_stop_interval": {
            "type": "integer",
            "description": "Idle minutes; 0 = off.",
            "minimum": 0,
            "maximum": 10080
          }
        },
        "required": [
          "auto_stop_interval"
        ],
        "x-buildermock-inferred": true
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Any non-empty token (documented; no prefix). The token also selects the namespace unless X-Mihu-Tenant or X-Buildermock-Namespace does."
      }
    }
  }
}
"""#
}
