"""Drawing the cards the cache lacks in other processes while the build goes on.

Pages need only the cards' names (card_image.CardText.fingerprint), so the
build reads, renders and writes on one core while the cards are drawn on
all of them; the build waits for the drawing only when it copies the cards
into the output. The workers draw into a folder of their own below the
cache and `finish` moves each card to its place, so a card is in the cache
whole or not at all. A drawing that is not finished (a build that failed)
is stopped with `cancel`; the workers are daemon processes, ended when the
build's process ends, and the folder of a process that no longer runs is
removed by the next drawing.
"""

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from sitelib.errors import SiteConfigError

from .card_image import CardText, cached_card, card_path, draw_card

WORK_PREFIX = ".menggambar-"
# Fewer missing cards are drawn at once, in the build's own process.
FEW = 8


# The workers yield to the build: on a cold build of a large archive the build's own process (reading,
# rendering, writing) is the longest path, and with workers at its priority it had two thirds of a core.
WORKER_NICENESS = 19


def _draw_all(jobs: list[tuple[CardText, str]]) -> None:
    os.nice(WORKER_NICENESS)
    for card, path in jobs:
        Path(path).write_bytes(draw_card(card))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned_work(cache_dir: Path) -> None:
    """Remove the work folders of drawings whose process no longer runs."""
    for folder in cache_dir.glob(f"{WORK_PREFIX}*"):
        pid = folder.name[len(WORK_PREFIX):].split("-")[0]
        if folder.is_dir() and not folder.is_symlink() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


class CardDrawing:
    """The cards of `cards` the cache lacks, being drawn; `finish()` waits and puts them in the cache."""

    def __init__(self, cards: list[CardText], cache_dir: Path):
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        remove_abandoned_work(self.cache_dir)
        missing = {card.fingerprint(): card for card in cards if not card_path(card, self.cache_dir).exists()}
        self.drawn = len(missing)
        self.work: Path | None = None
        self.workers: list[multiprocessing.Process] = []
        self.missing: list[CardText] = []
        if len(missing) < FEW:
            for card in missing.values():
                cached_card(card, self.cache_dir)
            return
        self.missing = list(missing.values())
        self.work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=self.cache_dir))
        jobs = [(card, str(self.work / f"{card.fingerprint()}.jpg")) for card in self.missing]
        count = min(os.cpu_count() or 1, len(jobs))
        self.workers = [multiprocessing.Process(target=_draw_all, args=(jobs[start::count],), daemon=True)
                        for start in range(count)]
        for worker in self.workers:
            worker.start()

    def finish(self) -> int:
        """Wait for the drawing and move the cards into the cache; how many were missing."""
        for worker in self.workers:
            worker.join()
        failed = [worker.exitcode for worker in self.workers if worker.exitcode != 0]
        if failed:
            self.cancel()
            raise SiteConfigError(f"Kartu pratinjau gagal digambar (proses penggambar berhenti dengan status {failed[0]}); "
                                  "lihat pesan galat di atasnya.")
        for card in self.missing:
            os.replace(self.work / f"{card.fingerprint()}.jpg", card_path(card, self.cache_dir))
        self._remove_work()
        return self.drawn

    def cancel(self) -> None:
        """Stop the drawing and forget its cards (a build that will not write them)."""
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self.workers:
            worker.join()
        self._remove_work()

    def _remove_work(self) -> None:
        self.workers, self.missing = [], []
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)
            self.work = None
