"""The README's Architecture section matches the code: every plugin, what it provides and needs."""

import re

import pelicanconf
from conftest import ROOT
from sitelib.plugin_contracts import THEME, plugin_handlers

OUR_PLUGINS = sorted(path.name for path in (ROOT / "plugins").iterdir() if (path / "__init__.py").is_file())


def shown(names: set[str]) -> str:
    """`x` for a name set on articles and pages alike, `article.x` or `page.x` otherwise."""
    both = {name.split(".", 1)[1] for name in names if name.startswith("article.") and "page." + name.split(".", 1)[1] in names}
    single = {name for name in names if name.split(".", 1)[1] not in both or name.startswith("context.")}
    return ", ".join(f"`{name}`" for name in sorted(both | single)) or "—"


def provided(handlers) -> set[str]:
    return {name for handler in handlers for name in handler.provides}


def needed(handlers) -> set[str]:
    """What the plugin reads from other plugins (not what it set itself)."""
    return {name for handler in handlers for name in handler.needs} - provided(handlers)


def signals_of(handlers) -> str:
    return ", ".join(dict.fromkeys(handler.signal_name for handler in handlers))


def plugin_table() -> str:
    """The table the README carries, made from each plugin's HANDLERS in PLUGINS order."""
    rows = ["| Plugin | Runs on | Provides | Needs |", "|---|---|---|---|"]
    for plugin in pelicanconf.PLUGINS:
        if plugin not in OUR_PLUGINS:
            continue
        handlers = plugin_handlers(plugin)
        rows.append(f"| `{plugin}` | {signals_of(handlers)} | {shown(provided(handlers))} | {shown(needed(handlers))} |")
    rows.append(f"| theme (templates) | while pages are written | — | {shown(needed(THEME[1]))} |")
    return "\n".join(rows)


def architecture_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Architecture\n(.*?)(?=^## )", readme, flags=re.S | re.M)
    assert match, "README.md has no '## Architecture' section"
    return match.group(1)


def test_the_plugin_table_matches_the_plugins_declarations():
    assert plugin_table() in architecture_section(), (
        "README's plugin table is out of date; replace it with:\n\n" + plugin_table()
    )


def test_every_plugin_folder_is_described():
    section = architecture_section()
    missing = [plugin for plugin in OUR_PLUGINS if f"`{plugin}`" not in section]
    assert not missing, f"plugins without an entry in README's Architecture section: {missing}"


def test_one_module_name_means_one_kind_of_module():
    """handlers.py: signal receivers; write.py: files written into output/; any other name once."""
    shared = {"__init__.py", "handlers.py", "write.py"}
    seen: dict[str, list[str]] = {}
    for folder in ("plugins", "sitelib", "editorial", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            if "node_modules" not in path.parts:
                seen.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    repeated = {name: paths for name, paths in seen.items() if len(paths) > 1 and name not in shared}
    assert not repeated, repeated


WRITES = (".write_text(", ".write_bytes(", "copyfile(", "open(")


def test_plugins_write_files_only_in_write_modules_through_the_output_guard():
    for path in (ROOT / "plugins").glob("*/*.py"):
        text = path.read_text(encoding="utf-8")
        writes = [call for call in WRITES if call in text]
        if path.name == "write.py":
            assert not writes or "output_file(" in text or "OutputFolder(" in text, \
                f"{path} writes without sitelib.output.output_file (or OutputFolder)"
        elif path.name == "handlers.py":
            assert not writes, f"{path} writes files itself: move that into write.py"
