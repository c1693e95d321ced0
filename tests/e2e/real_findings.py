#!/usr/bin/python3
"""Every real manifest in fixtures/real checks without a crash, with the exact finding count per
rule recorded in tests/e2e/real_findings.json (each manifest checked on its own: several are
versions of the same project). `--update` rewrites the record after you have read the diff."""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

RECORD = pathlib.Path("tests/e2e/real_findings.json")


def counts_for(binary, manifest):
    result = subprocess.run([binary, "check", str(manifest), "--format", "json", "--as-of", "2026-11-23",
                             "--fail-on", "never"], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        return {"exit": result.returncode, "stderr": result.stderr.strip()}
    findings = json.loads(result.stdout)["findings"]
    return dict(sorted(collections.Counter(f["rule"] for f in findings).items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--update", action="store_true")
    options = parser.parse_args()
    manifests = sorted(p for p in pathlib.Path("fixtures/real").rglob("*.json") if p.name.startswith("manifest"))
    actual = {str(m): counts_for(options.binary, m) for m in manifests}
    if options.update:
        RECORD.write_text(json.dumps(actual, indent=2) + "\n")
        print(f"wrote {RECORD}")
        return 0
    expected = json.loads(RECORD.read_text())
    passed = failed = 0
    for manifest in sorted(set(expected) | set(actual)):
        if expected.get(manifest) == actual.get(manifest):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {manifest}: expected {expected.get(manifest)}, got {actual.get(manifest)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
