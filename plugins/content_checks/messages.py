"""The build's last words to an editor: our Indonesian message, without Pelican's Python traceback.

Pelican logs any exception that stops a build with its traceback. For our
own errors (content an editor must fix, a broken data file) the message
already says what is wrong and how to fix it; the traceback would bury it.
"""

import logging

from sitelib.errors import ContentError, SiteConfigError

EDITOR_ERRORS = (ContentError, SiteConfigError)


class WithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], EDITOR_ERRORS):
            record.exc_info = None
            record.exc_text = None
        return True


def install_messages() -> None:
    """Attach the filter once to the logger that reports the exception (`pelican`)."""
    logger = logging.getLogger("pelican")
    if not any(isinstance(existing, WithoutTraceback) for existing in logger.filters):
        logger.addFilter(WithoutTraceback())
