"""Roster import and export: the JSON roster file and CSV, previews with line-numbered
errors, all-or-nothing import through the audited roster services, and round trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import ValidationError
from app.models import AuditEvent, Committee, CommitteeProfile, Membership, Person
from app.rules.evaluate import evaluate_roster
from app.rules.files import parse_roster
from app.services import organisation, roster
from app.services.actors import SYSTEM, Actor
from app.services.demo import build_demo
from app.services.permissions import PermissionDenied
from app.services.roster_io import (
    COLUMNS,
    ImportPreview,
    apply_import,
    export_roster_csv,
    export_roster_json,
    neutralise_cell,
    preview_csv,
    preview_json,
    roster_json_bytes,
)
from tests.helpers import TODAY, make_committee, make_member, table_counts

EN_HEADER = (
    "name,gender,role,expertise,affiliated,minority,term_start,term_end,"
    "profession,employer,degrees,alternate_for"
)
ZH_HEADER = "姓名,性别,角色,专业领域,本机构,少数民族,任期开始,任期结束,职称,单位,学位,替补对象"

# A small committee as a Chinese secretary keeps it in Excel.
ZH_ROWS = (
    ZH_HEADER,
    "王芳,女,主任委员,医学,是,否,2024-01-01,2028-12-31,主任医师,明湖医院,医学博士,",
    "黄磊,男,委员,法学,否,否,2024/1/1,2028/12/31,律师,正信律师事务所,法学硕士,",
    "赵丽,女,委员,生命伦理学；法学,否,是,2024-01-01,,教授,明湖大学,哲学博士,",
    "郭强,男,候补委员,医学,是,否,2024-01-01,2028-12-31,主治医师,明湖医院,,王芳",
)


def csv_bytes(*lines: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    data = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + data.encode(encoding)


@pytest.fixture
def demo(database: Database) -> Database:
    build_demo(database, TODAY)
    return database


def research(db: Database) -> int:
    with db.session_scope() as s:
        committee = s.scalar(select(Committee.id).where(Committee.name_zh == "医学伦理委员会"))
        assert committee is not None
        return committee


def new_committee(db: Database, like: int, name: str = "新伦理委员会") -> int:
    """Another committee of the same institution, with ``like``'s first profile entry."""
    with db.session_scope() as s:
        source = s.get(Committee, like)
        assert source is not None
        first = s.scalars(
            select(CommitteeProfile)
            .where(CommitteeProfile.committee_id == like)
            .order_by(CommitteeProfile.effective_from)
        ).first()
        assert first is not None
        committee = organisation.create_committee(
            s,
            SYSTEM,
            institution_id=source.institution_id,
            name_zh=name,
            profile_id=first.profile_id,
            effective_from=first.effective_from,
        )
        return committee.id


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    with database.session_scope() as s:
        yield s


def without_ids(document: dict[str, Any]) -> dict[str, Any]:
    """A roster document with member ids replaced by names (ids differ between committees)."""
    names = {m["id"]: m["name"] for m in document["members"]}
    members = []
    for m in document["members"]:
        m = {k: v for k, v in m.items() if k != "id"}
        if "alternate_for" in m:
            m["alternate_for"] = names[m["alternate_for"]]
        members.append(m)
    return {**document, "members": members}


# --- export ---------------------------------------------------------------------------


def test_json_export_is_a_valid_roster_file_with_one_role_per_member(demo: Database) -> None:
    committee = research(demo)
    with demo.session_scope() as s:
        document = export_roster_json(s, committee, TODAY)
    assert list(document) == ["profile", "as_of", "minority_region", "members"]
    assert document["profile"] == "cn-2023" and document["as_of"] == TODAY.isoformat()
    members = {m["name"]: m for m in document["members"]}
    assert len(members) == 17 and "何伟" not in members  # no consultant
    assert members["王芳"] == {
        "id": members["王芳"]["id"],
        "name": "王芳",
        "gender": "female",
        "role": "chair",
        "expertise": ["medicine"],
        "affiliated": True,
        "minority": False,
        "term_start": members["王芳"]["term_start"],
        "term_end": members["王芳"]["term_end"],
        "profession": "肿瘤内科",
        "employer": "明湖大学附属医院",
        "degrees": "医学博士",
    }
    assert members["林晓"]["role"] == "secretary" and "voting" not in members["林晓"]
    assert members["郭强"]["alternate_for"] == members["徐明"]["id"]
    assert all("voting" not in m and "scientist" not in m for m in document["members"])
    assert [m["role"] for m in document["members"]][:2] == ["chair", "vice_chair"]
    assert [m["role"] for m in document["members"]][-2:] == ["alternate", "secretary"]

    # The strict reader takes it back, and it is the same committee the check sees.
    facts, profile = parse_roster(json.loads(roster_json_bytes(document)))
    assert evaluate_roster(facts, profile).ok
    assert len(facts.counted()) == 15


def test_json_export_writes_voting_scientist_sop_and_the_first_role(
    database: Database,
) -> None:
    committee = make_committee(database)
    both = make_member(database, committee, "林晓", roles=("secretary", "member"))
    chair = make_member(database, committee, "王芳", roles=("chair", "vice_chair", "secretary"))
    silent = make_member(database, committee, "张敏")
    with database.session_scope() as s:
        roster.edit_membership(s, SYSTEM, silent, voting=False, scientist=False)
        organisation.set_profile(
            s,
            SYSTEM,
            committee,
            profile_id="cn-2023",
            effective_from=date(2025, 1, 1),
            sop_overrides={"quorum_min_present": 6},
        )
    with database.session_scope() as s:
        document = export_roster_json(s, committee, TODAY, minority_region=True)
        earlier = export_roster_json(s, committee, date(2024, 6, 1))
    members = {m["id"]: m for m in document["members"]}
    assert members[str(both)]["role"] == "member" and "voting" not in members[str(both)]
    assert members[str(chair)]["role"] == "chair"
    assert members[str(silent)]["voting"] is False
    assert members[str(silent)]["scientist"] is False
    assert document["sop"] == {"quorum_min_present": 6}
    assert document["minority_region"] is True
    assert "sop" not in earlier
    parse_roster(document)


def test_export_writes_current_and_future_seats_and_the_seat_an_alternate_needs(
    database: Database,
) -> None:
    committee = make_committee(database)
    current = make_member(database, committee, "王芳", roles=("chair",))
    gone = make_member(database, committee, "黄磊", gender="male")
    lapsed = make_member(database, committee, "徐明", gender="male")
    with database.session_scope() as s:
        roster.end_membership(s, SYSTEM, gone, ended_on=date(2025, 5, 1))
        roster.edit_membership(s, SYSTEM, lapsed, term_end=date(2026, 1, 31))
        person = roster.create_person(s, SYSTEM, name_zh="郭强", gender="male")
        alternate = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee,
            person_id=person.id,
            roles=["alternate"],
            expertise=["medicine"],
            affiliated=True,
            term_start=date(2024, 1, 1),
            alternate_for_id=lapsed,
        )
        person = roster.create_person(s, SYSTEM, name_zh="吴刚", gender="male")
        future = roster.add_membership(
            s,
            SYSTEM,
            committee_id=committee,
            person_id=person.id,
            roles=["member"],
            expertise=["sociology"],
            affiliated=False,
            term_start=TODAY + timedelta(days=30),
        )
        s.flush()
        alternate_id, future_id = alternate.id, future.id
    with database.session_scope() as s:
        document = export_roster_json(s, committee, TODAY)
        text = export_roster_csv(s, committee, TODAY).decode("utf-8-sig")
    ids = [m["id"] for m in document["members"]]
    assert str(gone) not in ids
    assert {str(current), str(future_id), str(alternate_id), str(lapsed)} == set(ids)
    members = {m["id"]: m for m in document["members"]}
    assert members[str(lapsed)]["term_end"] == "2026-01-31"  # named by term_expired
    assert "term_end" not in members[str(future_id)]
    facts, profile = parse_roster(document)
    expired = [
        f.member for f in evaluate_roster(facts, profile).findings if f.check == "term_expired"
    ]
    assert str(lapsed) in expired
    assert "黄磊" not in text and "郭强" in text


def test_csv_export_in_english_and_chinese(demo: Database) -> None:
    committee = research(demo)
    with demo.session_scope() as s:
        english = export_roster_csv(s, committee, TODAY)
        chinese = export_roster_csv(s, committee, TODAY, lang="zh_CN")
    assert english.startswith(b"\xef\xbb\xbf") and chinese.startswith(b"\xef\xbb\xbf")
    en_lines = english.decode("utf-8-sig").split("\r\n")
    zh_lines = chinese.decode("utf-8-sig").split("\r\n")
    assert en_lines[0] == EN_HEADER and zh_lines[0] == ZH_HEADER
    assert en_lines[-1] == "" and len(en_lines) == 1 + 17 + 1
    assert en_lines[1].startswith("王芳,female,chair,medicine,yes,no,")
    assert zh_lines[1].startswith("王芳,女,主任委员,医学,是,否,")
    zhu = next(line for line in en_lines if line.startswith("朱琳"))
    assert ",bioethics,no,no," in zhu
    guo = next(line for line in zh_lines if line.startswith("郭强"))
    assert guo.startswith("郭强,男,候补委员,医学,是,否,") and guo.endswith(",徐明")
    ma = next(line for line in zh_lines if line.startswith("马超"))
    assert ",是,是," in ma  # affiliated, minority
    assert "@" not in english.decode("utf-8-sig")  # no e-mail or phone


def test_csv_export_neutralises_formulas_and_import_reads_them_back(database: Database) -> None:
    committee = make_committee(database)
    hostile = {
        "=cmd|' /C calc'!A0": ("+1 (555) 0100", "-2+3", "@SUM(A1:A9)"),
    }
    with database.session_scope() as s:
        for name, (profession, employer, degrees) in hostile.items():
            person = roster.create_person(
                s,
                SYSTEM,
                name_zh=name,
                gender="male",
                profession=profession,
                employer=employer,
                degrees=degrees,
            )
            roster.add_membership(
                s,
                SYSTEM,
                committee_id=committee,
                person_id=person.id,
                roles=["member"],
                expertise=["lay"],
                affiliated=False,
                term_start=date(2024, 1, 1),
            )
    with database.session_scope() as s:
        data = export_roster_csv(s, committee, TODAY)
    row = data.decode("utf-8-sig").split("\r\n")[1]
    assert row.startswith("'=cmd|' /C calc'!A0,male,")
    assert ",'+1 (555) 0100,'-2+3,'@SUM(A1:A9)," in row
    for line in data.decode("utf-8-sig").split("\r\n"):
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@"))
    preview = preview_csv(data)
    assert preview.ok, preview.errors
    values = preview.rows[0].values
    assert values["name"] == "=cmd|' /C calc'!A0"
    assert (values["profession"], values["employer"], values["degrees"]) == (
        "+1 (555) 0100",
        "-2+3",
        "@SUM(A1:A9)",
    )
    assert neutralise_cell("\tx") == "'\tx" and neutralise_cell("王芳") == "王芳"


# --- round trips ----------------------------------------------------------------------


def test_json_roster_exported_and_imported_gives_the_same_roster(demo: Database) -> None:
    source = research(demo)
    target = new_committee(demo, source)
    with demo.session_scope() as s:
        exported = export_roster_json(s, source, TODAY)
    data = roster_json_bytes(exported)
    with demo.session_scope() as s:
        preview = preview_json(data, session=s, committee_id=target)
        assert preview.ok, preview.errors
        ids = apply_import(s, SYSTEM, target, preview)
    assert len(ids) == 17
    with demo.session_scope() as s:
        again = export_roster_json(s, target, TODAY)
        seated = s.scalars(select(Membership.id).where(Membership.committee_id == target)).all()
    assert sorted(ids) == sorted(seated)
    assert without_ids(again) == without_ids(exported)
    assert [m["id"] for m in again["members"]] != [m["id"] for m in exported["members"]]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_csv_roster_exported_and_imported_gives_the_same_file(demo: Database, lang: str) -> None:
    source = research(demo)
    target = new_committee(demo, source)
    with demo.session_scope() as s:
        exported = export_roster_csv(s, source, TODAY, lang=lang)
    with demo.session_scope() as s:
        preview = preview_csv(exported, session=s, committee_id=target)
        assert preview.ok, preview.errors
        apply_import(s, SYSTEM, target, preview)
    with demo.session_scope() as s:
        assert export_roster_csv(s, target, TODAY, lang=lang) == exported
        assert without_ids(export_roster_json(s, target, TODAY)) == without_ids(
            export_roster_json(s, source, TODAY)
        )


def test_importing_the_committee_into_itself_names_every_current_seat(demo: Database) -> None:
    committee = research(demo)
    with demo.session_scope() as s:
        data = export_roster_csv(s, committee, TODAY)
        preview = preview_csv(data, session=s, committee_id=committee)
    assert not preview.ok
    assert all(len(r.errors) == 1 for r in preview.rows)
    assert (
        preview.rows[0]
        .errors[0]
        .startswith("line 2: 姓名/name: 王芳 already holds a current seat on this committee")
    )


# --- CSV import -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("gb18030", False), ("utf-8", True), ("utf-8", False)],
    ids=["gb18030", "utf-8-bom", "utf-8"],
)
def test_chinese_csv_imports_in_each_encoding(database: Database, encoding: str, bom: bool) -> None:
    committee = make_committee(database)
    data = csv_bytes(*ZH_ROWS, encoding=encoding, bom=bom)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    events = _audit_count(database)
    with database.session_scope() as s:
        preview = preview_csv(data, session=s, committee_id=committee)
        assert preview.ok, preview.errors
        ids = apply_import(s, SYSTEM, committee, preview)
    with database.session_scope() as s:
        seats = [s.get(Membership, i) for i in ids]
        by_name = {m.person.name_zh: m for m in seats if m is not None}
        assert list(by_name) == ["王芳", "黄磊", "赵丽", "郭强"]
        wang, huang, zhao, guo = by_name.values()
        assert wang.roles == {"chair"} and wang.person.gender == "female"
        assert wang.person.profession == "主任医师" and wang.person.degrees == "医学博士"
        assert huang.term_start == date(2024, 1, 1) and huang.term_end == date(2028, 12, 31)
        assert huang.affiliated is False
        assert zhao.expertise == ["bioethics", "law"] and zhao.person.minority is True
        assert zhao.term_end is None
        assert guo.roles == {"alternate"} and guo.alternate_for_id == wang.id
    # One audit event per person and per membership.
    assert _audit_count(database) == events + 8


def _audit_count(db: Database) -> int:
    with db.session_scope() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_english_csv_with_excel_habits() -> None:
    data = csv_bytes(
        "Name, Gender ,ROLE,Expertise,Affiliated,Term Start,alternate-for",
        "Wang Fang,Female,Chair,Medicine;Statistics,TRUE,2024/01/01,",
        'Huang Lei,male,vice chair,"law, bioethics",0,2024年1月1日,',
        "Zhou Ting,other,secretary,lay、其他,No,2024.1.1,",
        "Guo Qiang,male,Alternate,life sciences,Y,2024-01-01 00:00:00,wang fang",
        ",,,,,,",
    )
    preview = preview_csv(data)
    assert [r.errors for r in preview.rows] == [
        [],
        [],
        [],
        ["line 5: 本机构/affiliated: 'Y' is not yes or no (true/false, 1/0, 是/否)"],
    ]
    assert len(preview.rows) == 4  # the blank row is skipped
    wang, huang, zhou, guo = (r.values for r in preview.rows)
    assert wang["expertise"] == ["medicine", "statistics"] and wang["affiliated"] is True
    assert wang["minority"] is False and wang["term_end"] is None
    assert huang["role"] == "vice_chair" and huang["expertise"] == ["law", "bioethics"]
    assert huang["term_start"] == date(2024, 1, 1) and huang["affiliated"] is False
    assert zhou["role"] == "secretary" and zhou["expertise"] == ["lay", "other"]
    assert guo["term_start"] == date(2024, 1, 1) and guo["alternate_for_ref"] == "Wang Fang"


def test_semicolon_separated_csv_is_read() -> None:
    data = csv_bytes(
        "name;gender;role;expertise;affiliated;term_start",
        '王芳;female;chair;"medicine;law";yes;2024-01-01',
    )
    preview = preview_csv(data)
    assert preview.ok, preview.errors
    assert preview.rows[0].values["expertise"] == ["medicine", "law"]


def test_a_bad_row_is_reported_with_its_line_and_nothing_is_written(
    database: Database,
) -> None:
    committee = make_committee(database)
    rows = list(ZH_ROWS)
    rows.insert(3, "周婷,男士,委员,社会人士,否,否,2024-01-01,2028-12-31,,,,")
    data = csv_bytes(*rows)
    before = table_counts(database)
    with database.session_scope() as s:
        preview = preview_csv(data, session=s, committee_id=committee)
    assert not preview.ok
    assert [(r.line, r.errors) for r in preview.rows if r.errors] == [
        (4, ["line 4: 性别/gender: '男士' is not female, male or other"])
    ]
    assert preview.rows[2].cells["gender"] == "男士"
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview)
    assert caught.value.field == "import"
    assert table_counts(database) == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("王芳,female,chair,medicine,yes,2024-13-01,", "任期开始/term_start: '2024-13-01' is not"),
        ("王芳,female,chair,medicine,yes,01/02/2024,", "'01/02/2024' is not a date in YYYY-MM-DD"),
        ("王芳,female,chair,medicine,yes,2024-02-30,", "'2024-02-30' is not a real date"),
        ("王芳,female,chief,medicine,yes,2024-01-01,", "角色/role: 'chief' is not a role"),
        ("王芳,female,独立顾问,medicine,yes,2024-01-01,", "a consultant is engaged per project"),
        ("王芳,female,chair,medicine;magic,yes,2024-01-01,", "'magic' is not an expertise"),
        ("王芳,female,chair,;,yes,2024-01-01,", "专业领域/expertise: is required"),
        (",female,chair,medicine,yes,2024-01-01,", "姓名/name: is required"),
        ("王芳,female,chair,medicine,,2024-01-01,", "本机构/affiliated: is required"),
        ("王芳,female,chair,medicine,maybe,2024-01-01,", "'maybe' is not yes or no"),
        ("王芳,female,chair,medicine,yes,2024-01-01,2023-12-31", "term_end: 2023-12-31 is before"),
        ("王芳,female,chair,medicine,yes,2024-01-01,,郭强", "only an alternate sits for"),
        ("王芳,female,alternate,medicine,yes,2024-01-01,", "an alternate must name the member"),
        ("王芳,female,alternate,medicine,yes,2024-01-01,,王芳", "cannot sit for itself"),
        (
            "王芳,female,alternate,medicine,yes,2024-01-01,,李四",
            "李四 is not a member in this file",
        ),
        ('"王\x07芳",female,chair,medicine,yes,2024-01-01,', "contains control characters"),
        ('"王\n芳",female,chair,medicine,yes,2024-01-01,', "contains control characters"),
        ("王\u202e芳,female,chair,medicine,yes,2024-01-01,", "invisible text-direction"),
        ("王" * 101 + ",female,chair,medicine,yes,2024-01-01,", "longer than 100 characters"),
        ("王芳,female,chair,medicine,yes,2024-01-01,,,surplus", "column 9: has a value but no"),
    ],
)
def test_cell_errors_name_line_and_column(row: str, message: str) -> None:
    data = csv_bytes("name,gender,role,expertise,affiliated,term_start,term_end,alternate_for", row)
    preview = preview_csv(data)
    assert not preview.ok
    errors = preview.rows[0].errors
    assert any(e.startswith("line 2: ") and message in e for e in errors), errors


def test_names_are_unique_and_alternates_sit_for_members() -> None:
    data = csv_bytes(
        "name,gender,role,expertise,affiliated,term_start,alternate_for",
        "郭强,male,alternate,medicine,yes,2024-01-01,王芳",  # before its member: fine
        "王芳,female,chair,medicine,yes,2024-01-01,",
        "王芳,female,member,law,no,2024-01-01,",
        "徐明,male,alternate,medicine,yes,2024-01-01,郭强",
    )
    preview = preview_csv(data)
    assert [r.errors for r in preview.rows] == [
        [],
        [],
        ["line 4: 姓名/name: 王芳 is also on line 3; names must be unique within one import"],
        ["line 5: 替补对象/alternate_for: 郭强 is another alternate, not a member"],
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf \r\n\r\n", "the file is empty"),
        (csv_bytes(EN_HEADER), "the file has a header but no members"),
        (
            csv_bytes("name,gender,role,expertise,affiliated,term_start,email", "x"),
            "line 1: column 7: unknown column 'email' in the header",
        ),
        (
            csv_bytes("name,gender,role,expertise,affiliated", "x"),
            "line 1: the header lacks required columns: 任期开始/term_start",
        ),
        (
            csv_bytes("姓名,name,gender,role,expertise,affiliated,term_start", "x"),
            "line 1: column 2: 姓名/name appears twice in the header",
        ),
        (b"\xff\xff\xff\x00name", "the file is neither UTF-8 nor GB18030"),
        (
            csv_bytes(EN_HEADER, "a" * 200_000 + ",female"),
            "line 2: not readable as CSV",
        ),
    ],
    ids=["empty", "blank", "header-only", "unknown", "missing", "twice", "binary", "huge-cell"],
)
def test_file_errors(data: bytes, message: str) -> None:
    preview = preview_csv(data)
    assert not preview.ok and preview.rows == []
    assert any(e.startswith(message) for e in preview.file_errors), preview.file_errors


def test_too_many_rows_is_a_file_error() -> None:
    rows = [f"M{i},female,member,lay,no,2024-01-01" for i in range(5_001)]
    preview = preview_csv(csv_bytes("name,gender,role,expertise,affiliated,term_start", *rows))
    assert preview.file_errors == ["the file has more than 5000 rows"]


def test_an_alternate_may_sit_for_a_member_already_on_the_committee(
    database: Database,
) -> None:
    committee = make_committee(database)
    seat = make_member(database, committee, "徐明", gender="male")
    data = csv_bytes(
        "name,gender,role,expertise,affiliated,term_start,alternate_for",
        "郭强,male,alternate,medicine,yes,2024-01-01,徐明",
    )
    assert not preview_csv(data).ok  # without the committee, 徐明 is unknown
    with database.session_scope() as s:
        preview = preview_csv(data, session=s, committee_id=committee)
        assert preview.ok, preview.errors
        (new,) = apply_import(s, SYSTEM, committee, preview)
    with database.session_scope() as s:
        membership = s.get(Membership, new)
        assert membership is not None and membership.alternate_for_id == seat


def test_a_seat_taken_after_the_preview_refuses_the_whole_import(database: Database) -> None:
    committee = make_committee(database)
    preview = preview_csv(csv_bytes(*ZH_ROWS))
    assert preview.ok
    make_member(database, committee, "黄磊", gender="male")
    before = table_counts(database)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview)
    assert caught.value.field == "import"
    assert "line 3: 姓名/name: 黄磊 already holds a current seat" in caught.value.message
    assert table_counts(database) == before


def test_import_needs_permission_and_a_clean_preview(database: Database) -> None:
    committee = make_committee(database)
    preview = preview_csv(csv_bytes(*ZH_ROWS))
    before = table_counts(database)
    with pytest.raises(PermissionDenied), database.session_scope() as s:
        apply_import(s, Actor("viewer", "viewer"), committee, preview)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, ImportPreview([]))
    assert caught.value.message == "the file has no members; nothing was imported"
    assert table_counts(database) == before


def test_a_service_refusal_midway_writes_nothing(database: Database) -> None:
    committee = make_committee(database)
    preview = preview_csv(csv_bytes(*ZH_ROWS))
    preview.rows[2].values["expertise"] = ["astrology"]  # slips past the preview
    before = table_counts(database)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview)
    assert caught.value.field == "import"
    assert caught.value.message.startswith("line 4: expertise: must be one of")
    assert table_counts(database) == before


def test_preview_needs_both_session_and_committee(session: Session) -> None:
    with pytest.raises(TypeError):
        preview_csv(csv_bytes(*ZH_ROWS), session=session)


def test_column_list_is_the_issue_s() -> None:
    assert [c.en for c in COLUMNS] == EN_HEADER.split(",")
    assert [c.zh for c in COLUMNS] == ZH_HEADER.split(",")


# --- JSON import ----------------------------------------------------------------------


def _roster_file(*members: dict[str, Any], **top: Any) -> bytes:
    return json.dumps({"profile": "cn-2023", **top, "members": list(members)}).encode()


def _member(ident: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "gender": "female",
        "role": "member",
        "expertise": ["medicine"],
        "affiliated": True,
        "term_start": "2024-01-01",
        **extra,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"{", "not JSON (line 1, column 2"),
        (b'{"members": [], "members": []}', "duplicate key 'members'"),
        (b"\xff\xfe{}", "the file is not UTF-8 text"),
        (_roster_file(_member("m1", "王芳", email="x@y")), "member m1 (王芳): unknown key 'email'"),
        (_roster_file(), "the file has no members"),
        (b"[" * 100_000 + b"]" * 100_000, "the file nests too deeply"),
    ],
    ids=["empty", "broken", "duplicate-key", "utf16", "unknown-key", "no-members", "deep"],
)
def test_json_file_errors_are_one_line(data: bytes, message: str) -> None:
    preview = preview_json(data)
    assert not preview.ok and preview.rows == []
    assert len(preview.file_errors) == 1 and "\n" not in preview.file_errors[0]
    assert preview.file_errors[0].startswith(message), preview.file_errors


def test_json_rows_that_cannot_be_seated(database: Database) -> None:
    committee = make_committee(database)
    make_member(database, committee, "王芳")
    data = _roster_file(
        _member("m1", "王芳"),
        _member("m2", "何伟", role="consultant"),
        {k: v for k, v in _member("m3", "李四").items() if k != "term_start"},
        _member("m4", "赵\x07丽"),
        _member("m5", "张敏", role="alternate", alternate_for="m1", voting=False),
        _member("m6", "张敏", scientist=True),
    )
    with database.session_scope() as s:
        preview = preview_json(data, session=s, committee_id=committee)
    errors = [r.errors for r in preview.rows]
    assert len(errors[0]) == 1
    assert errors[0][0].startswith(
        "member m1 (王芳): name: 王芳 already holds a current seat on this committee"
    )
    assert errors[1] == [
        "member m2 (何伟): role: a consultant is engaged per project, not seated on the committee"
    ]
    assert errors[2] == ["member m3 (李四): term_start: is required to seat a member"]
    assert errors[3] == [
        "member m4 (赵\ufffd丽): name: contains control characters (line breaks, tabs or the like)"
    ]
    assert errors[4] == [] and errors[5] == []  # names may repeat in JSON; ids tell apart
    assert preview.rows[4].values["alternate_for_ref"] == "m1"
    assert preview.rows[4].values["voting"] is False
    assert preview.rows[5].values["scientist"] is True
    assert [r.line for r in preview.rows] == [1, 2, 3, 4, 5, 6]


def test_json_import_keeps_voting_and_scientist(database: Database) -> None:
    committee = make_committee(database)
    data = _roster_file(
        _member("a", "王芳", role="chair"),
        _member("b", "张敏", voting=False, scientist=False),
        _member("c", "林晓", role="secretary", expertise=["other"]),
        _member("d", "郭强", role="alternate", alternate_for="a", gender="male"),
        sop={"quorum_min_present": 9},
        minority_region=True,
    )
    with database.session_scope() as s:
        preview = preview_json(data, session=s, committee_id=committee)
        assert preview.ok, preview.errors
        a, b, c, d = apply_import(s, SYSTEM, committee, preview)
    with database.session_scope() as s:
        seats = {i: s.get(Membership, i) for i in (a, b, c, d)}
        assert seats[b].voting is False and seats[b].scientist is False  # type: ignore[union-attr]
        assert seats[c].voting is False and seats[c].roles == {"secretary"}  # type: ignore[union-attr]
        assert seats[d].alternate_for_id == a  # type: ignore[union-attr]
        # The file's SOP describes the file, not the committee: not imported.
        entry = s.scalar(select(CommitteeProfile).where(CommitteeProfile.committee_id == committee))
        assert entry is not None and entry.sop_overrides == {}
        people = s.scalars(select(Person.name_zh).order_by(Person.id)).all()
    assert people == ["王芳", "张敏", "林晓", "郭强"]
