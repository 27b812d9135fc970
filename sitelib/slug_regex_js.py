"""Python regular expressions (SLUG_REGEX_SUBSTITUTIONS) as JavaScript ones that match the same.

JavaScript's `\\s`, `.`, `$` and inline flags differ from Python's, so the
pattern is not copied as text: Python's own parser (re._parser, the one
`re.compile` uses) reads it, and each part is written out in JavaScript
syntax valid with the `u` flag. `\\w` and `\\d` are their ASCII sets: slugify
runs the substitutions on ASCII text (unidecode comes first). A construct
with no JavaScript equivalent stops the build with a message.
"""

import re
import unicodedata
from re import _constants as C
from re import _parser

from .errors import SiteConfigError
from .slug_tables import python_whitespace

WORD, DIGIT = "A-Za-z0-9_", "0-9"
SYNTAX = set("^$\\.*+?()[]{}|/")
CLASS_SYNTAX = set("\\]^-[")


class Unsupported(ValueError):
    pass


def _char(code: int, in_class: bool) -> str:
    character = chr(code)
    if character in (CLASS_SYNTAX if in_class else SYNTAX):
        return "\\" + character
    if 0x20 <= code < 0x7F:
        return character
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\u{{{code:x}}}"


def _whitespace_class_items() -> str:
    return "".join(_char(ord(character), True) for character in python_whitespace())


def _category_items(category) -> tuple[str, bool]:
    """(class items, negated) of a category (\\w, \\s, \\d and their negations)."""
    items = {C.CATEGORY_WORD: WORD, C.CATEGORY_DIGIT: DIGIT, C.CATEGORY_SPACE: None,
             C.CATEGORY_NOT_WORD: WORD, C.CATEGORY_NOT_DIGIT: DIGIT, C.CATEGORY_NOT_SPACE: None}
    if category not in items:
        raise Unsupported(str(category))
    text = items[category] if items[category] is not None else _whitespace_class_items()
    return text, str(category).startswith("CATEGORY_NOT_")


def _class(items) -> str:
    negate = False
    parts = []
    for op, value in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            parts.append(_char(value, True))
        elif op is C.RANGE:
            parts.append(f"{_char(value[0], True)}-{_char(value[1], True)}")
        elif op is C.CATEGORY:
            text, negated = _category_items(value)
            if negated and len(items) > 1:
                raise Unsupported("negated category inside a class")  # e.g. [\W_]
            if negated:
                negate = not negate
            parts.append(text)
        else:
            raise Unsupported(str(op))
    return f"[{'^' if negate else ''}{''.join(parts)}]"


def _repeat(op, value, names, flags) -> str:
    low, high, item = value
    inner = _sequence(item, names, flags)
    if len(item) != 1 or item[0][0] not in (C.LITERAL, C.IN, C.ANY, C.CATEGORY, C.NOT_LITERAL, C.SUBPATTERN):
        inner = f"(?:{inner})"
    if (low, high) == (0, C.MAXREPEAT):
        quantifier = "*"
    elif (low, high) == (1, C.MAXREPEAT):
        quantifier = "+"
    elif (low, high) == (0, 1):
        quantifier = "?"
    elif high == C.MAXREPEAT:
        quantifier = f"{{{low},}}"
    else:
        quantifier = f"{{{low},{high}}}" if low != high else f"{{{low}}}"
    return inner + quantifier + ("?" if op is C.MIN_REPEAT else "")


AT = {
    C.AT_BEGINNING_STRING: "^",
    C.AT_END_STRING: "$",
    C.AT_BOUNDARY: "\\b",
    C.AT_NON_BOUNDARY: "\\B",
}


def _at(value, flags) -> str:
    multiline = flags & re.MULTILINE
    if value is C.AT_BEGINNING:
        return "(?<=^|\\n)" if multiline else "^"
    if value is C.AT_END:  # Python's $ also matches before a final line break
        return "(?=\\n|$)" if multiline else "(?=\\n?$)"
    if value in AT:
        return AT[value]
    raise Unsupported(str(value))


def _item(op, value, names, flags) -> str:
    if op is C.LITERAL:
        return _char(value, False)
    if op is C.NOT_LITERAL:
        return f"[^{_char(value, True)}]"
    if op is C.ANY:
        return "[^]" if flags & re.DOTALL else "[^\\n]"
    if op is C.IN:
        return _class(value)
    if op is C.CATEGORY:
        text, negated = _category_items(value)
        return f"[{'^' if negated else ''}{text}]"
    if op is C.BRANCH:
        return "(?:" + "|".join(_sequence(branch, names, flags) for branch in value[1]) + ")"
    if op is C.SUBPATTERN:
        group, add_flags, del_flags, item = value
        if (add_flags | del_flags) & ~(re.UNICODE | re.ASCII):
            raise Unsupported("inline flags on a group")
        inner = _sequence(item, names, flags)
        if group is None:
            return f"(?:{inner})"
        return f"(?<{names[group]}>{inner})" if group in names else f"({inner})"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return _repeat(op, value, names, flags)
    if op is C.AT:
        return _at(value, flags)
    if op is C.GROUPREF:
        return f"\\{value}"
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, item = value
        kind = ("=" if op is C.ASSERT else "!")
        return f"(?{'<' if direction < 0 else ''}{kind}{_sequence(item, names, flags)})"
    raise Unsupported(str(op))


def _sequence(items, names, flags) -> str:
    return "".join(_item(op, value, names, flags) for op, value in items)


def js_regex(pattern: str, flags: int = 0) -> dict:
    """{source, flags} of a JavaScript RegExp matching what `re.compile(pattern, flags)` matches, applied
    as re.sub applies it (every match)."""
    try:
        parsed = _parser.parse(pattern, flags)
        all_flags = parsed.state.flags
        if all_flags & re.VERBOSE:
            all_flags &= ~re.VERBOSE  # the parser has already dropped spaces and comments
        if all_flags & ~(re.UNICODE | re.ASCII | re.IGNORECASE | re.MULTILINE | re.DOTALL):
            raise Unsupported("flags")
        names = {number: name for name, number in parsed.state.groupdict.items()}
        source = _sequence(list(parsed), names, all_flags)
    except (Unsupported, re.error) as problem:
        raise SiteConfigError(
            f"Pola slug '{pattern}' (SLUG_REGEX_SUBSTITUTIONS) tidak bisa dipakai editor web: bagian {problem} "
            "tidak ada padanannya di JavaScript. Tulis pola dengan kelas karakter, pengulangan, grup dan jangkar biasa."
        ) from None
    return {"source": source, "flags": "gu" + ("i" if all_flags & re.IGNORECASE else "")}


def js_replacement(replacement: str, pattern: str) -> str:
    """A re.sub replacement (with \\1, \\g<name>, \\n) as a String.replace one ($01, $<name>, $$)."""
    compiled = re.compile(pattern)
    names = {number: name for name, number in compiled.groupindex.items()}
    groups, literals = _parser.parse_template(replacement, compiled)
    parts = [(text or "").replace("$", "$$") for text in literals]
    for index, group in groups:
        parts[index] = "$&" if group == 0 else f"$<{names[group]}>" if group in names else f"${group:02d}"
    return "".join(parts)


def js_substitution(pattern: str, replacement: str) -> dict:
    """One (pattern, replacement) pair of SLUG_REGEX_SUBSTITUTIONS, as pelican.utils.slugify applies it:
    both NFKC-normalised, matched case-insensitively, every match replaced."""
    pattern, replacement = unicodedata.normalize("NFKC", pattern), unicodedata.normalize("NFKC", replacement)
    return {**js_regex(pattern, re.IGNORECASE), "replacement": js_replacement(replacement, pattern)}
