"""Plugins say what they provide and need; PLUGINS in another order builds the same site or stops."""

import filecmp
import importlib
import inspect
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import signals

import pelicanconf
from conftest import ROOT, content_with
from sitelib.plugin_contracts import THEME, Handler, both, order_conflicts, order_problems, plugin_handlers

OUR_PLUGINS = sorted(path.name for path in (ROOT / "plugins").iterdir() if (path / "__init__.py").is_file())


def noop(*args):
    return None


def with_handlers(order):
    return [(name, plugin_handlers(name)) for name in order]


# -- the order check, on made-up plugins --------------------------------------------------------

MAKER = ("maker", (Handler(signals.all_generators_finalized, noop, provides=("article.x",)),))
USER = ("user", (Handler(signals.all_generators_finalized, noop, needs=("article.x",)),))
LATE_USER = ("late_user", (Handler(signals.article_writer_finalized, noop, needs=("article.x",)),))


def test_a_reader_after_its_provider_on_the_same_signal_is_fine():
    assert order_problems([MAKER, USER]) == []


def test_a_reader_before_its_provider_on_the_same_signal_names_both_plugins():
    (problem,) = order_problems([USER, MAKER])
    assert "plugin 'user' membaca article.x" in problem and "plugin 'maker' baru menyediakannya" in problem
    assert "letakkan 'maker' sebelum 'user'" in problem


def test_a_reader_on_a_later_signal_may_come_first_in_plugins():
    assert order_problems([LATE_USER, MAKER]) == []


def test_a_name_nobody_provides_is_reported():
    (problem,) = order_problems([USER])
    assert "plugin 'user' membaca article.x" in problem and "tidak ada plugin" in problem


def test_page_objects_are_made_after_the_articles_are_finalized():
    """content_object_init for pages fires after article_generator_finalized: a page attribute
    set then is not there for an article-phase reader, an article attribute is."""
    on_init = ("init", (Handler(signals.content_object_init, noop, provides=both("y")),))
    article_reader = ("a", (Handler(signals.article_generator_finalized, noop, needs=("article.y",)),))
    page_reader = ("p", (Handler(signals.article_generator_finalized, noop, needs=("page.y",)),))
    assert order_problems([article_reader, on_init]) == []
    assert [c.reader for c in order_conflicts([page_reader, on_init])] == ["p"]


def test_generators_are_made_before_any_content_is_read():
    on_init = ("init", (Handler(signals.content_object_init, noop, provides=both("y")),))
    page_setup = ("p", (Handler(signals.page_generator_init, noop, needs=("article.y",)),))
    assert [c.reader for c in order_conflicts([on_init, page_setup])] == ["p"]


def test_every_provider_of_a_name_runs_before_its_readers():
    early = ("early", (Handler(signals.content_object_init, noop, provides=("article.body",)),))
    rewriter = ("rewriter", (Handler(signals.article_generator_finalized, noop, provides=("article.body",)),))
    reader = ("reader", (Handler(signals.article_generator_finalized, noop, needs=("article.body",)),))
    assert order_problems([early, rewriter, reader]) == []
    assert [c.provider for c in order_conflicts([early, reader, rewriter])] == ["rewriter"]


def test_contract_names_say_what_they_belong_to():
    with pytest.raises(ValueError):
        Handler(signals.all_generators_finalized, noop, provides=("plain_title",))


# -- the site's plugins -------------------------------------------------------------------------


def test_the_site_order_keeps_every_contract():
    assert order_problems([*with_handlers(pelicanconf.PLUGINS), THEME]) == []


@pytest.mark.parametrize("plugin, reader, names", [
    ("content_checks", "plugin 'photos'", "article.safe_body, page.safe_body"),  # bodies reach pages unsanitised
    ("plain_text_metadata", "plugin 'page_identity'", "article.escaped_summary"),  # titles read as HTML
    ("front_page", "tema (theme/templates)", "context.category_latest, context.lead_article"),
    ("share_buttons", "tema (theme/templates)", "article.share_buttons"),
])
def test_a_plugin_left_out_of_plugins_is_named_by_what_needs_it(plugin, reader, names):
    order = [name for name in pelicanconf.PLUGINS if name != plugin]
    problems = " ".join(order_problems([*with_handlers(order), THEME]))
    assert f"{reader} membaca {names}" in problems and "tidak ada plugin di PLUGINS yang menyediakannya" in problems


def test_the_build_without_the_content_checks_stops_before_reading(photo_content, tmp_path):
    result = build(tmp_path / "tanpa", [name for name in pelicanconf.PLUGINS if name != "content_checks"], photo_content)
    message = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0 and "plugin 'photos' membaca article.safe_body" in message
    assert not (tmp_path / "tanpa" / "index.html").exists()


@pytest.mark.parametrize("plugin", OUR_PLUGINS)
def test_each_plugin_declares_its_handlers_and_register_connects_only_them(plugin):
    module = importlib.import_module(plugin)
    assert module.HANDLERS, f"{plugin} declares no HANDLERS"
    for handler in module.HANDLERS:
        assert handler.receiver.__module__ == f"{plugin}.handlers", (
            f"{plugin}: receivers live in {plugin}/handlers.py, not {handler.receiver.__module__}"
        )
    register = inspect.getsource(module.register)
    assert "connect(HANDLERS)" in register and ".connect(" not in register


@pytest.mark.parametrize("plugin", OUR_PLUGINS)
def test_every_plugin_is_in_plugins(plugin):
    assert plugin in pelicanconf.PLUGINS


def valid_orders(count: int, seed: int):
    """Orders of PLUGINS unlike the site's own that keep every contract: each plugin, in a random
    sequence, is put at a random place where it breaks none."""
    chooser = random.Random(seed)
    handlers = dict(with_handlers(pelicanconf.PLUGINS))
    orders = []
    while len(orders) < count:
        order: list[str] = []
        for name in chooser.sample(pelicanconf.PLUGINS, len(pelicanconf.PLUGINS)):
            places = [
                i for i in range(len(order) + 1)
                if not order_conflicts([(n, handlers[n]) for n in order[:i] + [name] + order[i:]])
            ]
            order.insert(chooser.choice(places), name)
        if order != list(pelicanconf.PLUGINS) and order not in orders:
            orders.append(order)
    return orders


def build(output: Path, order, content: Path):
    """A preview build with cards, photos and the photo corpus, in the given plugin order."""
    extra = {"PLUGINS": list(order), "SHARE_CARD_IMAGES": True}
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output),
        "--fatal", "warnings", "-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items()),
    ]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "400"})


@pytest.fixture(scope="module")
def photo_content(tmp_path_factory):
    return content_with(tmp_path_factory, "urutan", "photo_content")


@pytest.fixture(scope="module")
def site_order_build(photo_content, tmp_path_factory):
    output = tmp_path_factory.mktemp("urutan-situs")
    result = build(output, pelicanconf.PLUGINS, photo_content)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(comparison, prefix=""):
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only + comparison.diff_files)
        found.extend(prefix + name for name in comparison.funny_files)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]))
    # dircmp compares by os.stat signature first; compare every common file's bytes as well.
    for path in left.rglob("*"):
        twin = right / path.relative_to(left)
        if path.is_file() and twin.is_file() and path.read_bytes() != twin.read_bytes():
            found.append(str(path.relative_to(left)))
    return sorted(set(found))


def test_plugins_reversed_stop_the_build_naming_both_plugins(photo_content, tmp_path):
    result = build(tmp_path / "terbalik", list(reversed(pelicanconf.PLUGINS)), photo_content)
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "Urutan PLUGINS salah" in message
    assert "plugin 'share_buttons' membaca" in message and "plugin 'page_identity' baru menyediakannya" in message
    assert "Traceback" not in message
    assert not (tmp_path / "terbalik" / "index.html").exists()


@pytest.mark.parametrize("order", valid_orders(2, seed=17), ids=["acak-1", "acak-2"])
def test_plugins_in_another_valid_order_build_the_identical_site(order, photo_content, site_order_build, tmp_path):
    result = build(tmp_path / "acak", order, photo_content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(site_order_build, tmp_path / "acak") == [], f"PLUGINS = {order}"


def test_shuffled_orders_either_keep_every_contract_or_are_refused():
    """Any order at all: the check answers yes or no with a reason, it never passes silently a
    reader placed before its provider on the same signal."""
    chooser = random.Random(5)
    handlers = dict(with_handlers(pelicanconf.PLUGINS))
    for _ in range(200):
        order = chooser.sample(pelicanconf.PLUGINS, len(pelicanconf.PLUGINS))
        conflicts = order_conflicts([(n, handlers[n]) for n in order])
        for conflict in conflicts:
            assert order.index(conflict.provider) > order.index(conflict.reader) or conflict.signal != conflict.provider_signal
        assert bool(conflicts) == bool(order_problems([(n, handlers[n]) for n in order]))


def test_undated_pages_in_the_sitemap_carry_the_newest_article_date_not_the_build_time(site_order_build):
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ElementTree.parse(site_order_build / "sitemap.xml")
    entries = {url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns) for url in sitemap.iterfind("s:url", ns)}
    home = entries["/"]  # the preview build: SITEURL is empty
    assert home == max(entries.values()) and home.endswith("+07:00")
    assert entries["/kantor/"] == home


def test_newest_change_prefers_modified():
    from datetime import datetime
    from types import SimpleNamespace

    from sitemap_dates.newest import newest_change

    old = SimpleNamespace(date=datetime(2024, 1, 1), modified=datetime(2025, 3, 1))
    new = SimpleNamespace(date=datetime(2024, 6, 1), modified=None)
    assert newest_change([old, new]) == datetime(2025, 3, 1)
    assert newest_change([]) is None
