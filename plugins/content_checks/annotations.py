"""Findings as GitHub Actions workflow commands, so they show on the file and line of a pull request."""

from sitelib.errors import Finding


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """`::error file=…,line=…,title=…::message` (a PERINGATAN is a `::warning`)."""
    command = "error" if finding.is_error else "warning"
    properties = [f"file={_escape_property(finding.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    title = f"{finding.severity}: kolom {finding.field}" if finding.field else finding.severity
    properties.append(f"title={_escape_property(title)}")
    hint = f" {finding.hint}" if finding.hint else ""
    return f"::{command} {','.join(properties)}::{_escape_data(finding.message + hint)}"
