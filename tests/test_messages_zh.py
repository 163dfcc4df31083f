"""The messages of the Qt-free core in Chinese (DESIGN.md section 3): every refusal a
service, the rules or the roster import gives has a Chinese text of its own, picked by the
language, while the English text stays as it was."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.db import Database, inspect_sqlite_file, open_database
from app.domain.vocabulary import FIELDS
from app.errors import (
    DatabaseDamaged,
    DatabaseRefused,
    DatabaseTooNew,
    NotADatabase,
    NotFound,
    ResourceMissing,
    UserError,
    ValidationError,
)
from app.paths import DataPaths
from app.resources import resource_path
from app.rules.files import BadFile, parse_meeting, parse_roster
from app.rules.profiles import load_profile
from app.rules.sop import SopRefused, resolve
from app.services import roster
from app.services.actors import SYSTEM, Actor
from app.services.numbering import check_pattern
from app.services.permissions import ACTIONS_ZH, PERMISSIONS, PermissionDenied
from app.services.roster_io import apply_import, preview_csv, read_csv, read_json
from tests.helpers import TODAY, make_committee
from tests.test_services import BAD_INPUT, Call, World, world  # noqa: F401  (a fixture)

FIXTURES_DIR = Path(__file__).parent / "fixtures"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Three or more English words in a row: a sentence left untranslated. Ids (snake_case),
# values and single words (true, female) may stay.
ENGLISH_RUN = re.compile(r"\b[a-z]+(?:\s+[a-z]+){2,}\b")


def assert_chinese(zh: str, english: str) -> None:
    assert zh, "no Chinese text"
    assert CJK.search(zh), zh
    assert zh != english
    assert not ENGLISH_RUN.search(zh), zh


# --- the services ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"), [(c, f) for _, c, f in BAD_INPUT], ids=[n for n, _, _ in BAD_INPUT]
)
def test_every_bad_input_is_refused_in_chinese(world: World, call: Call, field: str) -> None:  # noqa: F811
    with pytest.raises((ValidationError, NotFound)) as caught, world.db.session_scope() as s:
        call(s, world)
    error = caught.value
    zh = error.localized("zh_CN")
    assert_chinese(zh, str(error))
    # English as before; Chinese names the field in words, not by its id prefix.
    assert error.localized("en") == str(error) == f"{field}: {error.message}"
    assert not zh.startswith(f"{field}:")
    first = field.split(".")[0]
    if first in FIELDS:
        assert not zh.startswith(first)
    # beside the field the UI shows the reason alone
    reason = error.localized_message("zh_CN")
    assert_chinese(reason, error.message)
    assert zh.endswith(reason)
    assert error.localized_message("en") == error.message


def test_a_field_label_names_the_field_in_chinese(database: Database) -> None:
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        roster.create_person(s, SYSTEM, name_zh="某人", gender="f")
    assert caught.value.localized("zh_CN").startswith("性别：")
    assert caught.value.localized("zh") == caught.value.localized("zh_CN")


def test_an_error_without_chinese_falls_back_to_english() -> None:
    error = ValidationError("x", "is odd")
    assert error.localized("zh_CN") == "x: is odd"
    assert error.localized_message("zh_CN") == "is odd"
    assert UserError("plain").localized("zh_CN") == "plain"


def test_a_bad_number_pattern_reads_as_a_reason_in_both_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        check_pattern("pattern", "SL-{yyyy}")
    assert caught.value.message == "must contain {seq} exactly once"
    assert caught.value.localized_message("zh_CN") == "必须恰好包含一个 {seq}"
    assert caught.value.localized("zh_CN") == "编号格式：必须恰好包含一个 {seq}"


def test_permission_denied_in_chinese(database: Database) -> None:
    with pytest.raises(PermissionDenied) as caught, database.session_scope() as s:
        roster.create_person(s, Actor("guest", "viewer"), name_zh="某人", gender="male")
    error = caught.value
    assert str(error) == "guest (viewer) may not do person.edit"
    assert error.localized("zh_CN") == "guest（只读用户）无权编辑人员信息（person.edit）"
    assert_chinese(error.localized("zh_CN"), str(error))
    assert set(ACTIONS_ZH) == set(PERMISSIONS)


# --- the rules ---------------------------------------------------------------------------


def test_a_refused_relaxation_names_the_rule_and_its_chinese_requirement() -> None:
    profile = load_profile("cn-2023")
    with pytest.raises(SopRefused) as caught:
        resolve(profile, {"threshold_base": "present"})
    error = caught.value
    rule = error.rule
    zh = error.localized("zh_CN")
    assert_chinese(zh, str(error))
    assert rule.id in zh and rule.message.zh in zh
    assert zh.startswith("SOP 调整项“计票基数”：")
    assert str(error).startswith("sop.threshold_base: a threshold of more_than_half of present")


@pytest.mark.parametrize(
    "overrides",
    [
        {"votes_by_email": True},
        {"remote_counts": "yes"},
        {"quorum_min_present": -1},
        {"threshold_base": "everyone"},
        {"threshold_fraction": "most"},
        {"required_expertise": ["astrology"]},
        {"continuing_review_months": 0},
        {"named_votes": 1},
        {"threshold_base": "present"},
        {"threshold_fraction": "more_than_half", "threshold_base": "present"},
        {"continuing_review_months": 24},
    ],
    ids=lambda o: next(iter(o)),
)
def test_every_sop_refusal_is_chinese(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        resolve(load_profile("cn-2023"), overrides)
    assert_chinese(caught.value.localized("zh_CN"), str(caught.value))


ROSTER = {
    "profile": "cn-2023",
    "members": [
        {
            "id": "p1",
            "name": "李明",
            "gender": "female",
            "role": "chair",
            "expertise": ["medicine"],
            "affiliated": True,
        }
    ],
}


def _member(**changes: object) -> dict[str, object]:
    return {**ROSTER, "members": [{**ROSTER["members"][0], **changes}]}  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ([], None),
        ({**ROSTER, "colour": 1}, None),
        ({**ROSTER, "profile": "xx"}, "profile"),
        ({**ROSTER, "sop": {"quorum_min_present": -1}}, "sop.quorum_min_present"),
        ({**ROSTER, "sop": {"threshold_base": "present"}}, "sop.threshold_base"),
        (_member(gender="F"), "gender"),
        (_member(role="king"), "role"),
        (_member(expertise=[]), "expertise"),
        (_member(expertise=["magic"]), "expertise"),
        (_member(affiliated="yes"), "affiliated"),
        (_member(term_start="2026/01/01"), "term_start"),
        (_member(term_start="2026-02-01", term_end="2026-01-01"), "term_end"),
        (_member(role="secretary", voting=True), "voting"),
        (_member(role="alternate"), "alternate_for"),
        (_member(alternate_for="p9"), "alternate_for"),
        (_member(shoe=42), None),
        ({"members": 3}, "members"),
    ],
)
def test_roster_file_errors_are_chinese_and_name_the_key(data: object, key: str | None) -> None:
    with pytest.raises(BadFile) as caught:
        parse_roster(data)
    zh = caught.value.localized("zh_CN")
    assert_chinese(zh, str(caught.value))
    if key is not None:
        assert key in str(caught.value) and key in zh


@pytest.mark.parametrize(
    "extra",
    [
        {"attendance": {"p9": "present"}},
        {"attendance": {"p1": "asleep"}},
        {"items": [{"id": "a", "kind": "vote"}]},
        {"items": [{"id": "a", "votes": {"p1": "maybe"}}]},
        {"items": [{"id": "a", "kind": "report", "votes": {"p1": "approve"}}]},
        {"items": [{"id": "a", "recused": ["p9"]}]},
        {"items": [{"id": "a"}, {"id": "a"}]},
    ],
)
def test_meeting_file_errors_are_chinese(extra: dict[str, object]) -> None:
    with pytest.raises(BadFile) as caught:
        parse_meeting({**ROSTER, **extra})
    assert_chinese(caught.value.localized("zh_CN"), str(caught.value))


# --- the database and the installation -----------------------------------------------------


def _fixture_copy(tmp_path: Path) -> Path:
    path = tmp_path / "ethicsdesk.db"
    shutil.copyfile(FIXTURES_DIR / "schema-0001.db", path)
    return path


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "ethicsdesk.db"
    path.write_text("名单\n王芳,女\n" * 50, encoding="utf-8")
    return path


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "ethicsdesk.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.commit()
    return path


def _damaged(tmp_path: Path) -> Path:
    path = _fixture_copy(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _newer(tmp_path: Path) -> Path:
    path = _fixture_copy(tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    return path


@pytest.mark.parametrize(
    ("make", "kind", "words"),
    [
        (_text_file, NotADatabase, "不是 EthicsDesk 数据库"),
        (_foreign, NotADatabase, "不是 EthicsDesk 数据库"),
        (_damaged, DatabaseDamaged, "已损坏"),
        (_newer, DatabaseTooNew, "请安装该版本或更新版本后再打开"),
    ],
    ids=["text", "foreign", "damaged", "newer"],
)
def test_a_refused_database_is_explained_in_chinese(
    tmp_path: Path, make: object, kind: type[DatabaseRefused], words: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(kind) as caught:
        inspect_sqlite_file(path)
    zh = caught.value.localized("zh_CN")
    assert words in zh and zh.startswith(f"{path}：")
    reason = zh.removeprefix(f"{path}：")
    if kind is DatabaseDamaged:  # SQLite's own words about the damage stay as SQLite says
        reason = reason.partition("（")[0]
    assert_chinese(reason, str(caught.value))
    assert caught.value.localized("en") == str(caught.value)


def test_a_missing_resource_is_explained_in_chinese() -> None:
    with pytest.raises(ResourceMissing) as caught:
        resource_path("rules", "no-such-profile.toml")
    assert_chinese(caught.value.localized("zh_CN"), str(caught.value))


# --- the roster import preview -------------------------------------------------------------

HEADER = "name,gender,roles,expertise,affiliation,term_start,term_end,alternate_for"


def _csv(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_import_preview_rows_in_chinese_one_for_one(database: Database) -> None:
    """The file's own errors and the services' refusals the preview collects."""
    committee = make_committee(database)
    data = _csv(
        HEADER,
        "王芳,x,king,astrology,maybe,2024-13-01,,",
        "黄磊,男,候补委员,法学,否,2024-01-01,2023-01-01,",
        "赵丽,女,委员,法学,否,2024-01-01,,王芳",
        "赵丽,女,委员,医学,是,2024-01-01,,",
        "郭强,男,顾问,医学,是,01/02/2024,,",
        "李四,男,候补委员,医学,是,2024-01-01,,无此人",
    )
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, data, TODAY)
    assert not preview.ok
    for row in preview.rows:
        assert len(row.errors_zh) == len(row.errors)
        assert row.errors_in("zh_CN") == row.errors_zh and row.errors_in("en") == row.errors
        for en, zh in zip(row.errors, row.errors_zh, strict=True):
            assert_chinese(zh, en)
            assert zh.startswith(f"{row.where_zh}：") and en.startswith(f"{row.where}: ")
    assert [len(r.errors) for r in preview.rows] == [5, 1, 1, 1, 2, 1]
    assert preview.rows[0].errors_zh[0].startswith("第 2 行：性别/gender：'x' 不是有效的性别")
    assert preview.rows[1].errors_zh == [
        "第 3 行：任期结束/term_end：不能早于任期开始（2023-01-01 < 2024-01-01）"
    ]
    assert preview.rows[2].errors_zh == [
        "第 4 行：候补/alternate_for：只有候补委员才能候补其他委员"
    ]
    assert preview.rows[4].errors_zh[1] == (
        "第 6 行：任期开始/term_start：'01/02/2024' 不是可识别的日期"
        "（可用格式：2025-01-01、2025/1/1、2025.1.1、2025年1月1日）"
    )
    assert preview.rows[5].errors_zh == [
        "第 7 行：候补/alternate_for：无此人 不是本文件或本委员会中的委员"
    ]
    assert len(preview.errors_in("zh_CN")) == len(preview.errors)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        _csv(HEADER),
        _csv("name,gender,roles,expertise,affiliation,term_start,shoe_size", "x"),
        _csv("name,gender,roles,expertise,affiliation", "x"),
        _csv("姓名,name,gender,roles,expertise,affiliation,term_start", "x"),
        b"\xff\xff\xff\x00name",
        b"\xff\xfe\x00",
    ],
    ids=["empty", "header-only", "unknown", "missing", "twice", "binary", "bad-utf16"],
)
def test_import_file_errors_in_chinese(data: bytes) -> None:
    preview = read_csv(data)
    assert preview.file_errors and len(preview.file_errors_zh) == len(preview.file_errors)
    for en, zh in zip(preview.file_errors, preview.file_errors_in("zh_CN"), strict=True):
        assert_chinese(zh, en)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff",
        b"[1, 2",
        b'{"members": [], "members": []}',
        json.dumps(_member(gender="F")).encode(),
        json.dumps({**ROSTER, "members": []}).encode(),
    ],
    ids=["not-utf8", "not-json", "duplicate-key", "bad-gender", "no-members"],
)
def test_json_import_file_errors_in_chinese(data: bytes) -> None:
    preview = read_json(data)
    assert len(preview.file_errors) == 1
    zh = preview.file_errors_in("zh_CN")[0]
    assert_chinese(zh, preview.file_errors[0])
    assert "\n" not in zh


def test_json_import_row_errors_name_the_member_and_key_in_chinese() -> None:
    data = json.dumps(_member(role="consultant")).encode()
    preview = read_json(data)
    (row,) = preview.rows
    assert row.where_zh == "成员 p1（李明）"
    assert row.errors_zh == [
        "成员 p1（李明）：role（职务）：独立顾问按项目聘请，不在委员会任职",
        "成员 p1（李明）：term_start（任期开始）：在委员会任职须有任期开始日期",
    ]


def test_a_seat_conflict_on_import_is_chinese(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        first = preview_csv(
            s, SYSTEM, committee, _csv(HEADER, "王芳,女,委员,医学,本机构,2024-01-01,,"), TODAY
        )
    assert first.ok
    with database.session_scope() as s:
        apply_import(s, SYSTEM, committee, first, TODAY)
    with database.session_scope() as s:
        again = preview_csv(
            s, SYSTEM, committee, _csv(HEADER, "王芳,女,委员,医学,是,2025-01-01,,"), TODAY
        )
    (message,) = again.rows[0].errors_zh
    assert message.startswith("第 2 行：姓名/name：王芳 已在本委员会任职")
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, again, TODAY)
    assert_chinese(caught.value.localized("zh_CN"), str(caught.value))
    # A file read but never checked against the committee is refused in Chinese too.
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(
            s, SYSTEM, committee, read_csv(_csv(HEADER, "黄磊,男,委员,法学,否,2024-01-01,,")), TODAY
        )
    assert caught.value.localized("zh_CN") == "文件尚未对照本委员会检查，未导入任何数据"


# --- the command line ----------------------------------------------------------------------


def _bad_roster(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_member(gender="F"), ensure_ascii=False), encoding="utf-8")
    return path


def test_check_prints_chinese_naming_the_key_in_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_roster(tmp_path)
    code = main(["--data-dir", str(tmp_path), "--lang", "zh_CN", "check", "roster", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "ethicsdesk: 成员 p1（李明）：gender（性别）：须为 female、male 或 other（实际为 'F'）\n"
    )


def test_check_in_english_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_roster(tmp_path)
    code = main(["--data-dir", str(tmp_path), "--lang", "en", "check", "roster", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "ethicsdesk: member p1 (李明): gender: must be female, male or other (got 'F')\n"


def test_check_refuses_a_relaxation_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sop.json"
    path.write_text(json.dumps({**ROSTER, "sop": {"threshold_base": "present"}}), encoding="utf-8")
    code = main(["--lang", "zh_CN", "check", "roster", str(path), "--json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("ethicsdesk: sop.threshold_base（SOP 调整项“计票基数”）：")
    assert CJK.search(err) and not ENGLISH_RUN.search(err)


def test_a_missing_file_and_a_bad_option_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "zh_CN", "check", "roster", str(tmp_path / "none.json")]) == 2
    assert "文件不存在" in capsys.readouterr().err
    path = _bad_roster(tmp_path)
    assert main(["--lang", "zh_CN", "check", "roster", str(path), "--as-of", "2026-13-01"]) == 2
    assert "--as-of：'2026-13-01' 不是 YYYY-MM-DD 格式的日期" in capsys.readouterr().err


def test_verify_refuses_a_damaged_file_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ethicsdesk.db").write_bytes(b"\x00garbage" * 1000)
    assert main(["--data-dir", str(tmp_path), "--lang", "zh_CN", "verify"]) == 1
    err = capsys.readouterr().err
    assert "不是 EthicsDesk 数据库" in err and "文件未作任何改动" in err


def test_demo_over_real_data_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = DataPaths.resolve(str(tmp_path))
    paths.ensure()
    db = open_database(paths.database_url(), paths)
    try:
        make_committee(db)
    finally:
        db.dispose()
    assert main(["--data-dir", str(tmp_path), "--lang", "zh_CN", "demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ethicsdesk: 此数据目录存有委员会的真实数据")


def test_every_field_label_is_chinese() -> None:
    for term in FIELDS.terms:
        assert CJK.search(term.zh), term.code
