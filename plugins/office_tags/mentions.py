"""Offices named in an article's text but not tagged: suggestions for the editor."""

import re

from .registry import Office, Registry, normalise


def _names(office: Office) -> list[str]:
    return [office.name, office.short_name, *office.aliases]


def mentioned_offices(text: str, registry: Registry) -> list[Office]:
    """Offices whose name, short name or an alias appears in `text`, in registry order."""
    haystack = f" {normalise(text)} "
    found = []
    for office in registry.offices.values():
        for name in _names(office):
            if re.search(rf"(?<![a-z0-9]){re.escape(normalise(name))}(?![a-z0-9])", haystack):
                found.append(office)
                break
    return found


def untagged_mentions(text: str, tagged_codes, registry: Registry) -> list[Office]:
    return [office for office in mentioned_offices(text, registry) if office.code not in set(tagged_codes)]
