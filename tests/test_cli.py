"""The headless commands of DESIGN.md section 5 that exist so far, the language they speak
(help, argparse's words and their output), their one set of exit codes, and the layering
rule."""

from __future__ import annotations

import ast
import hashlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import __version__, preferences
from app.cli import COMMANDS, language_option, main
from app.cli.words import Words
from app.context import AppContext
from app.db import Database, open_database
from app.models import Base, ConsultantEngagement, Membership, Setting
from app.paths import DataPaths
from app.services import organisation
from app.services.actors import SYSTEM
from tests.helpers import build_demo

ROOT = Path(__file__).resolve().parent.parent
DEMO_DAY = date(2026, 11, 26)
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_RUN = re.compile(r"\b[a-z]+(?:\s+[a-z]+){2,}\b")  # three English words in a row


@pytest.fixture(autouse=True)
def _english_locale_without_preference(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test starts with no stored language preference (an empty config dir of its
    own, outside the data dir) in an English locale, whatever the machine has."""
    monkeypatch.setenv("ETHICSDESK_CONFIG", str(tmp_path_factory.mktemp("config")))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "200")  # help lines unwrapped


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


def test_a_reader_that_has_gone_ends_the_command_quietly() -> None:
    # ``ethicsdesk rules list | head -1``, with the reader gone before the first line
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", "--lang", "en", "rules", "list"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.returncode == 1
    assert done.stderr == ""


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
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In one write each, through the services: never by downgrading the schema."""
    import alembic.command

    import app.db

    def no_downgrade(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("demo downgraded the schema")

    monkeypatch.setattr(app.db, "downgrade", no_downgrade)
    monkeypatch.setattr(alembic.command, "downgrade", no_downgrade)
    writes: list[str] = []
    write = AppContext.write

    def counted(self: AppContext, action: Any, /, *args: Any, **kwargs: Any) -> Any:
        writes.append(action.__name__)
        return write(self, action, *args, **kwargs)

    monkeypatch.setattr(AppContext, "write", counted)
    dumps = []
    for _ in range(2):
        assert run(capsys, "--data-dir", str(tmp_path), "demo")[0] == 0
        db = open_database(DataPaths.resolve(tmp_path).database_url())
        try:
            dumps.append(_domain_dump(db))
        finally:
            db.dispose()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["membership"]) == 24
    assert writes == ["rebuild", "rebuild"]


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
        f"main(['--data-dir', {str(tmp_path)!r}, '--lang', 'zh_CN', 'verify']); "
        "main(['rules', 'list']); "
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


# --- the language: help, argparse's words and the commands' output ----------------------

HELP_OF = [
    (),
    ("verify",),
    ("demo",),
    ("shot",),
    ("rules",),
    ("rules", "list"),
    ("rules", "show"),
    ("check",),
    ("check", "roster"),
    ("check", "meeting"),
]


def help_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", HELP_OF, ids=lambda c: " ".join(c) or "ethicsdesk")
def test_help_in_chinese(capsys: pytest.CaptureFixture[str], command: tuple[str, ...]) -> None:
    out = help_of(capsys, "--lang", "zh_CN", *command)
    prog = " ".join(("ethicsdesk", *command))
    assert out.startswith(f"用法：{prog} [-h]")
    assert "选项:" in out and "显示此帮助信息并退出" in out
    for english in ("usage:", "options:", "positional arguments", "show this help", "commands:"):
        assert english not in out
    assert not ENGLISH_RUN.search(out.replace(prog, "")), out
    assert CJK.search(out.split("\n\n", 1)[1])  # the description, not only argparse's words


@pytest.mark.parametrize("command", HELP_OF, ids=lambda c: " ".join(c) or "ethicsdesk")
def test_help_in_english(capsys: pytest.CaptureFixture[str], command: tuple[str, ...]) -> None:
    out = help_of(capsys, "--lang", "en", *command)
    assert out.startswith(f"usage: {' '.join(('ethicsdesk', *command))} [-h]")
    assert "options:" in out and "show this help message and exit" in out
    assert not CJK.search(out), out


def test_the_command_list_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    names = [command.__name__.rsplit(".", 1)[1] for command in COMMANDS]
    assert names == ["verify", "demo", "rules", "shot", "check"]
    for lang, heading in (("zh_CN", "命令:"), ("en", "commands:")):
        out = help_of(capsys, "--lang", lang)
        assert f"\n{heading}\n" in out
        words = Words(lang)
        for name in names:
            assert re.search(rf"^ +{name} +{re.escape(words(f'{name}.help'))}$", out, re.M), name


ARGPARSE_ERRORS = [
    (("frobnicate",), "无效的选择：'frobnicate'", "invalid choice: 'frobnicate'"),
    (
        ("shot", "--out", "x.png"),
        "缺少必需的参数：--page",
        "the following arguments are required: --page",
    ),
    (("rules",), "缺少必需的参数：ACTION", "the following arguments are required: ACTION"),
    (("rules", "list", "extra"), "无法识别的参数：extra", "unrecognized arguments: extra"),
    (("check", "roster", "f.json", "--as-of"), "需要一个参数值", "expected one argument"),
    (("--data-dir",), "需要一个参数值", "expected one argument"),
]


@pytest.mark.parametrize(("args", "chinese", "english"), ARGPARSE_ERRORS)
def test_argparse_errors_in_the_language(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], chinese: str, english: str
) -> None:
    for lang, usage, message in (("zh_CN", "用法：", chinese), ("en", "usage: ", english)):
        with pytest.raises(SystemExit) as exited:
            main(["--lang", lang, *args])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(usage) and message in err, err
        assert "Traceback" not in err


def test_a_stored_preference_speaks_without_lang_and_lang_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.rules.profiles import load_profile

    title = load_profile("cn-2023").title
    preferences.save("language", "zh_CN")  # into the config dir of ETHICSDESK_CONFIG
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and out.splitlines()[0].endswith(title.zh)
    with pytest.raises(SystemExit):
        main(["frobnicate"])
    err = capsys.readouterr().err
    assert err.startswith("用法：") and "无效的选择" in err
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "verify")
    assert code == 0 and "中还没有数据库" in out

    for lang in (["--lang", "en"], ["--lang=en"]):
        code, out, _ = run(capsys, *lang, "rules", "list")
        assert code == 0 and out.splitlines()[0].endswith(title.en)
        with pytest.raises(SystemExit):
            main([*lang, "frobnicate"])
        err = capsys.readouterr().err
        assert err.startswith("usage: ") and "invalid choice" in err and not CJK.search(err)


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        ([], None),
        (["rules", "list"], None),
        (["--lang", "zh_CN", "rules", "list"], "zh_CN"),
        (["--data-dir", "d", "--lang=en", "verify"], "en"),
        (["--la", "zh_CN", "--help"], "zh_CN"),
        (["--lang", "en", "--lang", "zh_CN"], "zh_CN"),  # the last one, as argparse takes
        (["--lang"], None),
        (["check", "roster", "--", "--lang", "zh_CN"], None),
    ],
)
def test_the_language_option_is_found_before_parsing(argv: list[str], found: str | None) -> None:
    assert language_option(argv) == found


def test_verify_and_demo_report_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data"), "--lang", "zh_CN"]
    code, out, _ = run(capsys, *data, "demo", "--out", str(tmp_path / "docs"))
    assert code == 0
    assert out.splitlines()[0] == f"演示数据已生成：{tmp_path / 'data' / 'ethicsdesk.db'}"
    assert "还没有可生成的文档" in out
    code, out, _ = run(capsys, *data, "verify")
    assert code == 0
    lines = out.splitlines()
    assert [line.split("：", 1)[0] for line in lines[:-1]] == [
        "资源目录",
        "数据库",
        "审计链头",
        "已检查",
    ]
    assert re.fullmatch(r"审计链头：\d+:[0-9a-f]{64}", lines[2])
    assert lines[-1] == "检查通过"
    assert not ENGLISH_RUN.search(out)


# --- exit codes -------------------------------------------------------------------------


def _assigned_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def test_exit_codes_are_defined_once_and_used_by_every_command() -> None:
    definers = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exits = sorted(n for n in _assigned_names(tree) if n.startswith("EXIT_"))
        if exits:
            definers[str(path.relative_to(ROOT))] = exits
    assert definers == {
        "app/cli/exits.py": ["EXIT_BAD_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEM"]
    }
    # the commands (shot's Qt part included) return those names, never a bare number
    bare = []
    for path in [*(ROOT / "app" / "cli").glob("*.py"), ROOT / "app" / "ui" / "shot.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Return) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, int):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
