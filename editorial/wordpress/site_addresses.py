"""The files the site's content already claims, and those the import has planned.

Claims are the check's own (content_checks.rules.claims: an item's page at the
address it has or will have when published, its draft page, its redirect), so
an imported post never takes an address `invoke check` would refuse. Used to
give a post whose address is taken WordPress's -2, -3, … suffix, and to
recognise a post imported before by its old address (Old_path).
"""

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from content_checks.addresses import Claim, redirect_claim, reserved_problem
from content_checks.rules import claims
from content_checks.scan import readable_sources
from content_checks.source import SourceFile


def own_claims(source: SourceFile, kind: str, settings, now: datetime) -> list[Claim]:
    """Every file the item will write (its pages and its redirect)."""
    return claims(source, kind, settings, now)


@dataclass
class Addresses:
    settings: dict
    now: datetime
    old_paths: dict[str, str] = field(default_factory=dict)  # old address -> the file that has it
    taken: set[str] = field(default_factory=set)  # files below the output some item or redirect writes
    planned_files: set[Path] = field(default_factory=set)
    planned_old_paths: set[str] = field(default_factory=set)

    @classmethod
    def of_content(cls, settings, now: datetime) -> "Addresses":
        addresses = cls(settings, now)
        for item in readable_sources(settings):
            addresses.take(item.source.value("old_path"), str(item.path), own_claims(item.source, item.kind, settings, now))
        return addresses

    def take(self, old_path: str, path: str, item_claims: list[Claim]) -> None:
        """An item at `path` with these claims and old address (or '')."""
        self.taken |= {claim.save_as for claim in item_claims}
        if old_path:
            self.old_paths[old_path] = path

    def plan(self, old_path: str, path: Path, item_claims: list[Claim]) -> None:
        """A file this import will write."""
        self.take(old_path, str(path), item_claims)
        self.planned_files.add(path)
        if old_path:
            self.planned_old_paths.add(old_path)

    def is_taken(self, path: Path, item_claims: list[Claim]) -> bool:
        """Whether the file is there or planned, or the item's page would take a file another item, a redirect
        or the site's own pages have."""
        if os.path.lexists(path) or path in self.planned_files:
            return True
        pages = [claim for claim in item_claims if claim.field != "Old_path"]
        return any(claim.save_as in self.taken or (not claim.draft and reserved_problem(claim.save_as, self.settings))
                   for claim in pages)

    def redirect_problem(self, old_path: str) -> str:
        """Why a redirect at `old_path` cannot be written, or ''."""
        claim = redirect_claim(old_path, "", None)
        if claim.save_as in self.taken:
            return f"alamat {old_path} sudah dipakai halaman lain situs ini"
        reserved = reserved_problem(claim.save_as, self.settings)
        return f"alamat {old_path} memakai {reserved}" if reserved else ""
