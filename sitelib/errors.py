"""Errors that stop the build with a message an editor can act on."""


class SiteConfigError(Exception):
    """A setting or a data file of the site is wrong.

    Pelican prints the message and exits non-zero, so the text must say
    what is wrong and how to fix it, in Indonesian.
    """
