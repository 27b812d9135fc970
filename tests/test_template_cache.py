"""Compiled templates kept in memory between builds of one process (sitelib/template_cache.py)."""

from jinja2 import DictLoader, Environment

from sitelib.template_cache import MemoryBytecodeCache


def environment(templates: dict, cache: MemoryBytecodeCache, **options) -> Environment:
    return Environment(loader=DictLoader(templates), bytecode_cache=cache, **options)


def test_a_template_is_compiled_once_until_its_source_or_the_options_change():
    cache = MemoryBytecodeCache()
    templates = {"a.html": "{{ x }}!"}
    assert environment(templates, cache, autoescape=True).get_template("a.html").render(x="<b>") == "&lt;b&gt;!"
    assert len(cache._code) == 1
    compiled = []
    second = environment(templates, cache, autoescape=True)
    second.compile = lambda *args, **kwargs: compiled.append(args) or Environment.compile(second, *args, **kwargs)
    assert second.get_template("a.html").render(x="<b>") == "&lt;b&gt;!" and compiled == []
    # Other options compile their own code: no autoescaping here.
    assert environment(templates, cache, autoescape=False).get_template("a.html").render(x="<b>") == "<b>!"
    templates["a.html"] = "{{ x }}?"
    assert environment(templates, cache, autoescape=True).get_template("a.html").render(x="<b>") == "&lt;b&gt;?"
