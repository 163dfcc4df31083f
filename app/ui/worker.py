"""Long work off the GUI thread: a QThreadPool task whose outcome comes back by signal.

The work opens its own session (never one of the GUI thread's). Its signals object is
created on the GUI thread, so the GUI thread receives ``succeeded``/``failed`` (queued) and
only there touches widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import UserError

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception; a UserError's str() is fit to show


class BackgroundTask(QRunnable):
    """Runs ``work()`` on the global thread pool; connect to ``signals`` before ``start()``."""

    def __init__(self, work: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the caller keeps a reference
        self.signals = TaskSignals(parent)
        self._work = work

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            if not isinstance(exc, UserError):
                log.exception("background task failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
