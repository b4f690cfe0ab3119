"""Report formats of ``check``: text for people, JSON for machines, annotations for CI (GitHub, GitLab)."""

from __future__ import annotations

import hashlib
import json

from ecoredress.regulation.findings import Finding, Severity
from ecoredress.validation.checker import Report

REPORT_VERSION = 1


def as_text(report: Report) -> str:
    lines = [text_line(f) for f in report.findings]
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    summary = f"检查了 {len(report.files)} 个文件："
    if errors or warnings:
        summary += f"{errors} 个错误，{warnings} 个警告。"
    else:
        summary += "全部有效。"
    return "\n".join([*lines, summary]) + "\n"


def text_line(f: Finding) -> str:
    article = f"（{f.basis}）" if f.article else ""
    return f"{f.path}:{f.line}:{f.column}: {f.severity.label} {f.code} {f.message}{article}"


def as_json(report: Report) -> str:
    """Frictionless-style report; its shape is documented in docs and schema/check-report.schema.json."""
    payload = {
        "version": REPORT_VERSION,
        "valid": report.valid,
        "counts": {
            "files": len(report.files),
            "cases": report.case_count,
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
        },
        "findings": [f.as_dict() for f in report.findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def as_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding, shown inline on the YAML line."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in report.findings:
        article = f"（{f.basis}）" if f.article else ""
        title = _escape_property(f"{f.code}{' ' + f.article if f.article else ''}")
        props = f"file={_escape_property(f.path)},line={f.line},col={f.column},title={title}"
        lines.append(f"::{level[f.severity]} {props}::{_escape_data(f.message + article)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_gitlab(report: Report) -> str:
    """GitLab code-quality report (Code Climate JSON subset): merge requests show each finding on its line."""
    severity = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
    issues = []
    for f in report.findings:
        article = f"（{f.basis}）" if f.article else ""
        line = f.line or 1
        issues.append(
            {
                "type": "issue",
                "description": f"{f.code}：{f.message}{article}",
                "check_name": f.code,
                "fingerprint": _fingerprint(f.code, f.path, f.pointer),
                "severity": severity[f.severity],
                "location": {"path": f.path, "lines": {"begin": line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _fingerprint(*parts: object) -> str:
    # Stable across runs and days, so GitLab can tell new findings from ones already on the target branch:
    # no line (edits above move it) and no message (an overdue count changes daily).
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "gitlab": as_gitlab}
