"""The web editor's local proxy (decap-server), which only this machine's editor page can drive.

decap-server writes any file of the repository for whoever asks: it checks
neither Host nor Origin (a DNS-rebinding page could overwrite pelicanconf.py,
which the live preview then runs), and its entry point reads a `.env` from
its working folder (`ORIGIN=*` opens it to every site). So we never start
that entry point. `web_editor/local-proxy/server.mjs` loads decap-server's
middlewares into an Express app behind our guard and listens on 127.0.0.1
only; that socket is the one way in, and every request on it must

- name the proxy itself in Host (`localhost:PORT` or `127.0.0.1:PORT`),
- come from the preview's origin when it sends an Origin,
- touch only the editor's own folders (articles, pages, photos, from the
  editor's configuration), symbolic links followed;

otherwise it gets 403 and a short Indonesian reason. The program runs with
an explicit environment, outside the repository (no `.env` is read), and
gets SIGTERM from the kernel if its parent dies.
"""

import json
import shutil
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from editorial.child_process import die_with_parent, stop
from web_editor.config import editor_file_suffixes

SERVER = Path(__file__).resolve().parents[1] / "web_editor" / "local-proxy" / "server.mjs"
READY = "Proksi editor lokal siap"  # the line server.mjs prints once it listens
NEUTRAL_FOLDER = "/"  # the proxy's working folder: never the repository (no .env there is read)
START_SECONDS = 30


class ProxyError(Exception):
    """The local proxy could not start (message in Indonesian)."""


@dataclass(frozen=True)
class ProxySettings:
    repository: Path  # the checkout the editor writes into
    port: int  # on 127.0.0.1
    origins: tuple[str, ...]  # the preview's origins, the only pages allowed to call the proxy
    folders: dict[str, tuple[str, ...]]  # repository folders the editor may read and write -> the file suffixes there


def loopback_origins(port: int) -> tuple[str, ...]:
    """A page served on this machine at `port`, by either loopback name."""
    return (f"http://localhost:{port}", f"http://127.0.0.1:{port}")


def proxy_settings(settings, repository: Path, preview_port: int, proxy_port: int | None = None) -> ProxySettings:
    """The guard for the editor of `repository`, as its Pelican settings configure it.

    The port is the one in WEB_EDITOR["local_backend"] (the editor's `proxy_url`) unless given;
    the folders and their file names are the editor configuration's own (web_editor.config.editor_file_suffixes)."""
    port = proxy_port or urlsplit(settings["WEB_EDITOR"]["local_backend"]).port
    return ProxySettings(
        Path(repository).resolve(), port, loopback_origins(preview_port), editor_file_suffixes(settings)
    )


def command(proxy: ProxySettings) -> list[str]:
    node = shutil.which("node")
    if node is None:
        raise ProxyError("Node.js tidak ditemukan: pasang Node.js (lihat README), lalu jalankan `invoke setup-editor`.")
    arguments = {"repository": str(proxy.repository), "port": proxy.port,
                 "origins": list(proxy.origins), "folders": {folder: list(suffixes) for folder, suffixes in proxy.folders.items()}}
    return [node, str(SERVER), json.dumps(arguments)]


def print_line(line: str) -> None:
    print(line, end="", flush=True)


@contextmanager
def running_proxy(proxy: ProxySettings, on_output: Callable[[str], None] = print_line) -> Iterator[subprocess.Popen]:
    """The guarded proxy, listening, for the body of the `with`; stopped (and reaped) after it."""
    process = subprocess.Popen(
        command(proxy), cwd=NEUTRAL_FOLDER, env={"NODE_ENV": "production"},
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=die_with_parent(),
    )
    try:
        wait_until_ready(process, on_output)
        yield process
    finally:
        stop(process)


def wait_until_ready(process: subprocess.Popen, on_output: Callable[[str], None]) -> None:
    """Pass the proxy's output on (in a thread, for as long as it runs) and wait for its READY line."""
    ready = threading.Event()
    recent: deque[str] = deque(maxlen=5)

    def forward() -> None:
        for line in process.stdout:
            recent.append(line.strip())
            if line.startswith(READY):
                ready.set()
            try:
                on_output(line)
            except ValueError:  # our own output is closed: keep draining the pipe
                pass

    threading.Thread(target=forward, name="proksi-editor", daemon=True).start()
    deadline = time.monotonic() + START_SECONDS
    while not ready.wait(0.05):
        if process.poll() is not None:
            time.sleep(0.1)  # its last words
            raise ProxyError(" ".join(recent) or "proksi editor lokal berhenti sebelum siap.")
        if time.monotonic() > deadline:
            raise ProxyError(f"Proksi editor lokal tidak siap dalam {START_SECONDS} detik.")
