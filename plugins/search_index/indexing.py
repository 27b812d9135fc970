"""Building the Pagefind index of a built site with the binary the PyPI package ships.

Pagefind numbers the pages in the order it meets them, and that number is in
every part of the index (word lists, filters, sort orders). Its command line
(`pagefind --site`) walks the folder in the order the filesystem lists it,
which differs between machines and between two copies of the same site, so
two builds of the same content got different indexes. Here the pages are
given to Pagefind one by one in a fixed order, the order of their paths,
through `pagefind --service`: the binary's own interface for adding pages,
which the official Python wrapper (`pagefind.index.PagefindIndex`) speaks
too. The wrapper is not used because it waits 0.1 s for every answer (five
minutes for 3,000 pages); this client sends a request and reads its answer.
The filter files that Pagefind still writes in a random order are then put
in order by `stable_index` (see there). The site is indexed in parts, one
Pagefind process after another (`parts.py`, `in_parts.py`).
"""

import base64
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from pagefind.service import get_executable

from sitelib.build_selection import Selection
from sitelib.code_fingerprint import content_digest, files_fingerprint
from sitelib.errors import SiteConfigError
from sitelib.site_folders import SEARCH_INDEX_FOLDER

from .parts import grouped, marks_body

INDEX_FOLDER = SEARCH_INDEX_FOLDER
FAILED = "Indeks pencarian (Pagefind) gagal dibuat"


def _is_file(entry: os.DirEntry) -> bool:
    """`entry.is_file()`, False where it cannot tell (a link to itself), as Path.is_file answers."""
    try:
        return entry.is_file()
    except OSError:
        return False


def pages_in_order(site: Path) -> list[str]:
    """The HTML files of the built site to index, as '/'-separated paths in sorted order (not the index's own).

    What `site.rglob("*.html")` keeping files gives, from the folders' own listings: at 50,000 articles the
    output has 100,000 pages, and asking the file system about each one took seconds of every build. (Links to
    folders are not followed, as rglob does not; a link to a file counts as the file.)"""
    found, folders = [], [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(site, folder)) as entries:
            for entry in entries:
                name = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    if name != INDEX_FOLDER:
                        folders.append(name)
                elif entry.name.endswith(".html") and _is_file(entry):
                    found.append(name)
    return sorted(found)


# What the manifest records of each page (Selection.note): the SHA-256 of its HTML when it is to be indexed, ""
# when not; a page the next build links in unchanged is not read again.
INDEXED_FACT = "cari"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def indexable_pages(site: Path, selection: Selection | None = None) -> dict[str, dict[str, str]]:
    """The pages to index (marked with data-pagefind-body) by part: path -> SHA-256 of its HTML bytes."""
    pages = {}
    for page in pages_in_order(site):
        indexed = selection.fact(page, INDEXED_FACT) if selection else None
        if not (indexed == "" or (isinstance(indexed, str) and SHA256_HEX.fullmatch(indexed))):
            data = (site / page).read_bytes()
            indexed = content_digest(data) if marks_body(data) else ""
        if selection:
            selection.note(page, INDEXED_FACT, indexed)
        if indexed:
            pages[page] = indexed
    return grouped(pages)


def pagefind_executable() -> Path:
    executable = get_executable()
    if executable is None:
        raise SiteConfigError(f"{FAILED}: program pagefind tidak ditemukan (pasang requirements.txt).")
    return Path(executable)


def indexer_version() -> str:
    """What makes an index besides its pages: Pagefind's version and the code of this plugin."""
    version = subprocess.run([str(pagefind_executable()), "--version"], capture_output=True, text=True, check=True)
    folder = Path(__file__).parent
    code = files_fingerprint(folder, sorted(folder.glob("*.py")))
    return f"{version.stdout.strip()} {code.hexdigest()}"


class PagefindService:
    """`pagefind --service`: requests and answers are base64 of JSON, each followed by a comma."""

    def __init__(self):
        executable = pagefind_executable()
        self._errors = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
        )
        self._buffer = b""
        self._message_id = 0

    def request(self, payload: dict) -> dict:
        self._message_id += 1
        message = json.dumps({"message_id": self._message_id, "payload": payload}).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
            while b"," not in self._buffer:
                chunk = self._process.stdout.read1(1 << 20)
                if not chunk:
                    raise EOFError
                self._buffer += chunk
        except (BrokenPipeError, EOFError):
            self._errors.seek(0)
            raise SiteConfigError(f"{FAILED}: Pagefind berhenti.\n{self._errors.read().decode(errors='replace')}") from None
        answer, _, self._buffer = self._buffer.partition(b",")
        response = json.loads(base64.b64decode(answer))
        result = response["payload"]
        if result.get("type") == "Error" or response.get("message_id") != self._message_id:
            raise SiteConfigError(f"{FAILED}: {result.get('message', result)}")
        return result

    def close(self) -> None:
        self._process.stdin.close()
        self._process.wait()
        self._errors.close()


def build_index(site: Path, pages: list[str]) -> dict[str, bytes]:
    """The index of `pages` (paths below `site`, each marking its body with data-pagefind-body), added in
    path order, by a Pagefind process of its own: each file of the index folder by its '/'-separated name.

    The files come back in Pagefind's answer (GetFiles) and write.py writes them. Pagefind's own WriteFiles
    answers before its last writes reach the disk (tokio files not flushed) and the service exits as soon as
    its input closes, so on a busy machine or a large site files were left empty: 50,000 pages gave an empty
    pagefind-entry.json."""
    service = PagefindService()
    try:
        index_id = service.request({"type": "NewIndex", "config": None})["index_id"]
        for page in sorted(pages):
            service.request({
                "type": "AddFile", "index_id": index_id, "file_path": page, "url": None,
                "file_contents": (site / page).read_text(encoding="utf-8"),
            })
        answer = service.request({"type": "GetFiles", "index_id": index_id})
    finally:
        service.close()
    files = {PurePosixPath(item["path"]).as_posix(): base64.b64decode(item["content"]) for item in answer["files"]}
    if "pagefind.js" not in files:
        raise SiteConfigError(f"{FAILED}: Pagefind tidak memberi pagefind.js.")
    return files
