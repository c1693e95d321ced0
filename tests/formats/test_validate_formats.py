#!/usr/bin/python3
"""The validators reject what the consumers reject: each test breaks a valid golden one way.

A validator that passes everything would let every format test pass; these keep it honest.
Run from the repository root: python3 -m unittest discover -s tests/formats
"""
import copy
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import validate_formats as v  # noqa: E402

SHARED = "tests/golden/shared"


def read(name):
    with open(os.path.join(SHARED, name), encoding="utf-8") as f:
        return f.read()


class Scratch(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.folder.cleanup()

    def write(self, name, text):
        path = os.path.join(self.folder.name, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path


class SarifTest(Scratch):
    def errors(self, mutate):
        log = json.loads(read("shared.sarif"))
        mutate(log)
        schema = v.load_json(os.path.join(v.SCHEMAS, "sarif", "sarif-schema-2.1.0.json"))
        return v.check_sarif("x.sarif", log, v.jsonschema.Draft4Validator(schema))

    def test_the_golden_is_valid(self):
        self.assertEqual(self.errors(lambda log: None), [])

    def test_a_region_without_a_start_is_rejected(self):
        def mutate(log):
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] = {"startColumn": 3}
        self.assertTrue(self.errors(mutate))

    def test_a_path_that_reads_as_a_scheme_is_rejected(self):
        def mutate(log):
            log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "c:b.sql"
        self.assertTrue(self.errors(mutate))

    def test_a_full_description_over_github_limit_is_rejected(self):
        def mutate(log):
            log["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"] = "x" * 1025
        self.assertTrue(self.errors(mutate))

    def test_the_multitool_reports_a_result_without_locations(self):
        log = json.loads(read("shared.sarif"))
        del log["runs"][0]["results"][0]["locations"]
        path = self.write("broken.sarif", json.dumps(log))
        errors, _ = v.run_multitool([path])[path]
        self.assertTrue(any(e.startswith("GH1015") for e in errors), errors)


class JunitTest(Scratch):
    def test_the_golden_is_valid(self):
        self.assertEqual(v.check_junit(os.path.join(SHARED, "shared.junit.xml")), [])

    def test_file_and_line_on_a_testcase_are_rejected(self):
        text = read("shared.junit.xml").replace('classname="finance"', 'classname="finance" file="a.sql" line="3"', 1)
        self.assertTrue(v.check_junit(self.write("x.junit.xml", text)))

    def test_a_report_without_test_cases_is_rejected(self):
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<testsuites><testsuite name="x" tests="0" failures="0" errors="0"/></testsuites>\n')
        self.assertTrue(v.check_junit(self.write("x.junit.xml", text)))


class GitlabTest(unittest.TestCase):
    def errors(self, mutate):
        issues = json.loads(read("shared.gitlab.json"))
        mutate(issues)
        schema = v.load_json(os.path.join(v.SCHEMAS, "gitlab", "codeclimate.json"))
        return v.check_gitlab(issues, v.jsonschema.Draft7Validator(schema))

    def test_the_golden_is_valid(self):
        self.assertEqual(self.errors(lambda issues: None), [])

    def test_an_unknown_severity_is_rejected(self):
        self.assertTrue(self.errors(lambda issues: issues[0].update(severity="high")))

    def test_a_line_that_is_not_an_integer_is_rejected(self):
        self.assertTrue(self.errors(lambda issues: issues[0]["location"].update(lines={"begin": "4"})))

    def test_two_entries_with_one_fingerprint_are_rejected(self):
        self.assertTrue(self.errors(lambda issues: issues.append(copy.deepcopy(issues[0]))))


class GithubTest(Scratch):
    def test_the_goldens_are_valid(self):
        for name in ("shared.github.txt", "hostile.github.txt"):
            self.assertEqual(v.check_github(os.path.join(SHARED, name)), [], name)

    def test_a_raw_carriage_return_is_rejected(self):
        self.assertTrue(v.check_github(self.write("x.github", read("shared.github.txt").replace("%0A", "\r", 1))))

    def test_an_unescaped_colon_in_a_property_is_rejected(self):
        text = "::error file=a::b.sql,title=MESH001 x::message\n"
        self.assertTrue(v.check_github(self.write("x.github", text)))

    def test_a_forged_command_on_its_own_line_is_rejected(self):
        text = read("shared.github.txt").replace("%0Ahelp", "\n::error::forged\nhelp", 1)
        self.assertTrue(v.check_github(self.write("x.github", text)))


class MarkdownTest(Scratch):
    def test_the_goldens_are_valid(self):
        for name in ("shared.md", "hostile.md", "empty.md"):
            self.assertEqual(v.check_markdown(os.path.join(SHARED, name)), [], name)

    def test_raw_html_is_rejected(self):
        text = read("shared.md").replace("group 'platform\\_core'", "<script>alert(1)</script>", 1)
        self.assertTrue(v.check_markdown(self.write("x.md", text)))

    def test_an_unescaped_pipe_that_splits_a_cell_is_rejected(self):
        text = read("shared.md").replace("platform\\_core", "platform | core", 1)
        self.assertTrue(v.check_markdown(self.write("x.md", text)))

    def test_a_disguised_link_is_rejected(self):
        text = read("shared.md").replace("'platform\\_core'", "[docs](https://example.org)", 1)
        self.assertTrue(v.check_markdown(self.write("x.md", text)))

    def test_a_comment_over_github_limit_is_rejected(self):
        text = read("shared.md") + "x" * v.MAX_COMMENT
        self.assertTrue(v.check_markdown(self.write("x.md", text)))


if __name__ == "__main__":
    unittest.main()
