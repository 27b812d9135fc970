"""What `invoke prepare-photos` prints: paths, sizes and numbers as Indonesian readers write them, a line per
prepared photo or problem, and the closing summary."""

import os
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from photos.problems import PhotoProblem
from sitelib.errors import printable

from .plan import PhotoChange, Plan


def _number(value: float, pattern: str = "#,##0") -> str:
    return format_decimal(value, format=pattern, locale="id")


def file_size(size: int) -> str:
    """"2,1 MB", "412 KB", "900 bita" (1 MB = 1.000.000 bita, as the standard counts)."""
    if size >= 1_000_000:
        return f"{_number(size / 1_000_000, '#,##0.0')} MB"
    if size >= 1000:
        return f"{_number(round(size / 1000))} KB"
    return f"{_number(size)} bita"


def picture_size(width: int, height: int) -> str:
    return f"{_number(width)} × {_number(height)}"


def display(path: Path) -> str:
    return os.path.relpath(path)


def problem_line(problem: PhotoProblem) -> str:
    return printable(f"{problem.severity}: {problem.message} {problem.hint}")


@dataclass
class Report:
    lines: list[str]
    failed: bool

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def change_line(change: PhotoChange, references_updated: int) -> str:
    name = f" -> {change.target.name}" if change.renamed else ""
    sizes = f"{file_size(change.size_before)} -> {file_size(change.size_after)}"
    pixels = f"{picture_size(*change.pixels_before)} -> {picture_size(*change.pixels_after)} piksel"
    references_part = f" ({references_updated} rujukan diperbarui)" if change.renamed else ""
    return printable(f"{display(change.path)}{name}: {sizes}, {pixels}{references_part}")


def report(plan: Plan, done: list[PhotoChange], updated: dict[Path, int], problems: list[str]) -> Report:
    """A line per prepared photo, then the problems, then the summary; failed when there is a problem."""
    lines = [change_line(change, updated.get(change.path, 0)) for change in done]
    lines += problems
    before, after = sum(change.size_before for change in done), sum(change.size_after for change in done)
    summary = f"{len(done)} foto disiapkan"
    if done:
        summary += f" ({file_size(before)} -> {file_size(after)})"
    summary += f", {plan.meeting} sudah sesuai standar"
    left = len(plan.changes) - len(done) + plan.unreadable
    if problems:
        summary += f", {left} tidak diubah (lihat GALAT di atas)"
    lines.append(summary + ".")
    return Report(lines, failed=bool(problems))
