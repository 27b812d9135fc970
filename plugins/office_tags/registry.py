"""The office registry (data/offices.toml): loading, validation, name lookup."""

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitelib.errors import SiteConfigError
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


def _entries(data, table, path):
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise SiteConfigError(f"{path}: [[{table}]] harus berupa daftar entri.")
    return entries


def _required(entry, key, where):
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SiteConfigError(f"{where}: kolom '{key}' wajib diisi (teks).")
    return value.strip()


def _choice(entry, key, choices, where, what):
    value = _required(entry, key, where)
    if value not in choices:
        raise SiteConfigError(
            f"{where}: {what} '{value}' tidak dikenal; pilih salah satu dari: {', '.join(choices)}."
        )
    return choices[value] if isinstance(choices, dict) else value


def _check_code(code: str, where: str) -> None:
    """Codes become addresses (/kantor/{code}/, /wilayah/{code}/): lowercase letters, digits and hyphens only."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code):
        raise SiteConfigError(f"{where}: kode '{code}' hanya boleh huruf kecil, angka dan tanda minus.")


def build_registry(data: dict, path: str) -> Registry:
    """Check the registry's data and index every code and alias; any error stops the build."""
    institutions: dict[str, Institution] = {}
    for number, entry in enumerate(_entries(data, "institution", path), start=1):
        where = f"{path}, [[institution]] ke-{number}"
        code = _required(entry, "code", where)
        if code in institutions:
            raise SiteConfigError(f"{where}: kode '{code}' sudah dipakai.")
        institutions[code] = Institution(code, _required(entry, "name", where))

    lookup: dict[str, Office | Region] = {}
    owners: dict[str, str] = {}

    def index(names, target, where):
        for name in names:
            key = normalise(name)
            owner = lookup.get(key)
            if owner is not None and owner is not target:
                raise SiteConfigError(
                    f"{where}: nama '{name}' sudah dipakai oleh {owners[key]}; "
                    "setiap kode dan alias harus unik."
                )
            lookup[key] = target
            owners[key] = f"'{target.code}'"

    regions: dict[str, Region] = {}
    for number, entry in enumerate(_entries(data, "region", path), start=1):
        where = f"{path}, [[region]] ke-{number}"
        code = _required(entry, "code", where)
        _check_code(code, where)
        if code in regions:
            raise SiteConfigError(f"{where}: kode wilayah '{code}' sudah dipakai.")
        parent = _choice(entry, "parent", regions, where, "wilayah induk") if "parent" in entry else None
        region = Region(
            code=code,
            name=_required(entry, "name", where),
            kind=_choice(entry, "kind", REGION_KINDS, where, "jenis wilayah"),
            parent=parent,
            aliases=tuple(entry.get("aliases", ())),
        )
        index((code, region.name, *region.aliases), region, where)
        regions[code] = region

    offices: dict[str, Office] = {}
    for number, entry in enumerate(_entries(data, "office", path), start=1):
        where = f"{path}, [[office]] ke-{number}"
        code = _required(entry, "code", where)
        _check_code(code, where)
        if code in offices:
            raise SiteConfigError(f"{where}: kode kantor '{code}' sudah dipakai.")
        office = Office(
            code=code,
            name=_required(entry, "name", where),
            short_name=_required(entry, "short_name", where),
            kind=_choice(entry, "kind", OFFICE_KINDS, where, "jenis kantor"),
            region=_choice(entry, "region", regions, where, "wilayah"),
            institution=_choice(entry, "institution", institutions, where, "instansi"),
            aliases=tuple(entry.get("aliases", ())),
        )
        index((code, office.name, office.short_name, *office.aliases), office, where)
        offices[code] = office
    return Registry(institutions, regions, offices, lookup)


@lru_cache(maxsize=8)
def _load_cached(path: str, modified: float) -> Registry:
    try:
        with open(path, "rb") as registry_file:
            data = tomllib.load(registry_file)
    except FileNotFoundError:
        raise SiteConfigError(f"Daftar kantor {path} tidak ditemukan (setelan OFFICE_REGISTRY).") from None
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(f"{path} bukan TOML yang sah: {error}") from None
    return build_registry(data, path)


def load_registry(path: str | Path) -> Registry:
    """The registry at `path`, read again only when the file changes."""
    path = str(path)
    try:
        modified = Path(path).stat().st_mtime
    except FileNotFoundError:
        modified = 0.0
    return _load_cached(path, modified)
