"""Signal receivers of the incremental build plugin."""

from sitelib.build_selection import ENABLED_SETTING, build_moment, end_selection, selection_for, start_selection
from sitelib.template_cache import COMPILED_TEMPLATES

from .address_format import use_named_fields_only
from .clock import set_clock
from .cache_stamps import use_remembered_file_stamps
from .relative_paths import use_remembered_relative_paths
from .tracking import ReadTrackingContext
from .writer import SelectiveWriter


def start(pelican) -> None:
    set_clock(build_moment(pelican.settings))
    use_remembered_relative_paths()
    use_remembered_file_stamps()
    use_named_fields_only()
    if pelican.settings.get(ENABLED_SETTING):
        start_selection(pelican.settings)


def make_folders_ahead(generator) -> None:
    """The previous build's folders, made by another process while Pelican reads (after it emptied the output)."""
    if generator.settings.get(ENABLED_SETTING):
        selection_for(generator.settings).make_folders_ahead()


def track_template_reads(generator) -> None:
    """Every template this generator renders records the variables it reads (see tracking.py)."""
    if generator.settings.get(ENABLED_SETTING):
        generator.env.context_class = ReadTrackingContext


def reuse_compiled_templates(generator) -> None:
    """Templates compiled by an earlier build in this process are not compiled again (none loaded yet)."""
    generator.env.bytecode_cache = COMPILED_TEMPLATES


def selective_writer(pelican) -> type | None:
    """Our writer in the production build; Pelican's own (None: no writer offered) in the preview."""
    return SelectiveWriter if pelican.settings.get(ENABLED_SETTING) else None


def write_manifest(pelican) -> None:
    selection = end_selection(pelican.settings)
    if selection is not None:
        selection.finish()
