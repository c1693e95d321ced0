#!/usr/bin/python3
"""Checks docs/meshgraph.schema.json against the policy files we ship and document.

- the schema is a valid draft-07 JSON Schema;
- every file in fixtures/config/valid/, fixtures/config/discovery/meshgraph.yml,
  fixtures/rainbow_road/meshgraph.yml and every ```yaml block of docs/config.md passes it;
- every file in fixtures/config/invalid_schema/ fails it;
- a ```yaml block of docs/config.md whose first line is `# file: PATH` is PATH, byte for byte
  after that line, so the documented example is the tested one.
(fixtures/config/errors/ holds mistakes only meshgraph can see: YAML syntax, rule and project
names. The golden tests cover those and every file above; tests/unit/config checks that
meshgraph reads the valid files and refuses the invalid ones.)

Prints one line per failure and then `N passed, M failed`; exits 1 if anything failed.
Run from the repository root with Debian's python3 (python3-jsonschema, python3-yaml).
"""
import glob
import json
import re
import sys

import jsonschema
import yaml

SCHEMA = "docs/meshgraph.schema.json"
DOC = "docs/config.md"
VALID = sorted(glob.glob("fixtures/config/valid/*.yml")) + [
    "fixtures/config/discovery/meshgraph.yml", "fixtures/rainbow_road/meshgraph.yml"]
INVALID = sorted(glob.glob("fixtures/config/invalid_schema/*.yml"))
FILE_MARKER = re.compile(r"# file: (\S+)\n")


class EditorLoader(yaml.SafeLoader):
    """YAML as editors read it (YAML 1.2 core schema): only true/false are booleans, and
    dates stay strings. PyYAML's YAML 1.1 would read `off` as false and `2026-06-30` as a
    date, and fail valid files."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(text):
    # An empty file is a valid policy file (every default applies); YAML reads it as null.
    document = yaml.load(text, Loader=EditorLoader)
    return {} if document is None else document


def doc_blocks():
    """(name, text) of each ```yaml block of the doc."""
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    for match in re.finditer(r"^```yaml\n(.*?)^```$", doc, re.S | re.M):
        line = doc.count("\n", 0, match.start()) + 1
        yield f"{DOC}:{line}", match.group(1)


def main():
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())

    cases = []  # (name, text, should_pass)
    for path in VALID + INVALID:
        with open(path, encoding="utf-8") as f:
            cases.append((path, f.read(), path in VALID))
    blocks = list(doc_blocks())
    cases += [(name, text, True) for name, text in blocks]

    passed = failed = 0
    for name, text, should_pass in cases:
        errors = [e.message for e in validator.iter_errors(load(text))]
        if should_pass and errors:
            print(f"FAIL {name}: the schema rejects it: {errors[0]}")
        elif not should_pass and not errors:
            print(f"FAIL {name}: the schema accepts it")
        else:
            passed += 1
            continue
        failed += 1

    for name, text in blocks:
        marker = FILE_MARKER.match(text)
        if not marker:
            continue
        with open(marker.group(1), encoding="utf-8") as f:
            if f.read() == text[marker.end():]:
                passed += 1
                continue
        print(f"FAIL {name}: the block differs from {marker.group(1)}; copy the file into the doc")
        failed += 1

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
