#!/usr/bin/env bash
# Writes Sources/rulecheck-server/OpenAPIDocument.swift from schemas/openapi.json, so that the
# server serves exactly the committed document (a test checks that they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
{
    printf '/// The OpenAPI 3.1 document served at `GET /openapi.json`: the same bytes as the committed\n'
    printf '/// `schemas/openapi.json` (a test compares them; regenerate with `scripts/embed-openapi.sh`).\n'
    printf 'enum OpenAPIDocument {\n    /// The document.\n    static let text = #"""\n'
    cat schemas/openapi.json
    printf '"""# + "\\n"\n}\n'
} > Sources/rulecheck-server/OpenAPIDocument.swift
