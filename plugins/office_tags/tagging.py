"""Reading an article's office metadata into offices of the registry."""

from dataclasses import dataclass

from sitelib.errors import Finding

from .registry import Office, Region, Registry

# Metadata fields, as editors write them (Pelican lowercases the keys).
OFFICES_FIELD = "Offices"
HOST_FIELD = "Host_office"
REPORTING_FIELD = "Reporting_office"

HOST_LABEL = "Tuan rumah"
REPORTING_LABEL = "Liputan"


@dataclass(frozen=True)
class OfficeTag:
    """One office of an article, with its roles ("Tuan rumah", "Liputan")."""

    office: Office
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleOffices:
    tags: tuple[OfficeTag, ...]
    host: Office | None
    reporting: Office | None

    @property
    def offices(self) -> list[Office]:
        return [tag.office for tag in self.tags]


def split_list(raw) -> list[str]:
    """'kedu, Kab. Magelang' -> ['kedu', 'Kab. Magelang']; an empty value is no value."""
    if raw is None:
        return []
    items = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
    return [item.strip() for item in items if item and item.strip()]


def unknown_office_message(value: str, registry: Registry) -> str:
    message = f"kantor '{value}' tidak dikenal."
    suggestions = registry.closest(value)
    if suggestions:
        names = " atau ".join(f"{office.code} ({office.short_name})" for office in suggestions)
        message += f" Mungkin maksud Anda {names}?"
    return message + " Daftar kantor: data/offices.toml."


def resolve_offices(metadata: dict, registry: Registry, path: str) -> tuple[ArticleOffices, list[Finding]]:
    """The offices an article names, or the findings that explain what is wrong.

    Offices may be codes, names, aliases or region codes (a region means all
    its offices); the host and the reporting office must be single offices
    and count as involved.
    """
    findings: list[Finding] = []
    involved: list[Office] = []

    def add(office):
        if office not in involved:
            involved.append(office)

    for value in split_list(metadata.get(OFFICES_FIELD.lower())):
        target = registry.find(value)
        if target is None:
            findings.append(Finding(path, OFFICES_FIELD, unknown_office_message(value, registry)))
        elif isinstance(target, Region):
            for office in registry.offices_in(target):
                add(office)
        else:
            add(target)

    def single(field_name):
        values = split_list(metadata.get(field_name.lower()))
        if not values:
            return None
        if len(values) > 1:
            findings.append(Finding(path, field_name, "isi satu kantor saja."))
            return None
        target = registry.find(values[0])
        if target is None:
            findings.append(Finding(path, field_name, unknown_office_message(values[0], registry)))
            return None
        if isinstance(target, Region):
            findings.append(Finding(
                path, field_name,
                f"'{values[0]}' adalah wilayah, bukan kantor; isi satu kantor, misalnya "
                f"{registry.offices_in(target)[0].code}.",
            ))
            return None
        add(target)
        return target

    host = single(HOST_FIELD)
    reporting = single(REPORTING_FIELD)
    order = list(registry.offices.values())
    tags = tuple(
        OfficeTag(
            office,
            tuple(label for label, role in ((HOST_LABEL, host), (REPORTING_LABEL, reporting)) if office is role),
        )
        for office in sorted(involved, key=order.index)
    )
    return ArticleOffices(tags, host, reporting), findings
