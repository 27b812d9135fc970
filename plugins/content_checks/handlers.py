"""The checks inside a Pelican build: content errors stop it, bodies are sanitised.

Before reading, every file is checked as `invoke check` checks it (headers).
While reading, each body is checked and sanitised, and the values that become
part of an address are checked again on what Pelican actually made of them,
whatever reader produced the item. Once all items are read, their addresses
(drafts and scheduled articles included) are checked against each other and
against the site's own pages.
"""

from dataclasses import replace
from pathlib import Path

from pelican.contents import Article, Page

from sitelib.build_selection import build_moment
from sitelib.content import all_articles, all_pages
from sitelib.errors import ContentError, metadata_line

from . import body, rules, scan
from .addresses import Claim, redirect_claim
from .sanitize_memo import abandon_open_memos, finish_memo, memo_for
from .source import read_source
from .values import value_findings


def forget_unfinished_memos(pelican_object) -> None:
    """A build that stopped on a content error kept its sanitised-body memo open: closed, keeping nothing
    (the live preview runs every build in one process)."""
    abandon_open_memos()


def check_before_reading(generator) -> None:
    """Check every file's metadata before Pelican reads it, so editors get our messages."""
    errors = [f for f in scan.check_sources(generator.settings, with_bodies=False, now=build_moment(generator.settings))
              if f.is_error]
    if errors:
        raise ContentError(errors)


def check_and_sanitize(content) -> None:
    """Note what is wrong in the body (images, links) and in address values, then drop active content."""
    source_path = getattr(content, "source_path", None)
    if not isinstance(content, (Article, Page)) or not source_path:
        return  # static files (images) have no body
    path = Path(source_path)
    display = scan.display_path(path)
    checking = scan.checking_for(content.settings, decode_photos=False)
    found = body.body_findings(display, content._content, None, checking, path.parent)
    if found:  # read the source again only to give the editor line numbers
        found = body.body_findings(display, content._content, read_source(path, display), checking, path.parent)
    found += value_findings(content, display)
    content.body_errors = [f for f in found if f.is_error]
    content._content = memo_for(content.settings).sanitized(content._content)


def _raise_body_errors(items) -> None:
    errors = [finding for item in items for finding in getattr(item, "body_errors", ())]
    if errors:
        raise ContentError(errors)


def raise_article_body_errors(generator) -> None:
    _raise_body_errors(all_articles(generator))


def _claims(item, kind: str) -> list[Claim]:
    """What `rules.claims` says of a source, said of a Pelican item: its published address,
    its address in this build, and its redirect. (Line numbers are looked up for findings only.)"""
    settings = item.settings
    source = scan.display_path(Path(item.source_path))
    prefix = "ARTICLE" if kind == "article" else "PAGE"
    fields = item.url_format
    published = settings[f"{prefix}_SAVE_AS"].format(**fields)
    found = [Claim(published, source, "Slug", None, settings[f"{prefix}_URL"].format(**fields))]
    save_as = item.save_as
    if save_as and save_as != published:
        found.append(Claim(save_as, source, "Slug", None, item.url, draft=True))
    old_path = item.metadata.get("old_path")
    if old_path:
        redirect = redirect_claim(old_path, source, None)
        if redirect.save_as not in {claim.save_as for claim in found}:
            found.append(redirect)
    return found


def _located(finding):
    """The finding with the line of its field."""
    return replace(finding, line=metadata_line(finding.path, finding.field))


def check_addresses(generator) -> None:
    """Once articles and pages are read (pages come last): no item or redirect takes an address
    another one has or the site's own pages use. Raises the body errors of pages first.
    (Every body is sanitised by then: the sanitised-body memo is written.)"""
    finish_memo(generator.settings)
    _raise_body_errors(all_pages(generator))
    context = generator.context
    articles = [item for name in ("articles", "hidden_articles", "drafts") for item in context.get(name, [])]
    claims = [claim for item in articles for claim in _claims(item, "article")]
    claims += [claim for item in all_pages(generator) for claim in _claims(item, "page")]
    errors = rules.address_findings(claims, generator.settings)
    if errors:
        raise ContentError([_located(error) for error in errors])

