#!/usr/bin/python3
"""Validates every report meshgraph writes against the official schemas and the real consumers.

  SARIF    the OASIS 2.1.0 schema (python3-jsonschema, draft-04), then the Microsoft SARIF
           Multitool's `validate` with its SARIF and GitHub rule sets: no result at level error
  JUnit    xmllint --schema against Jenkins' junit-10.xsd; at least one test case
  GitLab   each entry against GitLab's codeclimate.json (draft-07), plus the documented rules
  GitHub   every line parsed the way the runner parses workflow commands (ActionCommand.cs)
  Markdown rendered by cmark-gfm (GitHub's parser): only our tags, whole tables, <= 65,536 chars

Documents: tests/golden/shared/* (the renderers' unit goldens) and tests/golden/format-*/
expected.stdout (the CLI goldens). With --binary, the CLI also writes every format at once with
--format NAME=FILE, and each file must equal the stdout golden of the same format.
Schemas come from ../shared/schemas (beside the repository). Run from the repository root.
"""
import argparse
import glob
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

SCHEMAS = os.path.join("..", "shared", "schemas")
MULTITOOL_PACKAGE = "node_modules/@microsoft/sarif-multitool"
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
GITHUB_COMMANDS = {"error", "warning", "notice"}
MARKDOWN_TAGS = {"h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "br", "details", "summary"}
MAX_COMMENT = 65536
# Formats with a validator, and the file names that hold them (text and JSON have none here).
VALIDATED = {"sarif": (".sarif",), "junit": (".junit.xml", ".junit"), "gitlab": (".gitlab.json", ".gitlab"),
             "github": (".github.txt", ".github"), "markdown": (".md", ".markdown")}
# Each CLI golden scenario (tests/golden/format-<name>-<run>/) and the run that writes it.
CLI_RUNS = {
    "check": ["check", "fixtures/rainbow_road", "--as-of", "2026-11-23"],
    "impact": ["impact", "--base", "fixtures/rainbow_road", "--head", "fixtures/rainbow_road/pr/emergency",
               "--as-of", "2026-11-23"],
}


def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ValueError("starts with a byte-order mark")
    return json.loads(raw.decode("utf-8"))


def schema_errors(validator, document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def check_sarif(path, document, validator):
    """The schema, then what GitHub code scanning requires on top of it (sarif/PROVENANCE.md)."""
    errors = schema_errors(validator, document)
    if document.get("version") != "2.1.0" or not document.get("$schema") or len(document.get("runs", [])) != 1:
        errors.append("GitHub wants $schema, version 2.1.0 and one run per file")
    for run in document.get("runs", []):
        driver = run["tool"]["driver"]
        for rule in driver.get("rules", []):
            for key in ("shortDescription", "fullDescription", "help"):
                text = rule.get(key, {}).get("text", "")
                if not text or (key != "help" and len(text) > 1024):
                    errors.append(f"rule {rule['id']}: {key}.text is empty or over 1024 characters")
        if len(run["results"]) > 25000:
            errors.append("more than 25,000 results in a run")
        for index, result in enumerate(run["results"]):
            where = f"results[{index}]"
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri) and not uri.startswith("file:///"):
                errors.append(f"{where}: artifact URI '{uri}' reads as a scheme")
            if not result["message"].get("text") or not result.get("partialFingerprints"):
                errors.append(f"{where}: no message.text or partialFingerprints")
    return errors


def multitool():
    """The Multitool's native binary (its npm bin.js runs it through a shell, which splits paths)."""
    node = shutil.which("node") or shutil.which("nodejs")
    if not node or not os.path.isdir(MULTITOOL_PACKAGE):
        return None
    found = subprocess.run([node, "-p", f"require('./{MULTITOOL_PACKAGE}')"], capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 else None


# A log the Multitool must reject (a result without locations, GH1015): proves it ran and read it.
CANARY = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
          "runs": [{"tool": {"driver": {"name": "canary", "rules": []}}, "results": [{"message": {"text": "x"}}]}]}


def run_multitool(paths):
    """{path: (errors, warnings)} from one `validate` run over every SARIF file."""
    tool = multitool()
    if tool is None:
        sys.exit("SARIF Multitool not found under node_modules: run scripts/install-deps (npm ci)")
    with tempfile.TemporaryDirectory() as scratch:
        # It skips files whose name does not end in .sarif (such as expected.stdout): copy them.
        copies = {os.path.join(scratch, f"document{i}.sarif"): path for i, path in enumerate(paths)}
        for copy, path in copies.items():
            shutil.copyfile(path, copy)
        canary = os.path.join(scratch, "canary.sarif")
        with open(canary, "w", encoding="utf-8") as f:
            json.dump(CANARY, f)
        out = os.path.join(scratch, "validation.sarif")
        # The paths go first: --log takes every value after it.
        subprocess.run([tool, "validate", *copies, canary, "--rule-kind", "Sarif;Gh", "--output", out, "--quiet",
                        "--log", "ForceOverwrite"], capture_output=True, text=True, timeout=600)
        if not os.path.exists(out):
            sys.exit("the SARIF Multitool wrote no output")
        log = load_json(out)
        found = {path: ([], []) for path in list(copies.values()) + [canary]}
        for invocation in log["runs"][0].get("invocations", []):
            for notification in invocation.get("toolExecutionNotifications", []):
                if notification.get("level") == "error":
                    sys.exit(f"the SARIF Multitool failed: {notification['message'].get('text')}")
        for result in log["runs"][0].get("results", []):
            location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            target = urllib.parse.unquote(re.sub(r"^file://", "", location))
            text = result["message"].get("text") or ", ".join(result["message"].get("arguments", []))
            bucket = found[copies.get(target, target)]
            (bucket[0] if result.get("level", "warning") == "error" else bucket[1]).append(f"{result['ruleId']}: {text}")
    if not found.pop(canary)[0]:
        sys.exit("the SARIF Multitool accepted a log without locations: it did not run its GitHub rules")
    return found


def check_junit(path):
    xsd = os.path.join(SCHEMAS, "junit", "junit-10.xsd")
    result = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
    errors = [] if result.returncode == 0 else [result.stderr.strip()]
    with open(path, encoding="utf-8") as f:
        if "<testcase" not in f.read():
            errors.append("no test case: CI would report 'no tests'")
    return errors


def check_gitlab(document, validator):
    if not isinstance(document, list):
        return ["the report is not a JSON array"]
    errors = []
    fingerprints = set()
    for index, entry in enumerate(document):
        errors += [f"[{index}] {e}" for e in schema_errors(validator, entry)]
        if entry.get("severity") not in GITLAB_SEVERITIES or not entry.get("check_name"):
            errors.append(f"[{index}] severity must be one of {sorted(GITLAB_SEVERITIES)}, check_name set")
        if not entry.get("location", {}).get("path"):
            errors.append(f"[{index}] no location.path")
        if entry.get("fingerprint") in fingerprints:
            errors.append(f"[{index}] duplicate fingerprint: GitLab would keep one of them")
        fingerprints.add(entry.get("fingerprint"))
    return errors


def unescape_github(value, is_property):
    """The runner's decoding: %0D %0A (and %3A %2C in properties) first, %25 last."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if is_property else [])
    for code, char in pairs:
        value = value.replace(code, char)
    return value.replace("%25", "%")


def check_github(path):
    """Parses every line as actions/runner's ActionCommand.TryParseV2 does."""
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8")
    if "\r" in raw:
        return ["a raw CR would split a command line in the runner"]
    errors = []
    lines = raw.split("\n")
    if lines[-1] != "":
        errors.append("the last line does not end with a newline")
    for number, line in enumerate(lines[:-1], 1):
        stripped = line.lstrip()
        if not stripped.startswith("::"):
            if not line.startswith("meshgraph: "):
                errors.append(f"line {number}: neither a command nor the summary line")
            continue
        end = stripped.find("::", 2)
        if end < 0:
            errors.append(f"line {number}: a command without '::' before its message")
            continue
        info, message = stripped[2:end], stripped[end + 2:]
        command, _, properties = info.partition(" ")
        if command not in GITHUB_COMMANDS:
            errors.append(f"line {number}: '{command}' is not error, warning or notice")
        parsed = {}
        for piece in filter(None, properties.split(",")):
            key, equals, value = piece.partition("=")
            if not equals:
                errors.append(f"line {number}: property '{piece}' has no '='")
            parsed[key] = unescape_github(value, True)
        if not parsed.get("file") or not parsed.get("title"):
            errors.append(f"line {number}: no file or title property")
        if "col" in parsed and "line" not in parsed:
            errors.append(f"line {number}: a column without a line")
        if not unescape_github(message, False):
            errors.append(f"line {number}: empty message")
    return errors


class HtmlTags(html.parser.HTMLParser):
    """Collects tags, comments, links and the cell count of every table row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.comments, self.rows, self.cells = set(), [], [], 0
        self.links, self.href = [], None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            self.cells += 1
        elif tag == "a":
            self.href, self.link_text = dict(attrs).get("href", ""), ""

    def handle_data(self, data):
        if self.href is not None:
            self.link_text += data

    def handle_endtag(self, tag):
        if tag == "tr":
            self.rows.append(self.cells)
        elif tag == "a":
            self.links.append((self.href, self.link_text))
            self.href = None

    def handle_comment(self, data):
        self.comments.append(data)


def check_markdown(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    errors = []
    if len(text) > MAX_COMMENT:
        errors.append(f"{len(text)} characters: over GitHub's comment limit of {MAX_COMMENT}")
    if not text.startswith("<!-- meshgraph -->\n### "):
        errors.append("does not start with the marker and the verdict")
    if not shutil.which("cmark-gfm"):
        sys.exit("cmark-gfm not found: run scripts/install-deps")
    # Without GitHub's tagfilter, so that any raw HTML we let through shows up as a tag.
    rendered = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"],
                              input=text, capture_output=True, text=True, check=True).stdout
    parser = HtmlTags()
    parser.feed(rendered)
    if parser.tags - MARKDOWN_TAGS - {"a"}:
        errors.append(f"renders tags we never write: {sorted(parser.tags - MARKDOWN_TAGS)}")
    # GitHub links a bare URL or e-mail address; a link whose text hides its target is markup.
    for href, text in parser.links:
        if href not in (text, f"mailto:{text}", f"http://{text}"):
            errors.append(f"renders a link '{text}' to '{href}'")
    if parser.comments != [" meshgraph "]:
        errors.append(f"renders comments other than the marker: {parser.comments}")
    # GFM drops the cells a row has beyond its header's, so count the separators in the source.
    for table in re.findall(r"(?:^\|.*\n)+", text, re.M):
        cells = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        if len(cells) > 1:
            errors.append(f"a table whose rows have {sorted(cells)} cell separators: a cell was split")
    return errors


def kind_of(path):
    """The format of a document: from its CLI scenario (format-<kind>-<run>) or its name."""
    scenario = re.search(r"format-([a-z]+)-[a-z]+/expected\.stdout$", path)
    if scenario:
        return scenario.group(1) if scenario.group(1) in VALIDATED else None
    for kind, suffixes in VALIDATED.items():
        if path.endswith(suffixes):
            return kind
    return None


def write_all_formats(binary, scratch):
    """Runs each CLI golden's command once with every format as NAME=FILE; {golden path: file}."""
    written = {}
    for run_name, args in CLI_RUNS.items():
        specs, targets = [], {}
        for golden in glob.glob(f"tests/golden/format-*-{run_name}/expected.stdout"):
            kind = os.path.basename(os.path.dirname(golden))[len("format-"):-len(run_name) - 1]
            target = os.path.join(scratch, f"{run_name}.{kind}")
            specs += ["--format", f"{kind}={target}"]
            targets[golden] = target
        result = subprocess.run([binary, *args, *specs], capture_output=True, text=True, timeout=120)
        if result.returncode not in (0, 1):
            sys.exit(f"meshgraph {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        written.update(targets)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="also write every format through --format NAME=FILE")
    parser.add_argument("documents", nargs="*", help="only these files")
    options = parser.parse_args()
    documents = options.documents or sorted(
        [p for p in glob.glob("tests/golden/shared/*") if not p.endswith(".actual")] +
        glob.glob("tests/golden/format-*/expected.stdout"))
    documents = [p for p in documents if kind_of(p)]
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        if options.binary:
            for golden, written in write_all_formats(options.binary, scratch).items():
                with open(golden, "rb") as a, open(written, "rb") as b:
                    if a.read() != b.read():
                        failures.append(f"{written} (--format NAME=FILE) differs from {golden}")
                documents.append(written)
        failures += validate([p for p in documents if kind_of(p)])
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len([p for p in documents if kind_of(p)])} documents checked, {len(failures)} failed")
    return 1 if failures else 0


def validate(documents):
    sarif_schema = load_json(os.path.join(SCHEMAS, "sarif", "sarif-schema-2.1.0.json"))
    sarif_validator = jsonschema.Draft4Validator(sarif_schema)
    gitlab_validator = jsonschema.Draft7Validator(load_json(os.path.join(SCHEMAS, "gitlab", "codeclimate.json")))
    kinds = {path: kind_of(path) for path in documents}
    sarif_paths = [p for p in documents if kinds[p] == "sarif"]
    multitool_findings = run_multitool(sarif_paths) if sarif_paths else {}
    failures = []
    for path in documents:
        kind = kinds[path]
        try:
            if kind == "sarif":
                errors = check_sarif(path, load_json(path), sarif_validator)
                multitool_errors, warnings = multitool_findings[path]
                errors += [f"Multitool {e}" for e in multitool_errors]
                rules = sorted({w.split(":")[0] for w in warnings})
                print(f"ok   {path}: schema and GitHub rules pass; Multitool: 0 errors, {len(warnings)} warnings "
                      f"{rules}" if not errors else f"     {path}")
            elif kind == "junit":
                errors = check_junit(path)
            elif kind == "gitlab":
                errors = check_gitlab(load_json(path), gitlab_validator)
            elif kind == "github":
                errors = check_github(path)
            else:
                errors = check_markdown(path)
        except (ValueError, KeyError, IndexError, TypeError) as error:
            errors = [f"unreadable: {error!r}"]
        if kind != "sarif" and not errors:
            print(f"ok   {path}: {kind}")
        failures += [f"{path}: {e}" for e in errors]
    return failures


if __name__ == "__main__":
    sys.exit(main())
