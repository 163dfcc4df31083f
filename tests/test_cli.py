"""The headless commands of DESIGN.md section 5 that exist so far, and the layering rule."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import __version__
from app.cli import main
from app.db import Database, open_database
from app.models import Base, ConsultantEngagement, Membership, Setting
from app.paths import DataPaths
from app.services import organisation
from app.services.actors import SYSTEM
from app.services.demo import build_demo

ROOT = Path(__file__).resolve().parent.parent
DEMO_DAY = date(2026, 11, 26)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"ethicsdesk {__version__}"


def test_python_dash_m_app_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == f"ethicsdesk {__version__}"


def test_unknown_command_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2
    assert "frobnicate" in capsys.readouterr().err


def test_verify_without_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "verify")
    assert code == 0
    assert "no database" in out and "nothing to verify" in out
    assert not (tmp_path / "ethicsdesk.db").exists()


def test_verify_prints_the_head_of_a_sound_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--data-dir", str(tmp_path), "demo")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "verify")
    assert code == 0, out
    head = re.search(r"audit head: (\d+):([0-9a-f]{64})", out)
    assert head is not None and int(head.group(1)) > 100
    assert out.strip().endswith("ok")
    again = run(
        capsys, "--data-dir", str(tmp_path), "verify", "--head", f"{head.group(1)}:{head.group(2)}"
    )
    assert again[0] == 0
    wrong = run(
        capsys, "--data-dir", str(tmp_path), "verify", "--head", f"{head.group(1)}:{'0' * 64}"
    )
    assert wrong[0] == 1 and "expected head" in wrong[2]


def test_verify_reports_a_changed_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = DataPaths.resolve(tmp_path)
    db = open_database(paths.database_url(), paths)
    try:
        from app.services.attachments import attach_file

        with db.session_scope() as s:
            inst = organisation.create_institution(s, SYSTEM, name_zh="医院")
            attach_file(
                s,
                SYSTEM,
                owner_type="institution",
                owner_id=inst.id,
                filename="seal.png",
                content=b"\x89PNG seal",
            )
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE blob SET data = zeroblob(size)")  # same size, other bytes
    finally:
        db.dispose()
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "verify")
    assert code == 1 and "does not match its hash" in err


def test_verify_refuses_a_damaged_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ethicsdesk.db"
    path.write_bytes(b"\x00garbage" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "verify")
    assert code == 1
    assert "not an EthicsDesk database" in err and "untouched" in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ethicsdesk.db"]


def test_verify_rejects_a_malformed_head(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "verify", "--head", "12:abc")
    assert code == 1 and "--head" in err


def _domain_dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit trail (whose timestamps differ by design)."""
    dump = {}
    with db.engine.connect() as conn:
        for name, table in Base.metadata.tables.items():
            if name.startswith("audit_"):
                continue
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            dump[name] = [tuple(r) for r in rows]
    return dump


def test_demo_twice_on_the_same_day_gives_the_same_data(tmp_path: Path) -> None:
    dumps = []
    for name in ("one", "two"):
        db = open_database(f"sqlite:///{tmp_path / name}.db")
        try:
            build_demo(db, DEMO_DAY)
            dumps.append(_domain_dump(db))
        finally:
            db.dispose()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["membership"]) == 24


def test_demo_command_twice_rebuilds_the_same_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dumps = []
    for _ in range(2):
        assert run(capsys, "--data-dir", str(tmp_path), "demo")[0] == 0
        db = open_database(DataPaths.resolve(tmp_path).database_url())
        try:
            dumps.append(_domain_dump(db))
        finally:
            db.dispose()
    assert dumps[0] == dumps[1]


def test_demo_research_committee_matches_the_design(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        build_demo(db, DEMO_DAY)
        with db.session_scope() as s:
            seats = s.scalars(select(Membership).where(Membership.committee_id == 1)).all()
            counted = [m for m in seats if m.roles & {"chair", "vice_chair", "member"} and m.voting]
            assert len(counted) == 15
            assert [m.primary_role for m in seats].count("alternate") == 1
            assert [m for m in seats if m.roles == {"secretary"} and not m.voting]
            assert {m.person.gender for m in counted} == {"female", "male"}
            expertise = {e for m in counted for e in m.expertise}
            assert {"medicine", "bioethics", "law", "lay"} <= expertise
            assert any("lay" in m.expertise and not m.affiliated for m in counted)
            assert [m.primary_role for m in counted].count("chair") == 1
            expiring = [m for m in counted if m.term_end and (m.term_end - DEMO_DAY).days <= 90]
            assert len(expiring) == 1
            assert s.scalars(select(ConsultantEngagement)).all()
            assert s.get(Setting, "demo.built_on") is not None
    finally:
        db.dispose()


def test_demo_refuses_a_data_dir_with_real_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = DataPaths.resolve(tmp_path)
    db = open_database(paths.database_url(), paths)
    try:
        with db.session_scope() as s:
            organisation.create_institution(s, SYSTEM, name_zh="真实的医院")
    finally:
        db.dispose()
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "demo")
    assert code == 1 and "real data" in err
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before


def test_demo_out_creates_the_folder_and_says_no_documents_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "docs" / "out"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "demo", "--out", str(out_dir))
    assert code == 0 and out_dir.is_dir()
    assert "no documents exist yet" in out


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from app.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'demo']); "
        f"main(['--data-dir', {str(tmp_path)!r}, 'verify']); "
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'app.ui'))]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_app_ui_imports_pyside6() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "app").parts[:1]
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert any(
        pattern.search(p.read_text(encoding="utf-8")) for p in (ROOT / "app" / "ui").rglob("*.py")
    ), "the check must see app/ui's own imports, or it proves nothing"
