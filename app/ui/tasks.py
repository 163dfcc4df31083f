"""Long work off the GUI thread, in one small API: ``run_task(work, done, …)``.

``work(progress)`` runs on the global QThreadPool. It opens its own session (it calls
``AppContext.read``/``write``, which make one per call and thread; no session or ORM object
crosses threads), reports through ``progress.step(done, total)`` and stops at the next step
once the user cancels (``Task.cancel``): the step raises ``Cancelled`` and the work's write
scope rolls back, so a cancelled write leaves nothing. The outcome comes back on the GUI
thread, as MusicBrainz Picard's ``run_task(func, callback)`` does it: ``done(result)``, or
``failed(error)`` with the exception (a ``UserError`` is fit to show; anything else is a bug
and is logged with its trace), and ``progressed(done, total, note)`` along the way.
Widgets are touched only there, never from the worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import UserError
from app.services.progress import Progress

log = logging.getLogger(__name__)

Work = Callable[[Progress], Any]


class _Relay(QObject):
    """Lives on the GUI thread; the worker's signals reach its slots queued, so the
    callbacks run there."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, task: Task, parent: QObject | None) -> None:
        super().__init__(parent)
        self._task = task
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, note: str) -> None:
        if self._task.on_progress is not None:
            self._task.on_progress(done, total, note)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        self._task.finished = True
        self._task.on_done(result)

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        self._task.finished = True
        if self._task.on_failed is not None:
            self._task.on_failed(error)


class Task(QRunnable):
    """One piece of work on the pool; keep a reference until ``finished``."""

    def __init__(
        self,
        work: Work,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        parent: QObject | None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the caller keeps a reference
        self.work = work
        self.on_done = on_done
        self.on_failed = on_failed
        self.on_progress = on_progress
        self.finished = False
        self.relay = _Relay(self, parent)
        self.progress = Progress(
            lambda done, total, note: self.relay.progressed.emit(done, total, note)
        )

    def cancel(self) -> None:
        """Ask the work to stop at its next step (its writes roll back)."""
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def run(self) -> None:
        try:
            result = self._run()
        except Exception as exc:
            if not isinstance(exc, UserError):
                log.exception("background work failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)

    def _run(self) -> Any:
        self.progress.check()  # cancelled before it began
        return self.work(self.progress)


def run_task(
    work: Work,
    done: Callable[[Any], None],
    *,
    failed: Callable[[BaseException], None] | None = None,
    progressed: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
) -> Task:
    """Run ``work(progress)`` on the thread pool; ``done(result)``, ``failed(error)`` and
    ``progressed(done, total, note)`` are called on the GUI thread. ``parent`` owns the
    relay (give the widget that waits for the outcome)."""
    task = Task(work, done, failed, progressed, parent)
    QThreadPool.globalInstance().start(task)
    return task
