"""`invoke editor`: the guarded local proxy and the live preview, started and stopped together.

Ctrl+C (SIGINT), SIGTERM and SIGHUP (a closed terminal) all stop the preview
the way Ctrl+C does, and the proxy is stopped on the way out, so ports 8000
and 8081 are free again. If this process dies without a chance to clean up
(SIGKILL), the kernel stops the proxy (editorial/child_process.py).
"""

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editorial.local_proxy import ProxyError, proxy_settings, running_proxy

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextmanager
def stopping_on_signals(signals=STOP_SIGNALS) -> Iterator[None]:
    """SIGTERM and SIGHUP interrupt the body like Ctrl+C (so every `finally` runs); handlers restored after."""
    previous = {signum: signal.signal(signum, interrupt) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def run_editor(settings, repository: Path, preview_host: str, preview_port: int, serve_preview: Callable[[], None]) -> None:
    """Serve the preview (`serve_preview`, blocking) with the local proxy on `repository` beside it."""
    with stopping_on_signals():
        try:
            with running_proxy(proxy_settings(settings, repository, preview_port)):
                print(f"Editor berita: http://{preview_host}:{preview_port}/admin/ (hentikan dengan Ctrl+C)", flush=True)
                serve_preview()
        except ProxyError as error:
            raise SystemExit(f"Editor web tidak dapat dimulai: {error}") from None
        except KeyboardInterrupt:
            pass  # stopped on purpose; the proxy is already stopped
