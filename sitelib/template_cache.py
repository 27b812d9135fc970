"""Compiled templates kept in memory for the next build in the same process.

Pelican makes a new Jinja environment for every build, so the live preview
(`invoke livereload`, which rebuilds in its own process at every save) would
compile the theme's fifty templates again each time: about half a second of a
one-article preview. Jinja's bytecode cache keeps them; each entry holds the
checksum of the template's source, so an edited template is compiled again,
and is kept apart by the environment options that change compiled code.
Nothing is written to disk.
"""

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


def compile_options(environment) -> str:
    """The options of an environment that its compiled templates depend on (filters and tests by name: the
    compiler folds a filter applied to constants, and the functions are the same code in one process)."""
    return repr((environment.trim_blocks, environment.lstrip_blocks, environment.keep_trailing_newline,
                 environment.autoescape, sorted(environment.extensions), environment.optimized,
                 environment.is_async, environment.finalize, sorted(environment.filters), sorted(environment.tests),
                 sorted(environment.policies.items(), key=repr),
                 environment.block_start_string, environment.block_end_string, environment.variable_start_string,
                 environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
                 environment.line_statement_prefix, environment.line_comment_prefix, environment.newline_sequence))


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(f"{compile_options(environment)}\0{name}", filename),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


COMPILED_TEMPLATES = MemoryBytecodeCache()
