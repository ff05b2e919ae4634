/// The OpenAPI 3.1 document served at `GET /openapi.json`: the same bytes as the committed
/// `schemas/openapi.json` (a test compares them; regenerate with `scripts/embed-openapi.sh`).
enum OpenAPIDocument {
    /// The document.
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "rulecheck-server",
            "version": "0.1.0",
            "summary": "Decisions from the rule tables in force, as eval and explain print them.",
            "description": "Loopback by default and without authentication: put it behind a proxy for anything else. Request bodies over --max-body-bytes (default 1 MiB) and arrays of more than --max-items (default 10,000) are answered 413; rosters for /v1/batch are streamed and may be up to --max-batch-bytes (default 64 MiB). Inputs are named by the tables: the `Input` schema is written from the tables in force when the document is asked for (this file is the one for the shipped rules/: `ma_expires`, `nr_expires` (years) and `as_of`, a date defaulting to today in the table's time zone)."
          },
          "paths": {
            "/v1/decisions": {
              "post": {
                "operationId": "decide",
                "summary": "Decide one input, or an array of inputs in order",
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/InputOrArray" } } }
                },
                "responses": {
                  "200": {
                    "description": "The object `rulecheck eval --format json` prints, or an array of them",
                    "content": {
                      "application/json": {
                        "schema": {
                          "oneOf": [
                            { "$ref": "#/components/schemas/Decision" },
                            { "type": "array", "items": { "$ref": "#/components/schemas/Decision" } }
                          ]
                        }
                      }
                    }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "413": { "$ref": "#/components/responses/TooLarge" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/v1/explanations": {
              "post": {
                "operationId": "explain",
                "summary": "Explain one input, or an array of inputs in order",
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/InputOrArray" } } }
                },
                "responses": {
                  "200": {
                    "description": "The object `rulecheck explain --format json` prints, or an array of them",
                    "content": {
                      "application/json": {
                        "schema": {
                          "oneOf": [
                            { "$ref": "#/components/schemas/Explanation" },
                            { "type": "array", "items": { "$ref": "#/components/schemas/Explanation" } }
                          ]
                        }
                      }
                    }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "413": { "$ref": "#/components/responses/TooLarge" },
                  "503": { "$ref": "#/components/responses/Unavailable" }
                }
              }
            },
            "/v1/batch": {
              "post": {
                "operationId": "batch",
                "summary": "Classify a CSV roster, streamed back as `rulecheck batch` writes it",
                "description": "The body is a roster as `rulecheck batch` reads it: a header row naming the table's inputs (other columns pass through), then one row per person. It is read and answered row by row, never held whole, so it may be larger than --max-body-bytes, up to --max-batch-bytes (default 64 MiB). The output format follows `Accept`: `text/csv` (the default, also for `*/*` or no `Accept`) or JSON Lines as `application/x-ndjson` or `application/jsonl` (answered with the type asked for). A problem found before any output (a query parameter, the media types, the header row, a declared Content-Length over the limit) is a 4xx with a JSON body. Once rows go out the status is 200: bad rows are reported in the stream as `batch` reports them (the `error` column, or `{\"line\", \"error\", \"fields\"}` objects), and a CSV that breaks mid-stream, a body that passes --max-batch-bytes or a decision that cannot be logged ends the stream with one more record of that shape, with no fields, whose error starts `stopped at line N:`.",
                "parameters": [
                  {
                    "name": "as_of", "in": "query", "required": false,
                    "description": "The date of rows without one (`--as-of`); default: today in the table's time zone",
                    "schema": { "type": "string", "format": "date" }
                  },
                  {
                    "name": "delimiter", "in": "query", "required": false,
                    "description": "The roster's field delimiter (`--delimiter`): `,` (default), `;` or `tab`",
                    "schema": { "type": "string", "enum": [",", ";", "tab", "comma", "semicolon"] }
                  },
                  {
                    "name": "output_delimiter", "in": "query", "required": false,
                    "description": "The CSV output's field delimiter (`--output-delimiter`); default: the roster's",
                    "schema": { "type": "string", "enum": [",", ";", "tab", "comma", "semicolon"] }
                  },
                  {
                    "name": "date_format", "in": "query", "required": false,
                    "description": "How the roster writes dates (`--date-format`)",
                    "schema": { "type": "string", "enum": ["YYYY-MM-DD", "M/D/YYYY"] }
                  },
                  {
                    "name": "column", "in": "query", "required": false,
                    "description": "Read an input from a column named otherwise, `INPUT=HEADER` (`--column`); repeatable",
                    "schema": { "type": "array", "items": { "type": "string", "pattern": "^[^=]+=.+$" } },
                    "style": "form", "explode": true
                  },
                  {
                    "name": "excel_safe", "in": "query", "required": false,
                    "description": "Put a ' before CSV cells a spreadsheet would run as formulas (`--excel-safe`)",
                    "schema": { "type": "boolean" }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "text/csv": {
                      "schema": { "type": "string" },
                      "example": "id,ma_expires,nr_expires,as_of\n1,2026,2027,2026-02-16\n2,2026,none,\n"
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "One output row (CSV) or JSON object (JSON Lines) per roster row, in order, as `rulecheck batch --format csv|jsonl` writes them",
                    "content": {
                      "text/csv": { "schema": { "type": "string" } },
                      "application/x-ndjson": { "schema": { "type": "string" } },
                      "application/jsonl": { "schema": { "type": "string" } }
                    }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "406": {
                    "description": "`Accept` allows none of `text/csv`, `application/x-ndjson`, `application/jsonl`",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                  },
                  "413": {
                    "description": "The declared Content-Length is over --max-batch-bytes",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                  },
                  "415": {
                    "description": "The body is not `text/csv` (UTF-8)",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                  },
                  "503": {
                    "description": "--max-batch-streams rosters (default twice the number of cores) are being classified already; try again after the seconds `Retry-After` gives",
                    "headers": { "Retry-After": { "description": "Seconds to wait before trying again", "schema": { "type": "integer" } } },
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
                  }
                }
              }
            },
            "/v1/tables": {
              "get": {
                "operationId": "listTables",
                "summary": "The tables in force, latest window first",
                "responses": {
                  "200": {
                    "description": "Each table's id, version, window, file and SHA-256 of its bytes",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["tables"],
                          "additionalProperties": false,
                          "properties": { "tables": { "type": "array", "items": { "$ref": "#/components/schemas/Table" } } }
                        }
                      }
                    }
                  }
                }
              }
            },
            "/v1/tables/{version}/matrix": {
              "get": {
                "operationId": "matrix",
                "summary": "The decision matrix of a table in force for a date",
                "parameters": [
                  { "name": "version", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "as_of", "in": "query", "required": false, "schema": { "type": "string", "format": "date" } },
                  { "name": "format", "in": "query", "required": false, "schema": { "type": "string", "enum": ["html", "markdown"] } }
                ],
                "responses": {
                  "200": {
                    "description": "The matrix as `rulecheck matrix --format html|markdown` writes it",
                    "content": { "text/html": { "schema": { "type": "string" } }, "text/markdown": { "schema": { "type": "string" } } }
                  },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "404": { "$ref": "#/components/responses/BadRequest" }
                }
              }
            },
            "/healthz": {
              "get": {
                "operationId": "health",
                "summary": "The process is up",
                "responses": { "200": { "description": "Up", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            },
            "/readyz": {
              "get": {
                "operationId": "ready",
                "summary": "A table is loaded",
                "responses": {
                  "200": { "description": "Ready", "content": { "application/json": { "schema": { "type": "object" } } } },
                  "503": { "description": "No table loaded", "content": { "application/json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "metrics",
                "summary": "Prometheus metrics",
                "responses": { "200": { "description": "Text exposition format", "content": { "text/plain": { "schema": { "type": "string" } } } } }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Input": {
                "type": "object",
                "description": "One person's case: each input of the tables by name, in its own type (a year or an integer in the tables' domain, null where a year input allows none, true or false, an enum's word, a per-person date YYYY-MM-DD), and the date input (YYYY-MM-DD, optional). Unknown fields are refused.",
                "required": ["ma_expires", "nr_expires"],
                "additionalProperties": false,
                "properties": {
                  "ma_expires": { "type": "integer", "minimum": 2022, "maximum": 2032, "description": "Year the Massachusetts certification expires" },
                  "nr_expires": { "type": ["integer", "null"], "minimum": 2022, "maximum": 2032, "description": "Year the NREMT certification expires, null for never held" },
                  "as_of": { "type": "string", "format": "date", "description": "The date to decide for; default today in the table's time zone" }
                }
              },
              "InputOrArray": {
                "oneOf": [
                  { "$ref": "#/components/schemas/Input" },
                  { "type": "array", "items": { "$ref": "#/components/schemas/Input" } }
                ]
              },
              "Rule": {
                "type": "object",
                "required": ["id", "line"],
                "properties": { "id": { "type": "string" }, "line": { "type": "integer" } }
              },
              "Decision": {
                "type": "object",
                "required": ["policy", "input", "cohort", "status", "fee", "deadlines", "actions", "rule"],
                "properties": {
                  "policy": {
                    "type": "object",
                    "required": ["id", "version", "file"],
                    "properties": { "id": { "type": "string" }, "version": { "type": "string" }, "file": { "type": "string" } }
                  },
                  "input": { "type": "object" },
                  "cohort": { "type": "string" },
                  "status": { "type": "string" },
                  "fee": {
                    "oneOf": [
                      { "type": "null" },
                      {
                        "type": "object",
                        "required": ["amount", "currency"],
                        "properties": {
                          "amount": { "type": "string", "description": "The fee, or the total of several" },
                          "currency": { "type": "string" },
                          "items": {
                            "type": "array",
                            "description": "Only for an outcome with several fees: each fee in order",
                            "items": {
                              "type": "object",
                              "required": ["id", "amount"],
                              "properties": { "id": { "type": "string" }, "amount": { "type": "string" } }
                            }
                          }
                        }
                      }
                    ]
                  },
                  "deadlines": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["id", "date", "kind", "inclusive"],
                      "properties": {
                        "id": { "type": "string" },
                        "date": { "type": "string", "format": "date" },
                        "kind": { "type": "string" },
                        "inclusive": { "type": "boolean" }
                      }
                    }
                  },
                  "actions": { "type": "array", "items": { "type": "string" } },
                  "rule": { "$ref": "#/components/schemas/Rule" }
                },
                "additionalProperties": {
                  "type": ["boolean", "integer", "string"],
                  "description": "Each derived output (a boolean, such as can_staff_ambulance) and each typed output (an integer, a string for enum and date outputs, or a boolean)"
                }
              },
              "Explanation": {
                "type": "object",
                "required": ["decision", "conditions", "why_not"],
                "properties": {
                  "decision": { "$ref": "#/components/schemas/Decision" },
                  "conditions": { "type": "array", "items": { "type": "object" } },
                  "why_not": { "type": "array", "items": { "type": "object" } }
                }
              },
              "Table": {
                "type": "object",
                "required": ["id", "version", "window", "file", "sha256"],
                "properties": {
                  "id": { "type": "string" },
                  "version": { "type": "string" },
                  "window": {
                    "type": "object",
                    "required": ["from", "to"],
                    "properties": { "from": { "type": "string", "format": "date" }, "to": { "type": "string", "format": "date" } }
                  },
                  "file": { "type": "string" },
                  "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
                }
              },
              "Error": {
                "type": "object",
                "required": ["error", "input"],
                "properties": {
                  "error": { "type": "string", "description": "Why, in one line" },
                  "input": { "type": ["string", "null"], "description": "The input field concerned, or null" },
                  "index": { "type": "integer", "description": "The item's position, for an array request" }
                }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "Malformed JSON, a wrong type, an unknown field or a value outside the table's domain or window",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "TooLarge": {
                "description": "The body is over --max-body-bytes or the array over --max-items",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              },
              "Unavailable": {
                "description": "The decision could not be logged, or no table is loaded",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
              }
            }
          }
        }
        """# + "\n"
}
