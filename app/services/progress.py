"""How long work reports its progress and learns that the user cancelled it.

A service that may run long (an import, a batch of letters, a backup) takes a ``Progress``
and calls ``step(done, total)`` as it goes; ``step`` raises ``Cancelled`` once the user has
cancelled, so the work stops where it is and its transaction rolls back: a cancelled write
leaves nothing. ``Progress`` is thread-safe: the work runs on a worker, the cancel comes from
the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import Cancelled

Report = Callable[[int, int, str], None]  # done, total, what is being done


class Progress:
    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user has cancelled."""
        if self._cancelled.is_set():
            raise Cancelled()

    def step(self, done: int, total: int, note: str = "") -> None:
        """``done`` of ``total`` units are done; raises Cancelled if the user cancelled."""
        self.check()
        if self._report is not None:
            self._report(done, total, note)


# For callers that neither watch nor cancel.
NO_PROGRESS = Progress()
