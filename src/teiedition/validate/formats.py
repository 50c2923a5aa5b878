"""Report formats: text for people and editors, json, junit, github and sarif for machines."""

from __future__ import annotations

import json
from typing import Callable

from lxml import etree

from .problems import Problem, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def problem_line(path: str, problem: Problem) -> str:
    """``path:line:col: error: message [rule-id]``: how every command reports a problem."""
    role = f", {problem.role}" if problem.role and problem.role != problem.severity else ""
    return f"{_where(path, problem)}: {problem.severity}: {problem.message} [{problem.rule}{role}]"


def _where(path: str, problem: Problem) -> str:
    parts = [path] + [str(n) for n in (problem.line, problem.column) if n]
    if problem.line is None:
        parts = [path]
    return ":".join(parts)


def text(report: Report) -> str:
    """``path:line:col: error: message [rule-id]``, one problem a line (jing and ruff style)."""
    lines = [problem_line(f.path, p) for f in report.files for p in f.problems]
    return "\n".join(lines) + ("\n" if lines else "")


def as_json(report: Report) -> str:
    data = {
        "schemas": list(report.schemas),
        "summary": {"files": len(report.files), "valid": sum(f.valid for f in report.files),
                    "problems": report.problem_count},
        "files": [{"path": f.path, "valid": f.valid,
                   "problems": [{"rule": p.rule, "severity": p.severity, "message": p.message,
                                 "line": p.line, "column": p.column, "schema": p.schema,
                                 "detail": p.detail, "xpath": p.xpath, "role": p.role}
                                for p in f.problems]}
                  for f in report.files],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def junit(report: Report) -> str:
    """JUnit XML: a test case per file, a failure per problem (CI systems show them)."""
    failures = sum(1 for f in report.files if not f.valid)
    suites = etree.Element("testsuites", name="teiedition validate")
    suite = etree.SubElement(suites, "testsuite", name="teiedition validate",
                             tests=str(len(report.files)), failures=str(failures), errors="0",
                             time=f"{sum(f.seconds for f in report.files):.3f}")
    for f in report.files:
        case = etree.SubElement(suite, "testcase", classname="teiedition.validate", name=f.path,
                                time=f"{f.seconds:.3f}")
        errors = [p for p in f.problems if p.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", type=errors[0].rule,
                                       message=f"{len(errors)} problem(s): {errors[0].message}")
            failure.text = text(type(report)((f,)))
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True).decode("utf-8")


def _gh_escape(value: str, *, property: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property else value


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def github(report: Report) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    lines = []
    for f in report.files:
        for p in f.problems:
            props = [f"file={_gh_escape(f.path, property=True)}"]
            if p.line:
                props.append(f"line={p.line}")
            if p.column:
                props.append(f"col={p.column}")
            props.append(f"title={_gh_escape(p.rule, property=True)}")
            level = _GITHUB_LEVEL[p.severity]
            lines.append(f"::{level} {','.join(props)}::{_gh_escape(p.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def sarif(report: Report) -> str:
    """SARIF 2.1.0, for code-scanning dashboards."""
    from .. import __version__
    rules = sorted({p.rule for f in report.files for p in f.problems})
    results = []
    for f in report.files:
        for p in f.problems:
            region = {k: v for k, v in (("startLine", p.line), ("startColumn", p.column)) if v}
            location = {"physicalLocation": {"artifactLocation": {"uri": f.path}}}
            if region:
                location["physicalLocation"]["region"] = region
            result = {"ruleId": p.rule, "level": _SARIF_LEVEL[p.severity],
                      "message": {"text": p.message}, "locations": [location]}
            if p.role:
                result["properties"] = {"role": p.role}
            results.append(result)
    data = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "teiedition", "version": __version__,
                            "rules": [{"id": r} for r in rules]}},
        "results": results}]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text, "json": as_json, "junit": junit, "github": github, "sarif": sarif}
