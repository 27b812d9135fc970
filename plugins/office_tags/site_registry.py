"""The office registry the site's settings name (OFFICE_REGISTRY)."""

from .registry import Registry, load_registry

DEFAULT_REGISTRY = "data/offices.toml"


def registry_for(settings) -> Registry:
    return load_registry(settings.get("OFFICE_REGISTRY", DEFAULT_REGISTRY))
