"""The metadata fields content may have (data/metadata_fields.toml)."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitelib.registry_file import Key, read_toml, refuse_repeats, table_entries

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


FIELD_KEYS = (
    Key("name"), Key("required", list, required=False, items=str), Key("hint"),
    Key("values", list, required=False, items=str), Key("label", required=False),
    Key("form_hint", required=False), Key("input", required=False), Key("kinds", list, required=False, items=str),
)


@lru_cache(maxsize=None)
def known_fields(path: Path = FIELDS_FILE) -> dict[str, Field]:
    """Fields by lowercase name, as Pelican keys metadata, in the file's order (checked by sitelib.registry_file)."""
    entries = table_entries(read_toml(path), "field", path.name, FIELD_KEYS)
    refuse_repeats(entries, "name", "nama kolom", key=str.lower)
    return {
        entry["name"].lower(): Field(
            entry["name"], tuple(entry.get("required", ())), entry["hint"], tuple(entry.get("values", ())),
            entry.get("label") or entry["name"], entry.get("form_hint", ""), entry.get("input") or "text",
            tuple(entry.get("kinds", ())),
        )
        for entry in entries
    }
