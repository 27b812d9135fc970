"""Pelican's content-cache stamps from the digests the build has already computed (sitelib/file_stamps.py).

Pelican's FileStampDataCacher asks for a file's stamp (with CHECK_MODIFIED_METHOD = "sha256", the SHA-256 of
its bytes) at the generator's cache level and again at the reader's; the build's check of headers has hashed
the same file a moment before. The stamp is the same digest, taken from sitelib.file_stamps, which reads the
file again only when it changed. With another method Pelican's own function answers.
"""

import logging

from pelican.cache import FileStampDataCacher

from sitelib.file_stamps import STAMP_METHOD, file_digest

PELICAN_METHOD = FileStampDataCacher._get_file_stamp
logger = logging.getLogger(__name__)


def _get_file_stamp(self, filename):
    """FileStampDataCacher._get_file_stamp: the same answers, each file hashed once."""
    if self.settings.get("CHECK_MODIFIED_METHOD") != STAMP_METHOD:
        return PELICAN_METHOD(self, filename)
    try:
        return file_digest(filename)
    except (OSError, TypeError) as error:  # what Pelican's own method catches
        logger.warning("Cannot get modification stamp for %s\n\t%s", filename, error)  # Pelican's own words
        return ""


def use_remembered_file_stamps() -> None:
    FileStampDataCacher._get_file_stamp = _get_file_stamp
