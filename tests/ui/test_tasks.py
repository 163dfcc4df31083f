"""Long work off the GUI thread (app.ui.tasks.run_task): the work runs on the pool with its
own session, reports progress, can be cancelled — a cancelled write leaves nothing — and its
result or typed error comes back on the GUI thread."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.db import Database
from app.errors import Cancelled, UserError
from app.services import roster
from app.services.actors import Actor
from app.services.progress import Progress
from app.ui.tasks import run_task
from tests.helpers import table_counts


class Outcome:
    def __init__(self) -> None:
        self.result: object = None
        self.error: BaseException | None = None
        self.threads: list[threading.Thread] = []
        self.steps: list[tuple[int, int, str]] = []
        self.done = False

    def succeeded(self, result: object) -> None:
        self.threads.append(threading.current_thread())
        self.result = result
        self.done = True

    def failed(self, error: BaseException) -> None:
        self.threads.append(threading.current_thread())
        self.error = error
        self.done = True

    def progressed(self, done: int, total: int, note: str) -> None:
        self.threads.append(threading.current_thread())
        self.steps.append((done, total, note))


def test_the_result_and_the_progress_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    outcome = Outcome()
    worker: list[threading.Thread] = []

    def work(progress: Progress) -> int:
        worker.append(threading.current_thread())
        for step in range(3):
            progress.step(step, 3, f"step {step}")
        return 42

    task = run_task(work, outcome.succeeded, failed=outcome.failed, progressed=outcome.progressed)
    qtbot.waitUntil(lambda: outcome.done, timeout=10_000)
    assert outcome.result == 42 and outcome.error is None and task.finished
    assert worker and worker[0] is not threading.main_thread()
    assert outcome.threads and all(t is threading.main_thread() for t in outcome.threads)
    qtbot.waitUntil(lambda: len(outcome.steps) == 3, timeout=10_000)
    assert outcome.steps == [(0, 3, "step 0"), (1, 3, "step 1"), (2, 3, "step 2")]


def test_a_user_error_and_a_bug_come_back_as_errors(qtbot: QtBot, caplog) -> None:  # type: ignore[no-untyped-def]
    refused, broken = Outcome(), Outcome()

    def refuse(_progress: Progress) -> None:
        raise UserError("the file is empty", zh="文件是空的")

    def crash(_progress: Progress) -> None:
        raise RuntimeError("a bug")

    run_task(refuse, refused.succeeded, failed=refused.failed)
    run_task(crash, broken.succeeded, failed=broken.failed)
    qtbot.waitUntil(lambda: refused.done and broken.done, timeout=10_000)
    assert isinstance(refused.error, UserError) and refused.error.localized("zh") == "文件是空的"
    assert isinstance(broken.error, RuntimeError)
    assert "background work failed" in caplog.text  # a bug is logged with its trace


def test_a_cancelled_write_leaves_nothing(qtbot: QtBot, database: Database) -> None:
    ctx = AppContext(database, clock=lambda: date(2026, 11, 26))
    before = table_counts(database)
    outcome = Outcome()
    started = threading.Event()
    go_on = threading.Event()

    def add_people(session: object, actor: Actor, progress: Progress) -> int:
        for number in range(5):
            roster.create_person(session, actor, name_zh=f"委员{number}", gender="female")  # type: ignore[arg-type]
            if number == 0:
                started.set()
                assert go_on.wait(timeout=10)
            progress.step(number + 1, 5)
        return 5

    task = run_task(
        lambda progress: ctx.write(add_people, progress),
        outcome.succeeded,
        failed=outcome.failed,
    )
    assert started.wait(timeout=10)  # one person is written in the open transaction …
    task.cancel()  # … when the user cancels
    go_on.set()
    qtbot.waitUntil(lambda: outcome.done, timeout=10_000)
    assert isinstance(outcome.error, Cancelled) and task.cancelled
    assert table_counts(database) == before  # rolled back: nothing written


def test_a_task_cancelled_before_it_starts_never_runs(qtbot: QtBot) -> None:
    outcome = Outcome()
    ran = threading.Event()
    gate = threading.Event()

    def blocker(_progress: Progress) -> None:
        assert gate.wait(timeout=10)

    # keep the pool busy so the second task waits in the queue
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    blockers = [run_task(blocker, lambda _r: None) for _ in range(pool.maxThreadCount())]
    task = run_task(lambda _p: ran.set(), outcome.succeeded, failed=outcome.failed)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: outcome.done and all(b.finished for b in blockers), timeout=10_000)
    assert isinstance(outcome.error, Cancelled) and not ran.is_set()


@pytest.fixture(autouse=True)
def _idle_pool(qtbot: QtBot):  # type: ignore[no-untyped-def]
    yield
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(10_000)
