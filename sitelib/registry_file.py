"""Registry files: TOML files of `[[table]]` entries (offices, editors, share networks).

Every registry is read the same way: the file must be valid TOML, each table
a list of entries, each entry has its required keys filled, every key of the
expected type (and one of the allowed values where there is a choice), no
key the registry does not know (a misspelt `ofices` would otherwise be
ignored), and no value written twice where it must be unique. Any error
stops with an Indonesian message naming the file, the entry (`[[office]]
ke-3`) and the field. What a registry does with its checked entries (lookup
tables, links between entries) stays in its own module.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import SiteConfigError

TYPE_NAMES = {str: "teks", list: "daftar", bool: "true atau false", int: "bilangan bulat", dict: "tabel"}


@dataclass(frozen=True)
class Key:
    """One key of an entry. Text values are returned without surrounding spaces."""

    name: str
    type: type = str
    required: bool = True
    items: type | None = None  # the type of each item of a list
    choices: tuple[str, ...] = ()  # the allowed values, when there is a choice
    label: str = ""  # what the value is, in Indonesian ("jenis kantor"); the key's name when empty

    @property
    def what(self) -> str:
        return self.label or self.name


@dataclass(frozen=True)
class Entry:
    """A checked entry: where it is (for messages) and its values."""

    where: str  # "data/offices.toml, [[office]] ke-3"
    values: dict

    def get(self, name: str, default=None):
        return self.values.get(name, default)

    def __getitem__(self, name: str):
        return self.values[name]

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def refuse(self, message: str) -> SiteConfigError:
        """The error for this entry: `raise entry.refuse("kode ... sudah dipakai.")`."""
        return SiteConfigError(f"{self.where}: {message}")


def read_toml(path: str | Path, missing: str = "") -> dict:
    """The file's data; SiteConfigError when it is missing (`missing`, else a general message) or not valid TOML."""
    try:
        with open(path, "rb") as registry_file:
            return tomllib.load(registry_file)
    except FileNotFoundError:
        raise SiteConfigError(missing or f"{path}: berkas tidak ditemukan.") from None
    except OSError as error:
        raise SiteConfigError(f"{path}: tidak bisa dibaca: {error.strerror or error}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SiteConfigError(f"{path} bukan TOML yang sah: {error}") from None


def type_name(value) -> str:
    return TYPE_NAMES.get(type(value), type(value).__name__)


def _checked_value(value, key: Key, where: str):
    if not isinstance(value, key.type) or isinstance(value, bool) is not (key.type is bool):
        raise SiteConfigError(f"{where}: kolom '{key.name}' harus berupa {TYPE_NAMES[key.type]}, bukan {type_name(value)}.")
    if key.items is not None:
        wrong = next((item for item in value if not isinstance(item, key.items)), None)
        if wrong is not None:
            raise SiteConfigError(
                f"{where}: kolom '{key.name}' harus berupa daftar {TYPE_NAMES[key.items]}; "
                f"{wrong!r} adalah {type_name(wrong)}."
            )
    if isinstance(value, str):
        value = value.strip()
        if key.required and not value:
            raise SiteConfigError(f"{where}: kolom '{key.name}' wajib diisi ({TYPE_NAMES[str]}).")
    if key.choices and value not in key.choices:
        raise SiteConfigError(
            f"{where}: {key.what} '{value}' tidak dikenal; pilih salah satu dari: {', '.join(key.choices)}."
        )
    return value


def checked_entry(entry, keys: tuple[Key, ...], where: str) -> Entry:
    """The entry with its keys checked; SiteConfigError naming `where` and the field otherwise."""
    if not isinstance(entry, dict):
        raise SiteConfigError(f"{where}: entri harus berupa tabel, bukan {type_name(entry)}.")
    known = {key.name: key for key in keys}
    unknown = [name for name in entry if name not in known]
    if unknown:
        raise SiteConfigError(
            f"{where}: kolom '{unknown[0]}' tidak dikenal; kolom yang sah: {', '.join(known)}."
        )
    values = {}
    for key in keys:
        if key.name in entry:
            values[key.name] = _checked_value(entry[key.name], key, where)
        elif key.required:
            type_hint = f" ({TYPE_NAMES[key.type]})" if key.type is str else ""
            raise SiteConfigError(f"{where}: kolom '{key.name}' wajib diisi{type_hint}.")
    return Entry(where, values)


def table_entries(data: dict, table: str, path: str | Path, keys: tuple[Key, ...]) -> list[Entry]:
    """Every `[[table]]` entry of a registry's data, checked, in file order."""
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise SiteConfigError(f"{path}: [[{table}]] harus berupa daftar entri.")
    return [checked_entry(entry, keys, f"{path}, [[{table}]] ke-{number}") for number, entry in enumerate(entries, start=1)]


def refuse_repeats(entries: list[Entry], name: str, label: str, key=lambda value: value) -> None:
    """SiteConfigError when two entries have the same value of `name` (compared by `key`, e.g. str.lower)."""
    first: dict = {}
    for entry in entries:
        if name not in entry:
            continue
        value = key(entry[name])
        if value in first:
            raise entry.refuse(
                f"{label} '{entry[name]}' sudah dipakai di {first[value].where.rsplit(', ', 1)[-1]}; "
                f"{label} tidak boleh tercantum dua kali."
            )
        first[value] = entry
