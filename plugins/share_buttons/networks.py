"""The registry of share targets (networks.toml) and the SHARE_BUTTONS setting."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitelib.errors import SiteConfigError
from sitelib.registry_file import Entry, Key, read_toml, refuse_repeats, table_entries

REGISTRY_PATH = Path(__file__).with_name("networks.toml")
KINDS = ("link", "print", "copy", "native")
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


NETWORK_KEYS = (
    Key("id"), Key("label"), Key("accessible_name"), Key("kind", choices=KINDS), Key("icon"),
    Key("base", required=False), Key("params", list, required=False, items=list),
)


def _params(entry: Entry) -> tuple[tuple[str, str], ...]:
    """The share URL's [name, template] pairs."""
    params = entry.get("params", [])
    if not all(len(pair) == 2 and all(isinstance(part, str) for part in pair) for pair in params):
        raise entry.refuse("setiap params harus berupa pasangan teks [\"nama\", \"nilai\"].")
    return tuple((name, value) for name, value in params)


@lru_cache(maxsize=None)
def load_registry(path: Path = REGISTRY_PATH) -> dict[str, Network]:
    """Read and check the registry (sitelib.registry_file); a broken entry stops the build."""
    entries = table_entries(read_toml(path), "network", path.name, NETWORK_KEYS)
    refuse_repeats(entries, "id", "id")
    registry: dict[str, Network] = {}
    for entry in entries:
        network = Network(**{key.name: entry[key.name] for key in NETWORK_KEYS[:5]},
                          base=entry.get("base", ""), params=_params(entry))
        if network.kind == "link" and not (network.base and network.params):
            raise entry.refuse("jaringan jenis link butuh 'base' dan 'params'.")
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
