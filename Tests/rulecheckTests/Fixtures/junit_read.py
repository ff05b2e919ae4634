"""Reads a JUnit XML report the way CI systems do, and prints what it found as JSON.

    python3 junit_read.py REPORT.xml [SCHEMA.xsd]

junitparser (PyPI) parses the report; with a schema, xmlschema (PyPI) validates it first and a
violation exits 3. Exit 4 when junitparser (or, with a schema, xmlschema) is not installed.
"""
import json
import sys

try:
    import junitparser
except ImportError:
    print("junitparser is not installed", file=sys.stderr)
    sys.exit(4)

report, schema = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
validated = None
if schema:
    try:
        import xmlschema
    except ImportError:
        print("xmlschema is not installed", file=sys.stderr)
        sys.exit(4)
    try:
        xmlschema.XMLSchema(schema).validate(report)
    except xmlschema.XMLSchemaValidationError as error:
        print(str(error), file=sys.stderr)
        sys.exit(3)
    validated = schema

xml = junitparser.JUnitXml.fromfile(report)
suites = xml if isinstance(xml, junitparser.JUnitXml) else [xml]
out = {"validated_against": validated, "tests": xml.tests, "failures": xml.failures, "suites": []}
for suite in suites:
    cases = []
    for case in suite:
        results = [
            {"kind": type(r).__name__, "type": r.type, "message": r.message, "text": r.text or ""}
            for r in case.result
        ]
        cases.append({"name": case.name, "classname": case.classname, "results": results})
    properties = {p.name: p.value for p in suite.properties()}
    out["suites"].append(
        {"name": suite.name, "tests": suite.tests, "failures": suite.failures, "properties": properties, "cases": cases}
    )
print(json.dumps(out))
