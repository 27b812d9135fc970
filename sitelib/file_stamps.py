"""Each content file's SHA-256, worked out once per build however many parts of it ask.

The build's check of headers reads every content file and hashes it (to find its remembered findings); then
Pelican hashes every file twice more to tell whether its content cache still holds (CHECK_MODIFIED_METHOD,
once at the generator's cache level, once at the reader's): at 50,000 articles three reads and hashes of
every file per build. Here a file's digest is remembered with its stat signature (device, inode, size,
change and modification times to the nanosecond) taken before and after the read that hashed it: a later
question about the same path with the same signature gets the remembered digest; any change means reading
the file again. The answers are exactly what reading and hashing the file would give.

A file's times have the resolution of the kernel's clock tick, not of a nanosecond, so a file changed twice
within one tick, keeping its size, would keep its signature (git's "racy" files): a file whose times are less
than RACY_SECONDS before the moment it was hashed is not remembered (it is read again when asked again).
"""

import hashlib
import os
import time

STAMP_METHOD = "sha256"  # pelicanconf.CHECK_MODIFIED_METHOD: Pelican's own stamps are the same digests

RACY_SECONDS = 2
_known: dict[str, tuple[tuple, bytes]] = {}


def _signature(result: os.stat_result) -> tuple:
    return result.st_dev, result.st_ino, result.st_size, result.st_mtime_ns, result.st_ctime_ns


def read_with_digest(path) -> tuple[bytes, bytes]:
    """The bytes of the file at `path` and their SHA-256 (raw), remembered for `file_digest`."""
    key = os.path.abspath(path)
    moment = time.time_ns()
    with open(key, "rb") as handle:
        before = _signature(os.fstat(handle.fileno()))
        data = handle.read()
    digest = hashlib.sha256(data).digest()
    try:
        after = _signature(os.stat(key))
    except OSError:
        after = None
    settled = moment - RACY_SECONDS * 1_000_000_000
    # remembered only when the file did not change while it was read and not just before
    if after == before and before[3] < settled and before[4] < settled:
        _known[key] = (after, digest)
    else:
        _known.pop(key, None)
    return data, digest


def file_digest(path) -> bytes:
    """The SHA-256 (raw) of the file at `path`: remembered when the file has not changed since it was hashed."""
    key = os.path.abspath(path)
    known = _known.get(key)
    if known is not None and known[0] == _signature(os.stat(key)):
        return known[1]
    return read_with_digest(key)[1]


def forget() -> None:
    """Drop every remembered digest (the tests start each from nothing)."""
    _known.clear()
