// The OpenAPI 3.1 document of AppBuilds, served at /__admin/openapi/appbuilds.json. Edit the JSON in
// place; OpenAPIDocumentTests checks it parses and matches the router's routes.
extension OpenAPIDocuments {
    static let appBuilds = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Capwrapper app builds (buildermock emulation)",
    "version": "v1",
    "description": "Emulated by buildermock from seed 004. Real base https://api.capwrapper.com; its docs use both /api/v1 and /v1, so both are served. Deploys and downloads are buildermock's inferred extension. Every answer carries a Date header from the namespace clock."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/api/v1/builds": {
      "post": {
        "operationId": "createBuild",
        "summary": "Start a build",
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
                "$ref": "#/components/schemas/CreateBuild"
              },
              "example": {
                "url": "https://example.com",
                "appName": "Demo",
                "bundleId": "com.example.demo",
                "version": "1.0.0"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Queued (201 inferred).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Build"
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
                "operationId": "getBuild",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "get": {
        "operationId": "listBuilds",
        "summary": "List builds, newest first",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 20
            },
            "description": "Over 100, under 1 or not a number → 400 (inferred)."
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 2147483647,
              "default": 0
            }
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
                  "$ref": "#/components/schemas/BuildList"
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
            "description": "Missing or invalid parameters (limit, offset); a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/builds/{id}": {
      "get": {
        "operationId": "getBuild",
        "summary": "Get a build",
        "security": [
          {
            "bearerAuth": []
          }
        ],
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
            "description": "The build.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Build"
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
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "No build with this id. Codes: not_found.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/v1/builds": {
      "post": {
        "operationId": "createBuildV1",
        "summary": "Start a build",
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
                "$ref": "#/components/schemas/CreateBuild"
              },
              "example": {
                "url": "https://example.com",
                "appName": "Demo",
                "bundleId": "com.example.demo",
                "version": "1.0.0"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Queued (201 inferred).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Build"
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
                "operationId": "getBuildV1",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "get": {
        "operationId": "listBuildsV1",
        "summary": "List builds, newest first",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 20
            },
            "description": "Over 100, under 1 or not a number → 400 (inferred)."
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 2147483647,
              "default": 0
            }
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
                  "$ref": "#/components/schemas/BuildList"
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
            "description": "Missing or invalid parameters (limit, offset); a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/v1/builds/{id}": {
      "get": {
        "operationId": "getBuildV1",
        "summary": "Get a build",
        "security": [
          {
            "bearerAuth": []
          }
        ],
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
            "description": "The build.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Build"
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
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "No build with this id. Codes: not_found.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/deploys": {
      "post": {
        "operationId": "createDeploy",
        "summary": "Deploy a successful build to a store",
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
                "$ref": "#/components/schemas/CreateDeploy"
              },
              "example": {
                "buildId": "bld_abc123xyz",
                "store": "play"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Queued.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deploy"
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
                "operationId": "getDeploy",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Missing or invalid parameters (buildId unknown, store invalid or of the other platform); a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "The build has not succeeded. Codes: build_not_successful.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
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
    "/api/v1/deploys/{id}": {
      "get": {
        "operationId": "getDeploy",
        "summary": "Get a deploy",
        "security": [
          {
            "bearerAuth": []
          }
        ],
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
            "description": "The deploy.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deploy"
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
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "No deploy with this id. Codes: not_found.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
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
    "/v1/deploys": {
      "post": {
        "operationId": "createDeployV1",
        "summary": "Deploy a successful build to a store",
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
                "$ref": "#/components/schemas/CreateDeploy"
              },
              "example": {
                "buildId": "bld_abc123xyz",
                "store": "play"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Queued.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deploy"
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
                "operationId": "getDeployV1",
                "parameters": {
                  "id": "$response.body#/id"
                }
              }
            }
          },
          "400": {
            "description": "Missing or invalid parameters (buildId unknown, store invalid or of the other platform); a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "The build has not succeeded. Codes: build_not_successful.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
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
    "/v1/deploys/{id}": {
      "get": {
        "operationId": "getDeployV1",
        "summary": "Get a deploy",
        "security": [
          {
            "bearerAuth": []
          }
        ],
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
            "description": "The deploy.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Deploy"
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
            "description": "Missing or invalid parameters; a malformed namespace header or unknown X-Buildermock-Scenario. Codes: invalid_request, malformed_json, invalid_<field>.",
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
            "description": "Missing or empty bearer API key. Codes: unauthorized.",
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
            "description": "No deploy with this id. Codes: not_found.",
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
          "429": {
            "description": "Rate limited per API key (off unless --rate-limit is set). Codes: rate_limited.",
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
              },
              "Retry-After": {
                "description": "Seconds.",
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
    "/downloads/builds/{namespace}/{id}/{file}": {
      "get": {
        "operationId": "downloadBuild",
        "summary": "The binary behind a successful build's downloadUrl",
        "description": "No API key: the signature is the credential (like S3 signed URLs). Range, If-Range and If-None-Match are honoured.",
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
            }
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
          },
          {
            "name": "file",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "pattern": "^[^/]+$"
            },
            "description": "The file name from downloadUrl (.apk for android, .ipa for ios)."
          },
          {
            "name": "expires",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "Unix seconds, from downloadUrl."
          },
          {
            "name": "signature",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "HMAC from downloadUrl."
          },
          {
            "name": "Range",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "If-Range",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "If-None-Match",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The whole file.",
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              },
              "Accept-Ranges": {
                "schema": {
                  "type": "string",
                  "enum": [
                    "bytes"
                  ]
                }
              },
              "Content-Disposition": {
                "schema": {
                  "type": "string"
                }
              },
              "Last-Modified": {
                "schema": {
                  "type": "string"
                }
              },
              "Cache-Control": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/vnd.android.package-archive": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              },
              "application/octet-stream": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              }
            }
          },
          "206": {
            "description": "One byte range.",
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              },
              "Accept-Ranges": {
                "schema": {
                  "type": "string",
                  "enum": [
                    "bytes"
                  ]
                }
              },
              "Content-Disposition": {
                "schema": {
                  "type": "string"
                }
              },
              "Last-Modified": {
                "schema": {
                  "type": "string"
                }
              },
              "Cache-Control": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/vnd.android.package-archive": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              },
              "application/octet-stream": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              }
            }
          },
          "304": {
            "description": "Not modified (If-None-Match matched)."
          },
          "403": {
            "description": "Bad signature or expired link. Codes: invalid_signature, link_expired.",
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
            "description": "No successful build with this id, or another file name. Codes: not_found.",
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
          "416": {
            "description": "Range outside the file. Codes: range_not_satisfiable.",
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
              },
              "Content-Range": {
                "schema": {
                  "type": "string"
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
        "description": "Body shape inferred; status codes documented.",
        "x-buildermock-inferred": true
      },
      "CreateBuild": {
        "type": "object",
        "properties": {
          "url": {
            "type": "string",
            "description": "Public https URL of the web app (localhost and private networks rejected; with --allow-private-urls those may also use http).",
            "format": "uri",
            "pattern": "^https?://"
          },
          "appName": {
            "type": "string",
            "description": "Display name: not blank, at most 100 characters, no control characters.",
            "minLength": 1,
            "maxLength": 100
          },
          "bundleId": {
            "type": "string",
            "description": "Reverse-DNS, e.g. com.example.myapp: at least two segments each starting with a letter; lenient mode also takes uppercase, _ and -, --strict only lowercase letters, digits and periods.",
            "maxLength": 155,
            "pattern": "^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)+$"
          },
          "version": {
            "type": "string",
            "description": "Semantic version MAJOR.MINOR.PATCH (semver.org 2.0.0); must be higher than earlier builds of the same bundleId and platform.",
            "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"
          },
          "permissions": {
            "type": "array",
            "items": {
              "type": "string",
              "minLength": 1
            },
            "description": "Documented: camera, gps, notifications; the other names are inferred extras. Any non-empty string is accepted unless --strict: camera, gps, notifications, microphone, contacts, photos, location, bluetooth, calendar, biometrics."
          },
          "platform": {
            "type": "string",
            "description": "Not a documented field (inferred).",
            "enum": [
              "android",
              "ios"
            ],
            "default": "android",
            "x-buildermock-inferred": true
          }
        },
        "required": [
          "url",
          "appName",
          "bundleId",
          "version"
        ]
      },
      "Build": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "bld_ followed by random characters, e.g. bld_abc123xyz."
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "building",
              "success",
              "failed"
            ]
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "description": "Only once success or failed (name inferred).",
            "format": "date-time",
            "x-buildermock-inferred": true
          },
          "downloadUrl": {
            "type": "string",
            "description": "Only on success: a signed, expiring link to the binary on this server.",
            "format": "uri"
          },
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
            ],
            "description": "Only on failed."
          },
          "url": {
            "type": "string",
            "format": "uri"
          },
          "appName": {
            "type": "string"
          },
          "bundleId": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "platform": {
            "type": "string",
            "description": "Name inferred.",
            "enum": [
              "android",
              "ios"
            ],
            "x-buildermock-inferred": true
          },
          "permissions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "status",
          "createdAt",
          "url",
          "appName",
          "bundleId",
          "version",
          "platform",
          "permissions"
        ]
      },
      "BuildList": {
        "type": "object",
        "properties": {
          "builds": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Build"
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          }
        },
        "required": [
          "builds",
          "total",
          "limit",
          "offset"
        ],
        "description": "Key `builds` inferred.",
        "x-buildermock-inferred": true
      },
      "CreateDeploy": {
        "type": "object",
        "properties": {
          "buildId": {
            "type": "string",
            "description": "A successful build of the matching platform."
          },
          "store": {
            "type": "string",
            "enum": [
              "play",
              "app_store"
            ]
          }
        },
        "required": [
          "buildId",
          "store"
        ],
        "x-buildermock-inferred": true
      },
      "Deploy": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "dep_…"
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "submitted",
              "live",
              "rejected"
            ]
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "finishedAt": {
            "type": "string",
            "description": "Only once live or rejected.",
            "format": "date-time"
          },
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
            ],
            "description": "Only on rejected."
          },
          "buildId": {
            "type": "string"
          },
          "store": {
            "type": "string",
            "enum": [
              "play",
              "app_store"
            ]
          },
          "platform": {
            "type": "string",
            "enum": [
              "android",
              "ios"
            ]
          },
          "bundleId": {
            "type": [
              "string",
              "null"
            ]
          },
          "version": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "id",
          "status",
          "createdAt",
          "buildId",
          "store",
          "platform",
          "bundleId",
          "version"
        ],
        "x-buildermock-inferred": true
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Any non-empty API key (documented)."
      }
    }
  }
}
"""#
}
