// The OpenAPI 3.1 document of BuilderIO, served at /__admin/openapi/builderio.json. Edit the JSON in
// place; OpenAPIDocumentTests checks it parses and matches the router's routes.
extension OpenAPIDocuments {
    static let builderIO = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Builder.io Agents Run (buildermock emulation)",
    "version": "v1",
    "description": "Emulated by buildermock from seed 001. Real host https://api.builder.io; served here on any host. There is no public status endpoint: branch progress shows on the editor page and under /__admin/builderio. Parts marked x-buildermock-inferred are our reading where the vendor is silent."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/agents/run": {
      "post": {
        "operationId": "runAgent",
        "summary": "Start an agent on a new branch",
        "description": "Authentication order: 401 without a usable Authorization header, then 400 for the apiKey query field, then 403 for key/Space/user mismatches, then the body is read.",
        "security": [
          {
            "privateKey": [],
            "publicKey": []
          }
        ],
        "parameters": [
          {
            "name": "apiKey",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The Space's public API key (its id).",
            "example": "conformance-space"
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
                "$ref": "#/components/schemas/RunRequest"
              },
              "example": {
                "userMessage": {
                  "userPrompt": "Add a hero section to the landing page"
                },
                "branchName": "landing hero"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted; the branch is processing. Later states show only on the editor page and the admin API.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunAccepted"
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
            "description": "Missing or invalid field (body, apiKey, namespace or scenario header), or no user identifier under strict auth.",
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
            "description": "No Authorization header, or not `Bearer <key>` (inferred: 401 rather than 403 when there is no key at all).",
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
          "403": {
            "description": "Invalid private key, key of another Space, user not in the Space, or project not in the Space.",
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
            "description": "User not found.",
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
    "/app/projects/{project}/{branch}": {
      "get": {
        "operationId": "editorPage",
        "summary": "The branch's editor page (the url of a run)",
        "security": [],
        "parameters": [
          {
            "name": "project",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The run's projectId."
          },
          {
            "name": "branch",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The run's branchName."
          }
        ],
        "responses": {
          "200": {
            "description": "HTML: the branch's state and progress; refreshes itself until finished.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
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
            "description": "No such branch: an HTML page; a path the route cannot match gets the API's JSON error.",
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
          "error": {
            "type": "string"
          }
        },
        "required": [
          "error"
        ],
        "description": "Status codes and bodies are inferred (the seed lost them); Builder.io's own client passes status and text through.",
        "x-buildermock-inferred": true
      },
      "UploadAttachment": {
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "upload"
            ]
          },
          "name": {
            "type": "string",
            "minLength": 1
          },
          "contentType": {
            "type": "string",
            "description": "MIME type (parameters allowed); the list is inferred from the seed's use cases.",
            "minLength": 1,
            "x-buildermock-inferred": true
          },
          "dataUrl": {
            "type": "string",
            "description": "base64 data URL whose media type matches contentType, e.g. data:image/png;base64,…",
            "minLength": 1
          },
          "size": {
            "type": "integer",
            "description": "Bytes; must equal the decoded dataUrl length.",
            "minimum": 0
          },
          "id": {
            "type": "string",
            "description": "Unique among the message's attachments.",
            "minLength": 1
          },
          "text": {
            "type": "string"
          }
        },
        "required": [
          "type",
          "name",
          "contentType",
          "dataUrl",
          "size",
          "id"
        ]
      },
      "UrlAttachment": {
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "url"
            ]
          },
          "value": {
            "type": "string",
            "description": "Fully qualified http or https URL.",
            "format": "uri"
          }
        },
        "required": [
          "type",
          "value"
        ]
      },
      "RunRequest": {
        "type": "object",
        "properties": {
          "userMessage": {
            "type": "object",
            "properties": {
              "userPrompt": {
                "type": "string",
                "description": "Not blank.",
                "minLength": 1
              },
              "attachments": {
                "type": "array",
                "items": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/UploadAttachment"
                    },
                    {
                      "$ref": "#/components/schemas/UrlAttachment"
                    }
                  ]
                }
              }
            },
            "required": [
              "userPrompt"
            ]
          },
          "projectId": {
            "type": "string",
            "description": "An existing project of the Space; omitted → a new project named from branchName or the prompt.",
            "minLength": 1
          },
          "branchName": {
            "type": "string",
            "description": "Friendly branch name (must contain letters or digits); also the new project's name.",
            "minLength": 1
          },
          "userId": {
            "type": "string",
            "minLength": 1
          },
          "userEmail": {
            "type": "string",
            "format": "email"
          }
        },
        "required": [
          "userMessage"
        ],
        "description": "One of userId / userEmail is required by the vendor; buildermock's lenient default falls back to the Space's owner (strict auth: 400)."
      },
      "RunAccepted": {
        "type": "object",
        "properties": {
          "branchName": {
            "type": "string",
            "description": "slug + 4 hex, e.g. landing-page-hero-a1b2."
          },
          "projectId": {
            "type": "string"
          },
          "url": {
            "type": "string",
            "description": "The branch's editor page on this server: /app/projects/{projectId}/{branchName}.",
            "format": "uri"
          },
          "status": {
            "type": "string",
            "description": "Always processing.",
            "enum": [
              "processing"
            ]
          }
        },
        "required": [
          "branchName",
          "projectId",
          "url",
          "status"
        ]
      }
    },
    "securitySchemes": {
      "privateKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "The Space's private key, bpk-…"
      },
      "publicKey": {
        "type": "apiKey",
        "in": "query",
        "name": "apiKey",
        "description": "The Space's public key."
      }
    }
  }
}
"""#
}
