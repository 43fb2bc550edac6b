// The OpenAPI 3.1 document of Admin, served at /__admin/openapi/admin.json. Edit the JSON in
// place; OpenAPIDocumentTests checks it parses and matches the router's routes.
extension OpenAPIDocuments {
    static let admin = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "buildermock admin API",
    "version": "1",
    "description": "Everything under /__admin: clock, jobs, scenarios, reset, webhooks, the Builder.io world and these documents. Errors are {\"error\": {\"code\", \"message\"}}. With --admin-token every route except /__admin/health and the dashboard's static assets (/__admin/ui, /__admin/ui/app.js, /__admin/ui/app.css) needs `Authorization: Bearer TOKEN`; GET /__admin/events/stream also takes it as `?token=`."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/__admin/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Up.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    },
                    "version": {
                      "type": "string"
                    },
                    "uptime_s": {
                      "type": "number",
                      "minimum": 0
                    }
                  },
                  "required": [
                    "status",
                    "version",
                    "uptime_s"
                  ]
                }
              }
            }
          }
        },
        "security": [],
        "description": "Never needs the admin token, so container health checks work without it; it reveals only the version and uptime."
      }
    },
    "/__admin/openapi": {
      "get": {
        "operationId": "openapiIndex",
        "summary": "The OpenAPI documents this server serves",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Index.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "documents": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "name": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "url": {
                            "type": "string"
                          }
                        },
                        "required": [
                          "name",
                          "title",
                          "url"
                        ]
                      }
                    }
                  },
                  "required": [
                    "documents"
                  ]
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/openapi/{name}": {
      "get": {
        "operationId": "openapiDocument",
        "summary": "One OpenAPI 3.1 document",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "`builderagents.json`, `builderio.json`, `buildprint.json`, `appbuilds.json` or `admin.json`."
          }
        ],
        "responses": {
          "200": {
            "description": "The document.",
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
          },
          "404": {
            "description": "No such document. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/clock": {
      "get": {
        "operationId": "getClock",
        "summary": "The namespace's clock",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The clock.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Clock"
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/clock/advance": {
      "post": {
        "operationId": "advanceClock",
        "summary": "Advance a manual clock, running every transition due on the way, in order",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The clock and the transitions applied.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "clock": {
                      "$ref": "#/components/schemas/Clock"
                    },
                    "transitions": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Transition"
                      }
                    }
                  },
                  "required": [
                    "clock",
                    "transitions"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad body, duration or time, a real clock, or a move backwards. Codes: invalid_json, invalid_request, invalid_duration, invalid_time, invalid_clock_move, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
                "type": "object",
                "properties": {
                  "by": {
                    "type": "string",
                    "description": "Duration such as 90s, 1m30s, 250ms."
                  },
                  "to": {
                    "type": "string",
                    "description": "ISO 8601 UTC time."
                  }
                },
                "description": "Exactly one of by / to."
              },
              "example": {
                "by": "90s"
              }
            }
          }
        }
      }
    },
    "/__admin/clock/run-until": {
      "post": {
        "operationId": "runClockUntil",
        "summary": "Advance only as far as needed",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "Whether the goal was reached, the clock and the transitions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "reached": {
                      "type": "boolean"
                    },
                    "clock": {
                      "$ref": "#/components/schemas/Clock"
                    },
                    "transitions": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Transition"
                      }
                    }
                  },
                  "required": [
                    "reached",
                    "clock",
                    "transitions"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad body or duration, or a real clock. Codes: invalid_json, invalid_request, invalid_duration, invalid_clock_move, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such job. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
                "type": "object",
                "properties": {
                  "job": {
                    "type": "string"
                  },
                  "state": {
                    "type": "string"
                  },
                  "idle": {
                    "type": "boolean"
                  },
                  "max": {
                    "type": "string",
                    "description": "Duration; default 24h."
                  }
                },
                "description": "{job, state} or {idle: true}."
              },
              "example": {
                "idle": true,
                "max": "1h"
              }
            }
          }
        }
      }
    },
    "/__admin/schedule": {
      "get": {
        "operationId": "schedule",
        "summary": "What falls due next, job by job",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Upcoming transitions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string"
                    },
                    "now": {
                      "type": "string",
                      "description": "ISO 8601 UTC."
                    },
                    "upcoming": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "job": {
                            "type": "string"
                          },
                          "service": {
                            "type": "string"
                          },
                          "kind": {
                            "type": "string"
                          },
                          "state": {
                            "type": "string"
                          },
                          "step": {
                            "type": "string"
                          },
                          "due_at": {
                            "type": "string",
                            "description": "ISO 8601 UTC."
                          },
                          "in_ms": {
                            "type": "integer"
                          },
                          "next_step": {
                            "type": [
                              "string",
                              "null"
                            ]
                          }
                        },
                        "required": [
                          "job",
                          "service",
                          "kind",
                          "state",
                          "step",
                          "due_at",
                          "in_ms",
                          "next_step"
                        ]
                      }
                    }
                  },
                  "required": [
                    "namespace",
                    "now",
                    "upcoming"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad limit or namespace. Codes: invalid_query, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/jobs": {
      "get": {
        "operationId": "listJobs",
        "summary": "Jobs of the namespace, filtered",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "service",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
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
                    "namespace": {
                      "type": "string"
                    },
                    "total": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "limit": {
                      "type": "integer"
                    },
                    "offset": {
                      "type": "integer"
                    },
                    "jobs": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Job"
                      }
                    }
                  },
                  "required": [
                    "namespace",
                    "total",
                    "limit",
                    "offset",
                    "jobs"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad limit, offset or namespace. Codes: invalid_query, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/jobs/{id}": {
      "get": {
        "operationId": "getJob",
        "summary": "One job",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            }
          },
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The job.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such job. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/jobs/{id}/events": {
      "get": {
        "operationId": "getJobEvents",
        "summary": "A job's history",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            }
          },
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "Its events.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "job": {
                      "type": "string"
                    },
                    "events": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "seq": {
                            "type": "integer"
                          },
                          "at": {
                            "type": "string",
                            "description": "ISO 8601 UTC."
                          },
                          "from": {
                            "type": [
                              "string",
                              "null"
                            ]
                          },
                          "to": {
                            "type": "string"
                          },
                          "detail": {}
                        },
                        "required": [
                          "seq",
                          "at",
                          "from",
                          "to",
                          "detail"
                        ]
                      }
                    }
                  },
                  "required": [
                    "job",
                    "events"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such job. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/scenarios": {
      "get": {
        "operationId": "listScenarios",
        "summary": "The scenario library",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Every scenario.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "scenarios": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "name": {
                            "type": "string"
                          },
                          "service": {
                            "type": "string"
                          },
                          "kind": {
                            "type": "string"
                          },
                          "default": {
                            "type": "boolean"
                          },
                          "description": {
                            "type": "string"
                          },
                          "states": {
                            "type": "array",
                            "items": {
                              "type": "string"
                            }
                          }
                        },
                        "required": [
                          "name",
                          "service",
                          "kind",
                          "default",
                          "description",
                          "states"
                        ]
                      }
                    }
                  },
                  "required": [
                    "scenarios"
                  ]
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/scenarios/pin": {
      "post": {
        "operationId": "pinScenario",
        "summary": "Pin the next N jobs of a kind to a scenario",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The pin.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string"
                    },
                    "service": {
                      "type": "string"
                    },
                    "kind": {
                      "type": "string"
                    },
                    "scenario": {
                      "type": "string"
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 1
                    }
                  },
                  "required": [
                    "namespace",
                    "service",
                    "kind",
                    "scenario",
                    "count"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad body, unknown scenario or namespace. Codes: invalid_json, invalid_request, unknown_scenario, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
                "type": "object",
                "properties": {
                  "service": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string"
                  },
                  "scenario": {
                    "type": "string"
                  },
                  "count": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 1000000,
                    "default": 1
                  }
                },
                "required": [
                  "service",
                  "kind",
                  "scenario"
                ]
              },
              "example": {
                "service": "appbuilds",
                "kind": "build",
                "scenario": "default",
                "count": 1
              }
            }
          }
        }
      }
    },
    "/__admin/reset": {
      "post": {
        "operationId": "reset",
        "summary": "Delete a namespace's jobs, counters, pins and clock",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "all",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            },
            "description": "`true`: every namespace."
          }
        ],
        "responses": {
          "200": {
            "description": "What was reset.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "reset": {
                      "type": "string",
                      "description": "The namespace, or `all`."
                    }
                  },
                  "required": [
                    "reset"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/webhooks": {
      "get": {
        "operationId": "listWebhooks",
        "summary": "Webhook deliveries with every attempt",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "state",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
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
                    "namespace": {
                      "type": "string"
                    },
                    "total": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "deliveries": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/WebhookDelivery"
                      }
                    }
                  },
                  "required": [
                    "namespace",
                    "total",
                    "deliveries"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad limit, offset or namespace. Codes: invalid_query, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/webhooks/secret": {
      "get": {
        "operationId": "webhookSecret",
        "summary": "The namespace's webhook signing secret",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "Secret and how signatures are made.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string"
                    },
                    "secret": {
                      "type": "string"
                    },
                    "header": {
                      "type": "string"
                    },
                    "algorithm": {
                      "type": "string"
                    },
                    "format": {
                      "type": "string"
                    },
                    "allowedHosts": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "namespace",
                    "secret",
                    "header",
                    "algorithm",
                    "format",
                    "allowedHosts"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/webhooks/{id}": {
      "get": {
        "operationId": "getWebhook",
        "summary": "One delivery",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            }
          },
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The delivery.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookDelivery"
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such delivery. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/webhooks/{id}/redeliver": {
      "post": {
        "operationId": "redeliverWebhook",
        "summary": "Start a finished delivery over",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            }
          },
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The delivery after its first new attempt.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookDelivery"
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such delivery. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "The delivery is still under way. Codes: invalid_state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/builderio/spaces": {
      "get": {
        "operationId": "listBuilderIOSpaces",
        "summary": "Builder.io world: spaces",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Every space.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "spaces": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Space"
                      }
                    }
                  },
                  "required": [
                    "spaces"
                  ]
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "createBuilderIOSpace",
        "summary": "Builder.io world: create a space",
        "parameters": [],
        "responses": {
          "201": {
            "description": "The space.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Space"
                }
              }
            },
            "links": {
              "get": {
                "operationId": "getBuilderIOSpace",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Bad body. Codes: invalid_json, invalid_request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "A member or owner names a user id that does not exist and gives no email to create it. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Id or key taken. Codes: conflict.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "privateKey": {
                    "type": "string"
                  },
                  "privateKeys": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "owner": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "email": {
                        "type": "string",
                        "format": "email"
                      },
                      "name": {
                        "type": "string"
                      },
                      "admin": {
                        "type": "boolean"
                      }
                    }
                  },
                  "members": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "id": {
                          "type": "string"
                        },
                        "email": {
                          "type": "string",
                          "format": "email"
                        },
                        "name": {
                          "type": "string"
                        },
                        "admin": {
                          "type": "boolean"
                        }
                      }
                    }
                  }
                }
              },
              "example": {
                "name": "Conformance space",
                "owner": {
                  "email": "owner@example.com"
                }
              }
            }
          }
        }
      }
    },
    "/__admin/builderio/spaces/{id}": {
      "get": {
        "operationId": "getBuilderIOSpace",
        "summary": "Builder.io world: one space",
        "parameters": [
          {
            "name": "id",
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
            "description": "The space.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Space"
                }
              }
            }
          },
          "404": {
            "description": "No such space. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/builderio/users": {
      "post": {
        "operationId": "createBuilderIOUser",
        "summary": "Builder.io world: create a user",
        "parameters": [],
        "responses": {
          "201": {
            "description": "The user.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "400": {
            "description": "Bad body. Codes: invalid_json, invalid_request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown space. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Id or email taken. Codes: conflict.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "email": {
                    "type": "string",
                    "format": "email"
                  },
                  "name": {
                    "type": "string"
                  },
                  "admin": {
                    "type": "boolean"
                  },
                  "spaces": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                },
                "required": [
                  "email"
                ]
              },
              "example": {
                "email": "dev@example.com",
                "name": "Dev"
              }
            }
          }
        }
      }
    },
    "/__admin/builderio/memberships": {
      "post": {
        "operationId": "addBuilderIOMembership",
        "summary": "Builder.io world: add a user to a space",
        "parameters": [],
        "responses": {
          "201": {
            "description": "The membership.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "spaceId": {
                      "type": "string"
                    },
                    "user": {
                      "$ref": "#/components/schemas/User"
                    }
                  },
                  "required": [
                    "spaceId",
                    "user"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad body. Codes: invalid_json, invalid_request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown space or user. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Already a member. Codes: conflict.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "spaceId": {
                    "type": "string"
                  },
                  "userId": {
                    "type": "string"
                  },
                  "userEmail": {
                    "type": "string"
                  }
                },
                "required": [
                  "spaceId"
                ]
              },
              "example": {
                "spaceId": "conformance-space",
                "userEmail": "dev@example.com"
              }
            }
          }
        }
      }
    },
    "/__admin/builderio/projects": {
      "post": {
        "operationId": "createBuilderIOProject",
        "summary": "Builder.io world: create a project",
        "parameters": [],
        "responses": {
          "201": {
            "description": "The project.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Project"
                }
              }
            },
            "links": {
              "get": {
                "operationId": "getBuilderIOProject",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Bad body. Codes: invalid_json, invalid_request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown space. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "Id taken. Codes: conflict.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "spaceId": {
                    "type": "string"
                  },
                  "id": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  }
                },
                "required": [
                  "spaceId"
                ]
              },
              "example": {
                "spaceId": "conformance-space",
                "name": "Site"
              }
            }
          }
        }
      }
    },
    "/__admin/builderio/projects/{id}": {
      "get": {
        "operationId": "getBuilderIOProject",
        "summary": "Builder.io world: a project and its branches",
        "parameters": [
          {
            "name": "id",
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
            "description": "The project.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Project"
                }
              }
            }
          },
          "404": {
            "description": "No such project. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/faults": {
      "post": {
        "operationId": "addFault",
        "summary": "Add a fault rule to the namespace",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
                "$ref": "#/components/schemas/FaultRule"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The rule as stored, with its counters.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Fault"
                }
              }
            }
          },
          "400": {
            "description": "Empty body, malformed JSON, an invalid rule (the message names the field) or a malformed namespace. Codes: invalid_fault, invalid_json, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "Rule syntax: docs/FAULTS.md. The rule gets a fresh id and zeroed counters; it is consulted after the namespace's existing rules."
      },
      "get": {
        "operationId": "listFaults",
        "summary": "The namespace's fault rules and the totals injected so far",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "Rules and totals.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    },
                    "faults": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Fault"
                      }
                    },
                    "injected_totals": {
                      "type": "object",
                      "additionalProperties": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "description": "Faults injected so far, by fault kind, over every namespace."
                    }
                  },
                  "required": [
                    "namespace",
                    "faults",
                    "injected_totals"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "clearFaults",
        "summary": "Delete every fault rule of the namespace",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "How many rules were deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "cleared": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    }
                  },
                  "required": [
                    "cleared",
                    "namespace"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/faults/{id}": {
      "delete": {
        "operationId": "deleteFault",
        "summary": "Delete one fault rule",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "id",
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
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "deleted": {
                      "type": "string",
                      "description": "The rule id."
                    },
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    }
                  },
                  "required": [
                    "deleted",
                    "namespace"
                  ]
                }
              }
            }
          },
          "404": {
            "description": "No rule with this id in the namespace. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/requests": {
      "get": {
        "operationId": "listRequests",
        "summary": "The request journal of the namespace, oldest first",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "method",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Z]{1,20}$"
            },
            "description": "Only calls with this method (capitals)."
          },
          {
            "name": "path",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[/*]"
            },
            "description": "Only calls whose path matches this pattern (`*` wildcards, docs/JOURNAL.md)."
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 100,
              "maximum": 599
            },
            "description": "Only calls answered with this status."
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "description": "ISO 8601 UTC"
            },
            "description": "Only calls at or after this time (namespace clock), e.g. `2026-01-01T00:05:00Z`."
          },
          {
            "name": "after",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "Only calls with a larger seq (for incremental polling)."
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            },
            "description": "Page size."
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            },
            "description": "Entries to skip."
          }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    },
                    "total": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Entries matching the filters."
                    },
                    "limit": {
                      "type": "integer"
                    },
                    "offset": {
                      "type": "integer"
                    },
                    "requests": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/JournalEntry"
                      }
                    }
                  },
                  "required": [
                    "namespace",
                    "total",
                    "limit",
                    "offset",
                    "requests"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "A malformed filter, limit or offset, or a malformed namespace. Codes: invalid_query, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "Admin reads, waits and the journal routes themselves are not journaled (docs/JOURNAL.md)."
      },
      "delete": {
        "operationId": "clearRequests",
        "summary": "Empty the namespace's journal",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "How many entries were deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    },
                    "deleted": {
                      "type": "integer",
                      "minimum": 0
                    }
                  },
                  "required": [
                    "namespace",
                    "deleted"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/requests/count": {
      "post": {
        "operationId": "countRequests",
        "summary": "How many journaled calls match a matcher",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/JournalMatcher"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The count.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespace": {
                      "type": "string",
                      "description": "The namespace the call acted on."
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 0
                    }
                  },
                  "required": [
                    "namespace",
                    "count"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The body is not a JSON object, or the matcher is invalid (the message says which part), or a malformed namespace. Codes: invalid_json, invalid_matcher, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "An empty body or `{}` counts every entry."
      }
    },
    "/__admin/session": {
      "get": {
        "operationId": "exportSession",
        "summary": "The namespace's journal as a replayable session file",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "description": "The session file (pretty JSON, sorted keys) for `buildermock replay` (docs/JOURNAL.md).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "format": {
                      "type": "string",
                      "const": "buildermock-session/1"
                    },
                    "namespace": {
                      "type": "string"
                    },
                    "seed": {
                      "type": "string",
                      "pattern": "^[0-9]+$",
                      "description": "The engine seed, as text (an unsigned 64-bit integer)."
                    },
                    "clock": {
                      "type": "object",
                      "properties": {
                        "mode": {
                          "type": "string"
                        },
                        "start": {
                          "type": "string",
                          "description": "ISO 8601 UTC."
                        }
                      },
                      "required": [
                        "mode",
                        "start"
                      ]
                    },
                    "settings": {
                      "type": "object",
                      "description": "The serve settings that change answers."
                    },
                    "credentials": {
                      "type": "object",
                      "additionalProperties": {
                        "type": [
                          "string",
                          "null"
                        ]
                      }
                    },
                    "steps": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "kind": {
                            "type": "string"
                          },
                          "at": {
                            "type": "string"
                          },
                          "request": {
                            "type": "object"
                          },
                          "response": {
                            "type": "object"
                          }
                        },
                        "required": [
                          "kind",
                          "at",
                          "request",
                          "response"
                        ]
                      }
                    }
                  },
                  "required": [
                    "format",
                    "namespace",
                    "seed",
                    "clock",
                    "settings",
                    "credentials",
                    "steps"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Malformed namespace (?namespace= or header). Codes: invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/wait": {
      "post": {
        "operationId": "wait",
        "summary": "Long-poll until a job reaches a state or the journal holds N matching calls",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
                "type": "object",
                "properties": {
                  "job": {
                    "type": "string",
                    "minLength": 1
                  },
                  "state": {
                    "type": "string",
                    "minLength": 1,
                    "description": "Wait for this state; absent: until the job finishes."
                  },
                  "request": {
                    "$ref": "#/components/schemas/JournalMatcher"
                  },
                  "count": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 1000000,
                    "default": 1
                  },
                  "timeout": {
                    "type": "string",
                    "default": "30s",
                    "description": "A duration from `0s` to `60s`."
                  }
                },
                "additionalProperties": false,
                "description": "`{\"job\": ID, \"state\"?: STATE}` or `{\"request\": MATCHER, \"count\"?: N}`, plus `timeout`."
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The condition held, or the timeout passed (`reached: false`). Job waits carry `job`, request waits `count`.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "reached": {
                      "type": "boolean",
                      "description": "false: the timeout passed first."
                    },
                    "waited_ms": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Wall time waited."
                    },
                    "job": {
                      "$ref": "#/components/schemas/Job"
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 0,
                      "description": "Matching journal entries (request waits)."
                    }
                  },
                  "required": [
                    "reached",
                    "waited_ms"
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Neither or both of job/request, an unknown field, a bad state/count/timeout or matcher, a non-object body or a malformed namespace. Codes: invalid_request, invalid_duration, invalid_matcher, invalid_json, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such job in the namespace. Codes: not_found.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "Answers as soon as the condition holds, else when the timeout (wall time, default 30 s, at most 60 s) passes. Not journaled. Excluded from scripts/conformance.sh: a wait that is not met holds the connection for up to its timeout."
      }
    },
    "/__admin/ui": {
      "get": {
        "operationId": "dashboard",
        "summary": "The live dashboard page",
        "parameters": [
          {
            "name": "token",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "The admin token, read by the page's script (never by the server)."
          }
        ],
        "responses": {
          "200": {
            "description": "The page. Open `/__admin/ui?token=TOKEN` when an admin token is configured: the page keeps it in sessionStorage and sends it as `Authorization: Bearer` on its own calls.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "const": "no-cache"
                }
              },
              "X-Content-Type-Options": {
                "schema": {
                  "type": "string",
                  "const": "nosniff"
                }
              }
            },
            "content": {
              "text/html; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "description": "Served without the admin token even when one is configured: the asset holds no data, and a browser cannot add an Authorization header to a page load."
      }
    },
    "/__admin/ui/app.js": {
      "get": {
        "operationId": "dashboardScript",
        "summary": "The dashboard's script",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The script.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "const": "no-cache"
                }
              },
              "X-Content-Type-Options": {
                "schema": {
                  "type": "string",
                  "const": "nosniff"
                }
              }
            },
            "content": {
              "application/javascript; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "description": "Served without the admin token even when one is configured: the asset holds no data, and a browser cannot add an Authorization header to a page load."
      }
    },
    "/__admin/ui/app.css": {
      "get": {
        "operationId": "dashboardStylesheet",
        "summary": "The dashboard's stylesheet",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The stylesheet.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "const": "no-cache"
                }
              },
              "X-Content-Type-Options": {
                "schema": {
                  "type": "string",
                  "const": "nosniff"
                }
              }
            },
            "content": {
              "text/css; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "description": "Served without the admin token even when one is configured: the asset holds no data, and a browser cannot add an Authorization header to a page load."
      }
    },
    "/__admin/namespaces": {
      "get": {
        "operationId": "listNamespaces",
        "summary": "Every namespace that has state",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Namespace names, sorted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "namespaces": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  },
                  "required": [
                    "namespaces"
                  ]
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
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
    "/__admin/events/stream": {
      "get": {
        "operationId": "eventStream",
        "summary": "Engine events as server-sent events",
        "parameters": [
          {
            "name": "namespace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "description": "The namespace; else X-Buildermock-Namespace, else derived from the bearer token (not when an admin token is configured: then the bearer token is the admin credential), else `default`."
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
            "name": "all",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "true",
                "false"
              ]
            },
            "description": "`true`: events of every namespace."
          }
        ],
        "responses": {
          "200": {
            "description": "An endless `text/event-stream`: `retry: 2000`, a `hello` event, then `id: SEQ`, `event: TYPE`, `data: JSON` per committed event (transition, clock, webhook_attempt, job_updated, job_deleted, reset) and a `: heartbeat` comment every 15 s (docs/DASHBOARD.md). The stream ends only when the client leaves or the server stops.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "const": "no-cache"
                }
              },
              "X-Accel-Buffering": {
                "schema": {
                  "type": "string",
                  "const": "no"
                }
              }
            },
            "content": {
              "text/event-stream; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "`all` is neither true nor false, or a malformed namespace. Codes: invalid_query, invalid_namespace.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request has neither `Authorization: Bearer TOKEN` nor `?token=TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "Never ends, so scripts/conformance.sh does not fuzz it (a test client would wait forever); EventStreamRoutesTests cover it. The admin token may come as `?token=` instead of the header.",
        "security": [
          {
            "adminToken": []
          },
          {
            "adminTokenQuery": []
          },
          {}
        ]
      }
    },
    "/__admin/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Prometheus text exposition format 0.0.4; docs/DASHBOARD.md lists the families.",
            "content": {
              "text/plain; version=0.0.4; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "description": "An admin token is configured (--admin-token) and the request lacks `Authorization: Bearer TOKEN`. Codes: unauthorized.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "description": "Counts over every namespace; not journaled."
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
        ]
      },
      "Clock": {
        "type": "object",
        "properties": {
          "namespace": {
            "type": "string"
          },
          "mode": {
            "type": "string",
            "enum": [
              "manual",
              "real"
            ]
          },
          "now": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "now_ms": {
            "type": "integer"
          },
          "time_scale": {
            "type": "number"
          }
        },
        "required": [
          "namespace",
          "mode",
          "now",
          "now_ms",
          "time_scale"
        ]
      },
      "Transition": {
        "type": "object",
        "properties": {
          "job": {
            "type": "string"
          },
          "service": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "at": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "from": {
            "type": [
              "string",
              "null"
            ]
          },
          "to": {
            "type": "string"
          },
          "step": {
            "type": "string"
          },
          "trigger": {
            "type": "string"
          }
        },
        "required": [
          "job",
          "service",
          "kind",
          "at",
          "from",
          "to",
          "step",
          "trigger"
        ]
      },
      "Job": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "namespace": {
            "type": "string"
          },
          "service": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "step": {
            "type": "string"
          },
          "scenario": {
            "type": "string"
          },
          "due_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "updated_at": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "finished_at": {
            "type": [
              "string",
              "null"
            ]
          },
          "version": {
            "type": "integer"
          },
          "request": {
            "description": "The creating request as the service stored it (any JSON)."
          },
          "data": {
            "type": "object",
            "properties": {}
          }
        },
        "required": [
          "id",
          "namespace",
          "service",
          "kind",
          "state",
          "step",
          "scenario",
          "due_at",
          "created_at",
          "updated_at",
          "finished_at",
          "version",
          "request",
          "data"
        ]
      },
      "WebhookDelivery": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "service": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "url": {
            "type": [
              "string",
              "null"
            ]
          },
          "event": {
            "type": [
              "string",
              "null"
            ]
          },
          "source": {
            "type": [
              "string",
              "null"
            ]
          },
          "scenario": {
            "type": "string"
          },
          "attempts": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {}
            }
          },
          "maxAttempts": {
            "type": "integer"
          },
          "nextAttemptAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "simulated": {
            "description": "Simulated receiver behaviour, or null."
          },
          "payload": {
            "description": "The delivered JSON body, or null."
          },
          "createdAt": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "updatedAt": {
            "type": "string",
            "description": "ISO 8601 UTC."
          },
          "finishedAt": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "id",
          "service",
          "state",
          "url",
          "event",
          "source",
          "scenario",
          "attempts",
          "maxAttempts",
          "nextAttemptAt",
          "simulated",
          "payload",
          "createdAt",
          "updatedAt",
          "finishedAt"
        ]
      },
      "User": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "admin": {
            "type": "boolean"
          },
          "name": {
            "type": "string"
          }
        },
        "required": [
          "id",
          "email",
          "admin"
        ]
      },
      "Space": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "privateKeys": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "ownerId": {
            "type": "string"
          },
          "autoCreated": {
            "type": "boolean"
          },
          "members": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/User"
            }
          },
          "projects": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                }
              },
              "required": [
                "id",
                "name"
              ]
            }
          }
        },
        "required": [
          "id",
          "name",
          "privateKeys",
          "ownerId",
          "autoCreated",
          "members",
          "projects"
        ]
      },
      "Project": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "spaceId": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "createdAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "branches": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "jobId": {
                  "type": "string"
                },
                "namespace": {
                  "type": "string"
                },
                "createdAt": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                },
                "state": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "step": {
                  "type": "string"
                },
                "scenario": {
                  "type": "string"
                },
                "message": {
                  "description": "Latest progress message, or null."
                },
                "error": {
                  "description": "Error object, or null."
                },
                "finishedAt": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "progress": {
                  "type": "array",
                  "items": {}
                }
              },
              "required": [
                "name",
                "jobId",
                "namespace",
                "createdAt",
                "url",
                "state"
              ]
            }
          }
        },
        "required": [
          "id",
          "spaceId",
          "name",
          "createdAt",
          "branches"
        ]
      },
      "FaultRule": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "Accepted and ignored: the server assigns a fresh `flt_…` id."
          },
          "kind": {
            "type": "string",
            "enum": [
              "status",
              "latency",
              "reset",
              "empty",
              "malformed",
              "truncate",
              "drip",
              "hang",
              "fail",
              "drop",
              "delay",
              "duplicate",
              "receiver-5xx"
            ]
          },
          "params": {
            "type": "object",
            "description": "The kind's parameters (docs/FAULTS.md); unknown ones are a 400."
          },
          "target": {
            "type": "object",
            "properties": {
              "service": {
                "type": "string"
              },
              "route": {
                "type": "string"
              },
              "method": {
                "type": "string"
              },
              "job": {
                "type": "string"
              },
              "job-kind": {
                "type": "string"
              }
            },
            "additionalProperties": false
          },
          "calls": {
            "type": "object",
            "description": "Which matching calls fire: one of nth, first, every, after (integers ≥ 1) or probability (0…1); absent: every call.",
            "properties": {
              "nth": {
                "type": "integer"
              },
              "first": {
                "type": "integer"
              },
              "every": {
                "type": "integer"
              },
              "after": {
                "type": "integer"
              },
              "probability": {
                "type": "number"
              }
            }
          },
          "description": {
            "type": "string"
          },
          "comment": {
            "description": "Ignored (for scenario files)."
          }
        },
        "required": [
          "kind"
        ],
        "description": "A fault rule as POST /__admin/faults takes it (docs/FAULTS.md). `id`, `hits`, `matched`, `source` and `created_at` are accepted and ignored, so a listed rule can be posted back."
      },
      "Fault": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "params": {
            "type": "object"
          },
          "target": {
            "type": "object",
            "properties": {
              "service": {
                "type": "string"
              },
              "route": {
                "type": "string"
              },
              "method": {
                "type": "string"
              },
              "job": {
                "type": "string"
              },
              "job-kind": {
                "type": "string"
              }
            }
          },
          "calls": {
            "type": "object"
          },
          "description": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "description": "Where the rule came from: `admin`, or `scenario:NAME` for a rule a scenario declared."
          },
          "matched": {
            "type": "integer",
            "minimum": 0,
            "description": "Calls that matched the target."
          },
          "hits": {
            "type": "integer",
            "minimum": 0,
            "description": "Faults injected."
          },
          "created_at": {
            "type": "string",
            "description": "ISO 8601 UTC, namespace clock."
          }
        },
        "required": [
          "id",
          "kind",
          "params",
          "target",
          "calls",
          "source",
          "matched",
          "hits",
          "created_at"
        ],
        "description": "An active fault rule with its counters."
      },
      "JournalMessage": {
        "type": "object",
        "properties": {
          "headers": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "minItems": 2,
              "maxItems": 2
            },
            "description": "[[name, value], …] in order."
          },
          "body": {
            "type": "string",
            "description": "The body as UTF-8 text (absent when empty or not UTF-8)."
          },
          "body_base64": {
            "type": "string",
            "description": "The body when it is not UTF-8."
          },
          "body_size": {
            "type": "integer",
            "description": "The full size when the stored body was cut short."
          }
        },
        "required": [
          "headers"
        ]
      },
      "JournalEntry": {
        "type": "object",
        "properties": {
          "seq": {
            "type": "integer",
            "minimum": 0
          },
          "namespace": {
            "type": "string"
          },
          "at": {
            "type": "string",
            "description": "ISO 8601 UTC, namespace clock."
          },
          "method": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "query": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "integer"
          },
          "duration_us": {
            "type": "integer",
            "minimum": 0
          },
          "fault": {
            "type": [
              "string",
              "null"
            ],
            "description": "The fault kind injected, if any."
          },
          "request": {
            "$ref": "#/components/schemas/JournalMessage"
          },
          "response": {
            "$ref": "#/components/schemas/JournalMessage"
          }
        },
        "required": [
          "seq",
          "namespace",
          "at",
          "method",
          "path",
          "query",
          "status",
          "duration_us",
          "fault",
          "request",
          "response"
        ],
        "description": "One journaled call (docs/JOURNAL.md)."
      },
      "JournalMatcher": {
        "type": "object",
        "properties": {
          "method": {
            "type": "string",
            "pattern": "^[A-Z]{1,20}$"
          },
          "path": {
            "type": "string",
            "pattern": "^[/*]",
            "description": "A path pattern; `*` matches within a segment, a trailing `/**`… see docs/JOURNAL.md."
          },
          "status": {
            "type": "integer",
            "minimum": 100,
            "maximum": 599
          },
          "headers": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string",
                  "minLength": 1
                },
                "equals": {
                  "type": "string"
                },
                "contains": {
                  "type": "string"
                },
                "present": {
                  "const": true
                }
              },
              "required": [
                "name"
              ],
              "minProperties": 2,
              "maxProperties": 2
            }
          },
          "body": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "path": {
                  "type": "string",
                  "minLength": 1,
                  "description": "Dotted path into the JSON body, e.g. `a.b.0`."
                },
                "equals": {
                  "description": "Any JSON value."
                }
              },
              "required": [
                "path",
                "equals"
              ],
              "additionalProperties": false
            }
          }
        },
        "additionalProperties": false,
        "description": "Every part optional; all given parts must match (docs/JOURNAL.md)."
      }
    },
    "securitySchemes": {
      "adminToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "The --admin-token / BUILDERMOCK_ADMIN_TOKEN value; only enforced when one is configured."
      },
      "adminTokenQuery": {
        "type": "apiKey",
        "in": "query",
        "name": "token",
        "description": "The admin token as `?token=`, for EventSource clients; accepted on GET /__admin/events/stream only, compared in constant time like the header."
      }
    }
  },
  "security": [
    {
      "adminToken": []
    },
    {}
  ]
}
"""#
}
