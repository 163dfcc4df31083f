"""Regenerate the screenshots in this folder (offscreen; no display needed).

    .venv/bin/python docs/screenshots/make_screenshots.py

Each shot opens the main window on a fresh database in a fixed temporary data folder (so
the status bar reads the same every run), in English and in Chinese:

- ``main-window-empty-*.png``: the first start (the welcome panel), 1280x800;
- ``dashboard-demo-*.png``: the dashboard after the demo was built, 1280x800;
- ``dashboard-warning-*.png``: the dashboard when the research committee's only lawyer
  leaves in 30 days: compliant today, not from the day after his last day (1280x800);
- ``committee-demo-*.png``: the committee page with the demo's roster and its composition
  panel, 1400x860, and ``committee-small-*.png`` the same on a small laptop, 1024x700;
- ``settings-page-*.png``: the Settings page with the language chooser;
- ``settings-demo-*.png``: the committee's settings dialog on its regulatory-profile tab.

Look at them after every UI change: no boxes for Chinese, no clipped labels, a calm layout.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the shots do not depend on the preferences of whoever makes them
os.environ["ETHICSDESK_CONFIG"] = tempfile.mkdtemp(prefix="ethicsdesk-shots-config-")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.context import AppContext  # noqa: E402
from app.db import open_database  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.services import demo, roster  # noqa: E402
from app.services.queries.roster import RosterQuery, roster_page  # noqa: E402
from app.ui.main import save_screenshot, window_for  # noqa: E402

LANGUAGES = ("en", "zh_CN")
DEMO_DAY = date(2026, 11, 26)  # a fixed day, so the demo's dates do not move between runs
Prepare = Callable[[AppContext], None]


def fresh_paths(name: str) -> DataPaths:
    root = Path(tempfile.gettempdir()) / "ethicsdesk-screenshots" / name
    shutil.rmtree(root, ignore_errors=True)
    paths = DataPaths.resolve(root)
    paths.ensure()
    return paths


def with_demo(ctx: AppContext) -> None:
    ctx.write(demo.build_demo, DEMO_DAY)


def lawyer_leaves(ctx: AppContext) -> None:
    """The demo, with its only lawyer's last day 30 days ahead."""
    with_demo(ctx)
    rows = ctx.read(roster_page, RosterQuery(1, DEMO_DAY, search="黄磊"), limit=1).rows
    ctx.write(
        roster.end_membership,
        rows[0].membership_id,
        ended_on=DEMO_DAY + timedelta(days=30),
        reason="retires",
    )


def shoot(
    name: str,
    lang: str,
    *,
    prepare: Prepare | None = None,
    page: str = "dashboard",
    size: tuple[int, int] = (1280, 800),
) -> Path:
    paths = fresh_paths(f"{name}-{lang}")
    db = open_database(paths.database_url(), paths)
    try:
        ctx = AppContext(db, paths=paths, lang=lang, clock=lambda: DEMO_DAY)
        if prepare is not None:
            prepare(ctx)
        window = window_for(ctx, page=page)
        out = save_screenshot(window, HERE / f"{name}-{lang}.png", size=size)
        window.close()
        window.deleteLater()
        return out
    finally:
        db.dispose()


def shoot_settings(lang: str) -> Path:
    """The committee settings dialog of the demo, on the regulatory-profile tab."""
    from PySide6.QtWidgets import QApplication

    paths = fresh_paths(f"settings-demo-{lang}")
    db = open_database(paths.database_url(), paths)
    try:
        ctx = AppContext(db, paths=paths, lang=lang, clock=lambda: DEMO_DAY)
        with_demo(ctx)
        window = window_for(ctx)
        window.resize(1400, 860)
        window.show()
        window.open_committee_settings()
        dialog = window.settings_dialog
        assert dialog is not None
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        QApplication.processEvents()
        out = HERE / f"settings-demo-{lang}.png"
        dialog.grab().save(str(out))
        dialog.close()
        window.close()
        return out
    finally:
        db.dispose()


def main() -> int:
    for lang in LANGUAGES:
        print(shoot("main-window-empty", lang))
        print(shoot("dashboard-demo", lang, prepare=with_demo))
        print(shoot("dashboard-warning", lang, prepare=lawyer_leaves))
        print(shoot("committee-demo", lang, prepare=with_demo, page="committee", size=(1400, 860)))
        print(shoot("committee-small", lang, prepare=with_demo, page="committee", size=(1024, 700)))
        print(shoot("settings-page", lang, prepare=with_demo, page="settings"))
        print(shoot_settings(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
