#!/usr/bin/python3
"""End-to-end tests of the meshgraph binary: golden scenarios and the Rainbow Road contract.

Each folder under tests/golden/<scenario>/ holds:
  args             the command line after `meshgraph`, one argument per line
  expected.exit    the exit code
  expected.stdout  (optional) the exact standard output
  expected.stderr  (optional) the exact standard error
A mismatch prints a unified diff and writes <name>.actual beside the golden file;
scripts/update-golden accepts them after you have read the diff. CI never updates goldens.

It also checks that `meshgraph check fixtures/rainbow_road` reports exactly the findings listed
in fixtures/rainbow_road/EXPECTED.md, no more, no less.
"""
import argparse
import difflib
import json
import os
import subprocess
import sys

GOLDEN_ROOT = "tests/golden"


def run(binary, args):
    return subprocess.run([binary] + args, capture_output=True, text=True, errors="replace",
                          timeout=120)


def compare(scenario, name, expected_path, actual):
    """True when `actual` equals the golden file; else writes .actual and prints the diff."""
    with open(expected_path, encoding="utf-8", errors="replace") as f:
        expected = f.read()
    actual_path = expected_path + ".actual"
    if actual == expected:
        if os.path.exists(actual_path):
            os.remove(actual_path)
        return True
    with open(actual_path, "w", encoding="utf-8") as f:
        f.write(actual)
    diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                fromfile=expected_path, tofile=actual_path)
    print(f"FAIL {scenario}: {name} differs\n" + "".join(diff))
    return False


def run_golden(binary, scenario_dir):
    scenario = os.path.basename(scenario_dir)
    with open(os.path.join(scenario_dir, "args"), encoding="utf-8") as f:
        args = [line.rstrip("\n") for line in f if line.strip()]
    result = run(binary, args)
    ok = True
    with open(os.path.join(scenario_dir, "expected.exit")) as f:
        expected_exit = int(f.read().strip())
    if result.returncode != expected_exit:
        print(f"FAIL {scenario}: exit {result.returncode}, expected {expected_exit}\n"
              f"stderr: {result.stderr}")
        ok = False
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        path = os.path.join(scenario_dir, "expected." + stream)
        if os.path.exists(path):
            ok = compare(scenario, stream, path, text) and ok
    return ok


def expected_findings(path):
    """Rows of the table in EXPECTED.md: (rule, project, unique_id, related tuple)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 4 or not cells[0].startswith("MESH"):
                continue
            related = tuple(sorted(r.strip().strip("`") for r in cells[3].split(",") if r.strip()))
            rows.append((cells[0], cells[1].strip("`"), cells[2].strip("`"), related))
    return sorted(rows)


def check_rainbow_road(binary):
    result = run(binary, ["check", "fixtures/rainbow_road", "--format", "json", "--as-of", "2026-11-23"])
    if result.returncode != 1:
        print(f"FAIL rainbow-road-expected: exit {result.returncode}, expected 1\n{result.stderr}")
        return False
    report = json.loads(result.stdout)
    actual = sorted((f["rule"], f["project"], f["unique_id"], tuple(sorted(f["related"])))
                    for f in report["findings"])
    expected = expected_findings("fixtures/rainbow_road/EXPECTED.md")
    if actual == expected:
        return True
    print("FAIL rainbow-road-expected: findings differ from fixtures/rainbow_road/EXPECTED.md")
    for row in sorted(set(expected) - set(actual)):
        print(f"  missing:    {row}")
    for row in sorted(set(actual) - set(expected)):
        print(f"  unexpected: {row}")
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("scenarios", nargs="*", help="only these scenario names")
    options = parser.parse_args()

    passed = failed = 0
    for scenario in sorted(os.listdir(GOLDEN_ROOT)):
        scenario_dir = os.path.join(GOLDEN_ROOT, scenario)
        if not os.path.exists(os.path.join(scenario_dir, "args")):
            continue
        if options.scenarios and scenario not in options.scenarios:
            continue
        if run_golden(options.binary, scenario_dir):
            passed += 1
        else:
            failed += 1
    if not options.scenarios and os.path.exists("fixtures/rainbow_road/EXPECTED.md"):
        if check_rainbow_road(options.binary):
            passed += 1
        else:
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
