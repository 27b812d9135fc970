"""Values from the export made safe for one header line (issue #16: the export is untrusted).

A newline in a WordPress tag or author name would otherwise start a header
line of its own ("Status: hidden"); U+2028, form feed and the like do the
same in the programs that treat them as line breaks.
"""

import re

from sitelib.metadata import LINE_BREAK_CHARACTERS

# What LINE_BREAK_CHARACTERS (the header parser's list) leaves out: tab and LF,
# which the parser itself reads as space and end of line, and the C1 control
# characters other than U+0085. None of them may stay inside a value we write.
OTHER_CONTROL_CHARACTERS = re.compile(r"[\t\n\x80-\x9f]")


def one_line(value: str) -> str:
    """The value with every line separator and control character replaced by a space, spaces folded."""
    return " ".join(without_control_characters(value).split())


def has_control_characters(value: str) -> bool:
    """Whether the value holds a line separator or control character (which one_line would replace)."""
    return bool(LINE_BREAK_CHARACTERS.search(value) or OTHER_CONTROL_CHARACTERS.search(value))


def without_control_characters(text: str) -> str:
    """The text with every line separator and control character replaced by a space (spaces kept as they are)."""
    return OTHER_CONTROL_CHARACTERS.sub(" ", LINE_BREAK_CHARACTERS.sub(" ", text))
