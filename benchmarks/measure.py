"""Wall time and peak resident memory of a block of code.

Peak memory is sampled from the process's resident set size (psutil) by a background
thread, so it includes native allocations (FAISS, torch) that ``tracemalloc`` misses.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import psutil

__all__ = ["Measurement", "measure"]


@dataclass
class Measurement:
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    start_rss_mb: float = 0.0

    @property
    def peak_increase_mb(self) -> float:
        return max(0.0, self.peak_rss_mb - self.start_rss_mb)


class measure:
    """``with measure() as m: ...`` then read ``m.seconds`` and ``m.peak_rss_mb``."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.result = Measurement()
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _rss_mb(self) -> float:
        return self._process.memory_info().rss / 2**20

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.result.peak_rss_mb = max(self.result.peak_rss_mb, self._rss_mb())

    def __enter__(self) -> Measurement:
        self.result.start_rss_mb = self.result.peak_rss_mb = self._rss_mb()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        self._started = time.perf_counter()
        return self.result

    def __exit__(self, *exc: object) -> None:
        self.result.seconds = time.perf_counter() - self._started
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.result.peak_rss_mb = max(self.result.peak_rss_mb, self._rss_mb())
