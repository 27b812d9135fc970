"""Child processes that do not outlive the process that started them.

On Linux a child started with `die_with_parent()` as its `preexec_fn` gets
SIGTERM from the kernel (PR_SET_PDEATHSIG) when its parent dies, even by
SIGKILL, when nothing could clean up. `stop` ends a child politely, then firmly.
"""

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` that makes the child receive SIGTERM when this process dies (None off Linux).

    Everything is prepared here, in the parent: the child, between fork and exec,
    only calls prctl, and leaves at once if its parent is already gone."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent = os.getpid()

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:
            os._exit(1)

    return preexec


def stop(process: subprocess.Popen, seconds: float = 10) -> None:
    """SIGTERM, then SIGKILL if the child has not ended within `seconds`; always reaped."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()
