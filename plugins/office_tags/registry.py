"""The office registry (data/offices.toml): loading, validation (sitelib.registry_file), name lookup."""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitelib.registry_file import Entry, Key, read_toml, refuse_repeats, table_entries
from sitelib.site_folders import OFFICE_URL, REGION_URL

OFFICE_KINDS = ("kanwil", "kabupaten", "kota")
# Where office and region pages and feeds are published.
FEED_PATH = "feed/atom.xml"
REGION_KINDS = ("provinsi", "karesidenan")


def normalise(name: str) -> str:
    """The lookup key of a name: no case, dots, commas, hyphens or extra spaces."""
    return " ".join(re.sub(r"[.,\-]", " ", name.lower()).split())


@dataclass(frozen=True)
class Institution:
    code: str
    name: str


class HasPage:
    """Offices and regions are published at URL_PATTERN, with an Atom feed beneath."""

    URL_PATTERN = ""

    @property
    def url(self) -> str:
        return self.URL_PATTERN.format(code=self.code)

    @property
    def feed_url(self) -> str:
        return self.url + FEED_PATH


@dataclass(frozen=True, eq=False)
class Region(HasPage):
    code: str
    name: str
    kind: str
    parent: "Region | None" = None
    aliases: tuple[str, ...] = ()
    URL_PATTERN = REGION_URL

    def contains(self, other: "Region") -> bool:
        """True when `other` is this region or lies inside it."""
        while other is not None:
            if other is self:
                return True
            other = other.parent
        return False


@dataclass(frozen=True, eq=False)
class Office(HasPage):
    code: str
    name: str
    short_name: str
    kind: str
    region: Region
    institution: Institution
    aliases: tuple[str, ...] = ()
    URL_PATTERN = OFFICE_URL


class Registry:
    """Offices and regions in file order, and every name they are known by."""

    def __init__(self, institutions, regions, offices, lookup):
        self.institutions: dict[str, Institution] = institutions
        self.regions: dict[str, Region] = regions
        self.offices: dict[str, Office] = offices
        self._lookup: dict[str, Office | Region] = lookup

    def find(self, name: str) -> "Office | Region | None":
        return self._lookup.get(normalise(name))

    def offices_in(self, region: Region) -> list[Office]:
        return [office for office in self.offices.values() if region.contains(office.region)]

    def closest(self, name: str, count: int = 3) -> list[Office]:
        """The offices whose names are spelt most like `name`, best first."""
        matches = difflib.get_close_matches(normalise(name), self._lookup, n=count * 4, cutoff=0.6)
        found: list[Office] = []
        for match in matches:
            target = self._lookup[match]
            if isinstance(target, Office) and target not in found:
                found.append(target)
        return found[:count]


INSTITUTION_KEYS = (Key("code"), Key("name"))
REGION_KEYS = (
    Key("code"), Key("name"), Key("kind", choices=REGION_KINDS, label="jenis wilayah"),
    Key("parent", required=False), Key("aliases", list, required=False, items=str),
)
OFFICE_KEYS = (
    Key("code"), Key("name"), Key("short_name"), Key("kind", choices=OFFICE_KINDS, label="jenis kantor"),
    Key("region"), Key("institution"), Key("aliases", list, required=False, items=str),
)


def _linked(entry: Entry, key: str, targets: dict, what: str):
    """The earlier entry `entry[key]` names (a region, an institution)."""
    value = entry[key]
    if value not in targets:
        raise entry.refuse(f"{what} '{value}' tidak dikenal; pilih salah satu dari: {', '.join(targets)}.")
    return targets[value]


def _check_code(entry: Entry) -> str:
    """Codes become addresses (/kantor/{code}/, /wilayah/{code}/): lowercase letters, digits and hyphens only."""
    code = entry["code"]
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code):
        raise entry.refuse(f"kode '{code}' hanya boleh huruf kecil, angka dan tanda minus.")
    return code


def _entries(data: dict, table: str, path: str, keys: tuple[Key, ...], label: str) -> list[Entry]:
    entries = table_entries(data, table, path, keys)
    refuse_repeats(entries, "code", label)
    return entries


def build_registry(data: dict, path: str) -> Registry:
    """Check the registry's data and index every code and alias; any error stops the build."""
    institutions = {
        entry["code"]: Institution(entry["code"], entry["name"])
        for entry in _entries(data, "institution", path, INSTITUTION_KEYS, "kode instansi")
    }
    lookup: dict[str, Office | Region] = {}

    def index(names, target, entry: Entry):
        for name in names:
            key = normalise(name)
            owner = lookup.get(key)
            if owner is not None and owner is not target:
                raise entry.refuse(f"nama '{name}' sudah dipakai oleh '{owner.code}'; setiap kode dan alias harus unik.")
            lookup[key] = target

    regions: dict[str, Region] = {}
    for entry in _entries(data, "region", path, REGION_KEYS, "kode wilayah"):
        code = _check_code(entry)
        parent = _linked(entry, "parent", regions, "wilayah induk") if "parent" in entry else None
        region = Region(code, entry["name"], entry["kind"], parent, tuple(entry.get("aliases", ())))
        index((code, region.name, *region.aliases), region, entry)
        regions[code] = region

    offices: dict[str, Office] = {}
    for entry in _entries(data, "office", path, OFFICE_KEYS, "kode kantor"):
        code = _check_code(entry)
        office = Office(
            code=code,
            name=entry["name"],
            short_name=entry["short_name"],
            kind=entry["kind"],
            region=_linked(entry, "region", regions, "wilayah"),
            institution=_linked(entry, "institution", institutions, "instansi"),
            aliases=tuple(entry.get("aliases", ())),
        )
        index((code, office.name, office.short_name, *office.aliases), office, entry)
        offices[code] = office
    return Registry(institutions, regions, offices, lookup)


@lru_cache(maxsize=8)
def _load_cached(path: str, modified: float) -> Registry:
    data = read_toml(path, missing=f"Daftar kantor {path} tidak ditemukan (setelan OFFICE_REGISTRY).")
    return build_registry(data, path)


def load_registry(path: str | Path) -> Registry:
    """The registry at `path`, read again only when the file changes."""
    path = str(path)
    try:
        modified = Path(path).stat().st_mtime
    except FileNotFoundError:
        modified = 0.0
    return _load_cached(path, modified)
