"""``ethicsdesk shot`` run as a user runs it: a separate process, no display, on a demo data
dir; the PNG has the size asked for and is not blank; bad input exits 2 with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.db import open_database
from app.paths import DataPaths
from tests.helpers import TODAY, build_demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = DataPaths.resolve(tmp_path_factory.mktemp("demo"))
    paths.ensure()
    db = open_database(paths.database_url(), paths)
    build_demo(db, TODAY)
    db.dispose()
    return paths.root


def shot(data_dir: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", lang, "shot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def distinct_colours(image: QImage) -> int:
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 40)
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step_x)
            for y in range(0, image.height(), step_y)
        }
    )


@pytest.mark.parametrize(
    ("page", "extra", "size"),
    [
        ("dashboard", (), None),
        ("committee", ("--committee", "1"), "1200x800"),
        ("settings", ("--committee", "2"), "1024x768"),
        ("meeting", (), "1000x700"),
    ],
)
def test_a_page_is_saved_at_the_size_asked_for(
    demo_dir: Path, tmp_path: Path, page: str, extra: tuple[str, ...], size: str | None
):
    out = tmp_path / f"{page}.png"
    done = shot(
        demo_dir, "--page", page, "--out", str(out), *extra, *(["--size", size] if size else [])
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert done.stderr == ""
    image = QImage(str(out))
    assert not image.isNull()
    width, height = (1400, 860) if size is None else map(int, size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    assert distinct_colours(image) > 8  # text, lines and panels, not one flat colour


def test_chinese_is_respected(demo_dir: Path, tmp_path: Path):
    out = tmp_path / "zh.png"
    done = shot(demo_dir, "--page", "dossiers", "--out", str(out), lang="zh_CN")
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1400


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--page", "minutes"), "--page: unknown page 'minutes'"),
        (("--page", "dashboard", "--committee", "9"), "--committee: no committee 9"),
        (("--page", "dashboard", "--committee", "one"), "--committee: expected a number"),
        (("--page", "dashboard", "--size", "big"), "--size: expected WIDTHxHEIGHT"),
        (("--page", "dashboard", "--size", "100x100"), "--size: 100x100 is outside"),
        (("--page", "dashboard", "--item", "1"), "--item: the page 'dashboard' shows no item"),
        (("--page", "meeting", "--item", "7"), "--item: no meeting 7"),
        (("--page", "project", "--item", "1", "--committee", "2"), "--item: no project 1"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    demo_dir: Path, tmp_path: Path, args: tuple[str, ...], message: str
):
    out = tmp_path / "x.png"
    done = shot(demo_dir, *args, "--out", str(out))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"ethicsdesk shot: {message}")
    assert not out.exists()


def test_a_file_that_is_not_a_database_exits_1_and_stays_untouched(tmp_path: Path):
    (tmp_path / "ethicsdesk.db").write_bytes(b"not a database")
    done = shot(tmp_path, "--page", "dashboard", "--out", str(tmp_path / "x.png"))
    assert done.returncode == 1
    assert "cannot open the database" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (tmp_path / "ethicsdesk.db").read_bytes() == b"not a database"


def test_bad_input_in_chinese(demo_dir: Path, tmp_path: Path):
    for args, message in (
        (("--page", "minutes"), "--page：没有页面 'minutes'"),
        (("--page", "meeting", "--item", "7"), "--item：没有会议 7"),
        (("--page", "project", "--item", "1", "--committee", "2"), "--item：委员会 2 没有项目 1"),
        (
            ("--page", "dashboard", "--committee", "9"),
            "--committee：没有委员会 9（现有委员会：1, 2）",
        ),
    ):
        done = shot(demo_dir, *args, "--out", str(tmp_path / "x.png"), lang="zh_CN")
        assert done.returncode == 2
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith(f"ethicsdesk shot: {message}"), line
        assert not (tmp_path / "x.png").exists()


def test_the_qt_part_knows_no_sqlalchemy_and_no_exit_codes():
    source = (ROOT / "app" / "ui" / "shot.py").read_text(encoding="utf-8")
    assert "sqlalchemy" not in source and "EXIT_" not in source


def test_global_options_given_before_the_command_reach_it():
    from app.cli import build_parser

    args = build_parser("en").parse_args(
        ["--lang", "zh_CN", "--data-dir", "/d", "shot", "--page", "dashboard", "--out", "x.png"]
    )
    assert (args.lang, args.data_dir, args.page, args.size) == ("zh_CN", "/d", "dashboard", None)


def test_other_commands_do_not_load_qt():
    code = (
        "import sys; from app.cli import build_parser; "
        "build_parser('en').parse_args(['shot', '--page', 'dashboard', '--out', 'x.png']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
