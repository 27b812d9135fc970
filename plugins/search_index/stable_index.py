"""Pagefind's filter and metadata files put in one fixed order, so the same site gives the same index.

Pagefind 1.5.2 keeps a site's filters in hash maps seeded at random on every
run: the values inside each `filter/*.pf_filter` file, the list of filters
(and of sort keys) in `pagefind.LANG_HASH.pf_meta`, and the languages of
`pagefind-entry.json` come out in a different order each time, and since
the file names are hashes of the contents, the names change too. Pagefind's
own fix (sorting both, its commit 0b56369 "completion of deterministic
output", #1124) is not in a release yet. This module does what it does:
values sorted by their text, filters and sort keys by their name, files
renamed by the SHA-1 of their new contents (in Pagefind's spelling), the
metadata file and the entry file following.

The files are gzip streams of the signature `pagefind_dcd` followed by CBOR
(RFC 8949) as Pagefind's encoder (minicbor) writes it: unsigned integers,
text strings and arrays, each with the shortest head. `decoded` reads
exactly that and refuses anything else, and every file is checked to encode
back to its own bytes, so a future Pagefind that writes another format
stops the build instead of getting a damaged index.
"""

import gzip
import hashlib
import json

from sitelib.errors import SiteConfigError

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_FOLDER = "filter"
SHORT_HASH = 7  # hex digits Pagefind gives a filter file's name after the language (longer on a clash)


class IndexFormatError(SiteConfigError):
    """A Pagefind file is not in the format this module knows."""


# -- CBOR: the part Pagefind uses --------------------------------------------------------------

UNSIGNED, TEXT, ARRAY = 0, 3, 4


def _head(major: int, number: int) -> bytes:
    """A CBOR head in its shortest form."""
    if number < 24:
        return bytes([major << 5 | number])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | extra]) + number.to_bytes(size, "big")
    raise IndexFormatError(f"Bilangan terlalu besar untuk CBOR: {number}")


def encoded(value) -> bytes:
    """CBOR of an int >= 0, a str or a list of those."""
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise IndexFormatError(f"Nilai {value!r} tidak dapat ditulis sebagai CBOR indeks Pagefind")
    if isinstance(value, int):
        return _head(UNSIGNED, value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(TEXT, len(data)) + data
    return _head(ARRAY, len(value)) + b"".join(encoded(item) for item in value)


def _read(data: bytes, at: int):
    if at >= len(data):
        raise IndexFormatError("Berkas indeks Pagefind terpotong")
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if extra < 24:
        number = extra
    elif extra in (24, 25, 26, 27):
        size = 1 << (extra - 24)
        if at + size > len(data):
            raise IndexFormatError("Berkas indeks Pagefind terpotong")
        number = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise IndexFormatError(f"Bentuk CBOR {major}/{extra} tidak dikenal di indeks Pagefind")
    if major == UNSIGNED:
        return number, at
    if major == TEXT:
        if at + number > len(data):
            raise IndexFormatError("Berkas indeks Pagefind terpotong")
        return data[at:at + number].decode("utf-8"), at + number
    if major == ARRAY:
        items = []
        for _ in range(number):
            item, at = _read(data, at)
            items.append(item)
        return items, at
    raise IndexFormatError(f"Jenis CBOR {major} tidak dikenal di indeks Pagefind")


def decoded(data: bytes):
    """The value of CBOR `data`, which must encode back to exactly the same bytes."""
    value, end = _read(data, 0)
    if end != len(data) or encoded(value) != data:
        raise IndexFormatError("Berkas indeks Pagefind tidak dalam bentuk yang dikenal (versi Pagefind lain?)")
    return value


# -- Pagefind's files ---------------------------------------------------------------------------


def unpacked(name: str, data: bytes):
    """The value stored in the Pagefind file `name` (gzip, signature, CBOR)."""
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise IndexFormatError(f"Berkas indeks Pagefind {name} rusak: {error}") from error
    if not raw.startswith(SIGNATURE):
        raise IndexFormatError(f"Berkas indeks Pagefind {name} tidak diawali tanda {SIGNATURE.decode()}")
    return decoded(raw[len(SIGNATURE):])


def packed(cbor: bytes) -> bytes:
    """A Pagefind file of CBOR bytes: gzip without a time or a name in its header, so always the same bytes."""
    return gzip.compress(SIGNATURE + cbor, compresslevel=9, mtime=0)


def full_hash(data: bytes) -> str:
    """SHA-1 as Pagefind spells it in file names: each byte in hex without a leading zero."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def meta_name(language_hash: str) -> str:
    return f"pagefind.{language_hash}.pf_meta"


def filter_name(short_hash: str) -> str:
    return f"{FILTER_FOLDER}/{short_hash}.pf_filter"


def entry_languages(entry_bytes: bytes) -> dict:
    """language -> its metadata file's hash, from pagefind-entry.json."""
    return {language: info["hash"] for language, info in json.loads(entry_bytes)["languages"].items()}


def needed_files(entry_bytes: bytes, read) -> list[str]:
    """Every file `stable_files` needs: the entry, each language's metadata and its filter files.
    `read(name)` gives a file's bytes (names relative to the index folder)."""
    names = [ENTRY]
    for language_hash in entry_languages(entry_bytes).values():
        names.append(meta_name(language_hash))
        meta = unpacked(meta_name(language_hash), read(meta_name(language_hash)))
        names += [filter_name(short) for _, short in meta[3]]
    return names


def _short(language: str, digest: str, taken: set) -> str:
    length = SHORT_HASH
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    return f"{language}_{digest[:length]}"


def stable_files(files: dict[str, bytes]) -> tuple[dict[str, bytes], set[str]]:
    """From Pagefind's entry, metadata and filter files (`needed_files`), the files to write in their
    stable form and the names to remove (the old ones that no written file replaces)."""
    entry = json.loads(files[ENTRY])
    written: dict[str, bytes] = {}
    for language in sorted(entry["languages"]):
        info = entry["languages"][language]
        meta = unpacked(meta_name(info["hash"]), files[meta_name(info["hash"])])
        if len(meta) != 6:
            raise IndexFormatError("Berkas metadata Pagefind tidak dalam bentuk yang dikenal (versi Pagefind lain?)")
        taken: set[str] = set()
        filters = []
        for filter_key, short in sorted(meta[3], key=lambda pair: pair[0]):
            name, values = unpacked(filter_name(short), files[filter_name(short)])
            cbor = encoded([name, sorted(values, key=lambda value: value[0])])
            new_short = _short(language, full_hash(cbor), taken)
            taken.add(new_short)
            written[filter_name(new_short)] = packed(cbor)
            filters.append([filter_key, new_short])
        meta[3] = filters
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])
        cbor = encoded(meta)
        info["hash"] = f"{language}_{full_hash(cbor)[:len(language) + 8]}"
        written[meta_name(info["hash"])] = packed(cbor)
    entry["languages"] = {language: entry["languages"][language] for language in sorted(entry["languages"])}
    written[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return written, set(files) - set(written)


def stabilised(files: dict[str, bytes]) -> dict[str, bytes]:
    """All of Pagefind's files (name inside the index folder -> bytes) with the filter, metadata and entry files
    in their stable form."""
    names = needed_files(files[ENTRY], files.__getitem__)
    written, removed = stable_files({name: files[name] for name in names})
    kept = {name: data for name, data in files.items() if name not in removed}
    return {**kept, **written}
