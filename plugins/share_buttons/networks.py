"""The registry of share targets (networks.toml) and the SHARE_BUTTONS setting."""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitelib.errors import SiteConfigError

REGISTRY_PATH = Path(__file__).with_name("networks.toml")
KINDS = {"link", "print", "copy", "native"}
# The seeds' share bar, in the seeds' order.
DEFAULT_SHARE_BUTTONS = ("facebook", "twitter", "telegram", "whatsapp", "email", "print")


@dataclass(frozen=True)
class Network:
    id: str
    label: str
    accessible_name: str
    kind: str
    icon: str
    base: str = ""
    params: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=None)
def load_registry(path: Path = REGISTRY_PATH) -> dict[str, Network]:
    """Read and check the registry; a broken entry stops the build."""
    with open(path, "rb") as registry_file:
        entries = tomllib.load(registry_file).get("network", [])
    registry: dict[str, Network] = {}
    for position, entry in enumerate(entries, start=1):
        where = f"{path.name}, entri [[network]] ke-{position}"
        try:
            network = Network(
                id=entry["id"],
                label=entry["label"],
                accessible_name=entry["accessible_name"],
                kind=entry["kind"],
                icon=entry["icon"],
                base=entry.get("base", ""),
                params=tuple((name, value) for name, value in entry.get("params", ())),
            )
        except KeyError as missing:
            raise SiteConfigError(f"{where}: kolom {missing} wajib diisi.") from None
        if network.kind not in KINDS:
            raise SiteConfigError(
                f"{where}: kind {network.kind!r} tidak dikenal; pilih salah satu dari "
                f"{', '.join(sorted(KINDS))}."
            )
        if network.kind == "link" and not (network.base and network.params):
            raise SiteConfigError(f"{where}: jaringan jenis link butuh 'base' dan 'params'.")
        if network.id in registry:
            raise SiteConfigError(f"{where}: id {network.id!r} sudah dipakai entri lain.")
        registry[network.id] = network
    return registry


def select_networks(names, registry: dict[str, Network]) -> list[Network]:
    """The networks named in SHARE_BUTTONS, in that order; unknown names stop the build."""
    unknown = [name for name in names if name not in registry]
    if unknown:
        raise SiteConfigError(
            f"SHARE_BUTTONS: jaringan {', '.join(map(repr, unknown))} tidak dikenal. "
            f"Pilihan yang sah: {', '.join(registry)}."
        )
    return [registry[name] for name in names]
