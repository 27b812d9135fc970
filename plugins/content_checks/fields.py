"""The metadata fields content may have (data/metadata_fields.toml)."""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FIELDS_FILE = Path(__file__).resolve().parents[2] / "data" / "metadata_fields.toml"


@dataclass(frozen=True)
class Field:
    name: str
    required: tuple[str, ...]
    hint: str
    values: tuple[str, ...] = ()
    # The web editor's form (see the file's header).
    label: str = ""
    form_hint: str = ""
    input: str = "text"
    kinds: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def known_fields(path: Path = FIELDS_FILE) -> dict[str, Field]:
    """Fields by lowercase name, as Pelican keys metadata, in the file's order."""
    with open(path, "rb") as fields_file:
        entries = tomllib.load(fields_file)["field"]
    return {
        entry["name"].lower(): Field(
            entry["name"], tuple(entry.get("required", ())), entry["hint"], tuple(entry.get("values", ())),
            entry.get("label", entry["name"]), entry.get("form_hint", ""), entry.get("input", "text"),
            tuple(entry.get("kinds", ())),
        )
        for entry in entries
    }
