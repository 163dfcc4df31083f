"""Regenerate the screenshots in this folder (offscreen; no display needed).

    .venv/bin/python docs/screenshots/make_screenshots.py

Each shot opens the main window on a fresh database in a fixed temporary data folder (so
the status bar reads the same every run) at 1280x800, in English and in Chinese:
``main-window-empty-*.png`` is the first start (the welcome panel),
``dashboard-demo-*.png`` the dashboard after the demo was built, ``committee-demo-*.png`` the
committee page with the demo's 15-member roster and its composition panel (at 1400x860),
``settings-demo-*.png`` the committee's settings on its regulatory-profile tab. Look at them
after every UI change: no boxes for Chinese, no clipped labels, a calm layout.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.db import open_database  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.ui.main import create_main_window, save_screenshot  # noqa: E402

LANGUAGES = ("en", "zh_CN")
DEMO_DAY = date(2026, 11, 26)  # a fixed day, so the demo's dates do not move between runs


def fresh_paths(name: str) -> DataPaths:
    root = Path(tempfile.gettempdir()) / "ethicsdesk-screenshots" / name
    shutil.rmtree(root, ignore_errors=True)
    paths = DataPaths.resolve(root)
    paths.ensure()
    return paths


def shoot(
    name: str,
    lang: str,
    *,
    demo: bool,
    page: str = "dashboard",
    size: tuple[int, int] = (1280, 800),
) -> Path:
    paths = fresh_paths(f"{name}-{lang}")
    db = open_database(paths.database_url(), paths)
    try:
        if demo:
            from app.services.demo import build_demo

            build_demo(db, DEMO_DAY)
        window = create_main_window(db, lang=lang, paths=paths, today=lambda: DEMO_DAY, page=page)
        out = save_screenshot(window, HERE / f"{name}-{lang}.png", size=size)
        window.close()
        window.deleteLater()
        return out
    finally:
        db.dispose()


def main() -> int:
    for lang in LANGUAGES:
        print(shoot("main-window-empty", lang, demo=False))
        print(shoot("dashboard-demo", lang, demo=True))
        print(shoot("committee-demo", lang, demo=True, page="committee", size=(1400, 860)))
        print(shoot_settings(lang))
    return 0


def shoot_settings(lang: str) -> Path:
    """The committee settings dialog of the demo, on the regulatory-profile tab."""
    from app.services.demo import build_demo

    paths = fresh_paths(f"settings-demo-{lang}")
    db = open_database(paths.database_url(), paths)
    try:
        build_demo(db, DEMO_DAY)
        window = create_main_window(db, lang=lang, paths=paths, today=lambda: DEMO_DAY)
        window.resize(1400, 860)
        window.show()
        window.open_committee_settings()
        dialog = window.settings_dialog
        assert dialog is not None
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        out = HERE / f"settings-demo-{lang}.png"
        dialog.grab().save(str(out))
        dialog.close()
        window.close()
        return out
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
