"""Serving a built site on loopback and driving Debian's Chromium with Playwright."""

import functools
import socket
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files like static hosting does: a folder without index.html is a 404."""

    def log_message(self, *args):
        pass

    def list_directory(self, path):
        self.send_error(404)
        return None


@contextmanager
def serve(root: Path, port: int):
    """Serve `root` at http://127.0.0.1:port/ in a background thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
