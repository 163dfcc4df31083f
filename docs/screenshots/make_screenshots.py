"""Regenerate the screenshots in this folder (offscreen; no display needed).

    .venv/bin/python docs/screenshots/make_screenshots.py

Each shot opens the main window on a fresh database in a fixed temporary data folder (so
the status bar reads the same every run) at 1280x800, in English and in Chinese:
``main-window-empty-*.png`` is the first start (the welcome panel),
``dashboard-demo-*.png`` the dashboard after the demo was built. Look at them after every
UI change: no boxes for Chinese, no clipped labels, a calm layout.
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


def shoot(name: str, lang: str, *, demo: bool) -> Path:
    paths = fresh_paths(f"{name}-{lang}")
    db = open_database(paths.database_url(), paths)
    try:
        if demo:
            from app.services.demo import build_demo

            build_demo(db, DEMO_DAY)
        window = create_main_window(db, lang=lang, paths=paths, today=lambda: DEMO_DAY)
        out = save_screenshot(window, HERE / f"{name}-{lang}.png")
        window.close()
        window.deleteLater()
        return out
    finally:
        db.dispose()


def main() -> int:
    for lang in LANGUAGES:
        print(shoot("main-window-empty", lang, demo=False))
        print(shoot("dashboard-demo", lang, demo=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
