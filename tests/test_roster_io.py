"""Roster import and export: the JSON roster file and CSV, files read with their format's
errors, previews run through the roster services with line-numbered errors, all-or-nothing
import through the audited roster services, and round trips."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import Cancelled, ValidationError
from app.models import AuditEvent, Committee, CommitteeProfile, Membership, Person
from app.rules.evaluate import evaluate_roster
from app.rules.files import parse_roster
from app.services import organisation, roster
from app.services.actors import SYSTEM, Actor
from app.services.permissions import PermissionDenied
from app.services.progress import Progress
from app.services.roster_io import (
    COLUMNS,
    ImportPreview,
    apply_import,
    export_roster_csv,
    export_roster_json,
    export_seats,
    neutralise_cell,
    preview_csv,
    preview_json,
    read_csv,
    read_json,
    roster_json_bytes,
)
from tests.helpers import TODAY, build_demo, make_committee, make_member, table_counts

EN_HEADER = (
    "name,name_en,gender,ethnicity,minority,roles,alternate_for,expertise,affiliation,voting,"
    "scientist,term_start,term_end,title,profession,degrees,employer,email,phone,consent_publish"
)
ZH_HEADER = (
    "姓名,英文姓名,性别,民族,少数民族,职务,候补,专业领域,所属,表决权,医药专业背景,"
    "任期开始,任期结束,职称,专业,学位,工作单位,电子邮件,电话,同意公开"
)

# A small committee as a Chinese secretary keeps it in Excel: some of the columns, in an
# order of her own, under the words the screens use.
ZH_ROWS = (
    "姓名,性别,职务,专业领域,所属,少数民族,任期开始,任期结束,职称,专业,工作单位,学位,候补",
    "王芳,女,主任委员,医学,本机构,否,2024-01-01,2028-12-31,主任医师,肿瘤内科,明湖医院,医学博士,",
    "黄磊,男,委员,法学,非本机构,否,2024/1/1,2028/12/31,律师,医事法律,正信律师事务所,法学硕士,",
    "赵丽,女,委员,生命伦理学；法学,非本机构,是,2024-01-01,,教授,生命伦理学,明湖大学,哲学博士,",
    "郭强,男,候补委员,医学,本机构,否,2024-01-01,2028-12-31,主治医师,儿科,明湖医院,,王芳",
)
# The same committee as older versions exported it: 角色, 本机构 with 是/否, 单位, 替补对象,
# and 职称 holding what now is the title.
OLD_ZH_ROWS = (
    "姓名,性别,角色,专业领域,本机构,少数民族,任期开始,任期结束,职称,单位,学位,替补对象",
    "王芳,女,主任委员,医学,是,否,2024-01-01,2028-12-31,主任医师,明湖医院,医学博士,",
    "黄磊,男,委员,法学,否,否,2024/1/1,2028/12/31,律师,正信律师事务所,法学硕士,",
    "赵丽,女,委员,生命伦理学；法学,否,是,2024-01-01,,教授,明湖大学,哲学博士,",
    "郭强,男,候补委员,医学,是,否,2024-01-01,2028-12-31,主治医师,明湖医院,,王芳",
)
# The date forms the messages list.
DATE_FORMS = "(2025-01-01, 2025/1/1, 2025.1.1, 2025年1月1日)"


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


def csv_rows(data: bytes) -> list[dict[str, str]]:
    """An exported CSV's rows as dicts by header."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


PERSON_FIELDS = (
    "name_zh",
    "name_en",
    "gender",
    "ethnicity",
    "minority",
    "title",
    "degrees",
    "profession",
    "employer",
    "email",
    "phone",
    "consent_publish",
)
MEMBERSHIP_FIELDS = (
    "roles",
    "expertise",
    "affiliated",
    "voting",
    "scientist",
    "term_start",
    "term_end",
    "alternate_for",
)


def seated(db: Database, committee_id: int) -> dict[str, dict[str, Any]]:
    """Every membership of the committee straight from the database, by the person's name:
    every person field and every membership field, roles as a set, the seat an alternate
    sits for by its holder's name (ids differ between committees)."""
    with db.read_scope() as s:
        memberships = s.scalars(
            select(Membership).where(Membership.committee_id == committee_id)
        ).all()
        holder = {m.id: m.person.name_zh for m in memberships}
        found: dict[str, dict[str, Any]] = {}
        for m in memberships:
            found[m.person.name_zh] = {
                **{key: getattr(m.person, key) for key in PERSON_FIELDS},
                "roles": set(m.roles),
                "expertise": list(m.expertise),
                "affiliated": m.affiliated,
                "voting": m.voting,
                "scientist": m.scientist,
                "term_start": m.term_start,
                "term_end": m.term_end,
                "alternate_for": holder.get(m.alternate_for_id),  # type: ignore[arg-type]
            }
    assert len(found) == len(memberships)  # one seat per name: the dict loses nothing
    return found


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


def test_a_seat_is_exported_through_its_last_day_and_not_after(database: Database) -> None:
    """The seat predicate's edge: a membership ended today, and a term that ends today, are
    held today (written, with today as the last day) and not tomorrow."""
    committee = make_committee(database)
    kept = make_member(database, committee, "王芳", roles=("chair",))
    ended = make_member(database, committee, "黄磊", gender="male")
    running_out = make_member(database, committee, "徐明", gender="male")
    with database.session_scope() as s:
        roster.end_membership(s, SYSTEM, ended, ended_on=TODAY, reason="resigned")
        roster.edit_membership(s, SYSTEM, running_out, term_end=TODAY)
    tomorrow = TODAY + timedelta(days=1)
    with database.read_scope() as s:
        seats = {day: [r.id for r in export_seats(s, committee, day)] for day in (TODAY, tomorrow)}
        documents = {day: export_roster_json(s, committee, day) for day in (TODAY, tomorrow)}
        files = {day: csv_rows(export_roster_csv(s, committee, day)) for day in (TODAY, tomorrow)}
    assert seats == {TODAY: [kept, ended, running_out], tomorrow: [kept]}
    today = {m["id"]: m["term_end"] for m in documents[TODAY]["members"]}
    assert today == {
        str(kept): "2028-12-31",
        str(ended): TODAY.isoformat(),
        str(running_out): TODAY.isoformat(),
    }
    assert [m["id"] for m in documents[tomorrow]["members"]] == [str(kept)]
    assert {row["name"]: row["term_end"] for row in files[TODAY]} == {
        "王芳": "2028-12-31",
        "黄磊": TODAY.isoformat(),
        "徐明": TODAY.isoformat(),
    }
    assert [row["name"] for row in files[tomorrow]] == ["王芳"]


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
    start = TODAY - timedelta(days=700)  # the demo's term
    end = date(start.year + 5, start.month, 1) - timedelta(days=1)
    assert en_lines[1] == (
        f"王芳,Wang Fang,female,汉族,no,chair,,medicine,affiliated,,,{start},{end},"
        "主任医师,肿瘤内科,医学博士,明湖大学附属医院,,,yes"
    )
    assert zh_lines[1] == (
        f"王芳,Wang Fang,女,汉族,否,主任委员,,医学,本机构,,,{start},{end},"
        "主任医师,肿瘤内科,医学博士,明湖大学附属医院,,,是"
    )
    en = {row["name"]: row for row in csv_rows(english)}
    zh = {row["姓名"]: row for row in csv_rows(chinese)}
    assert (en["朱琳"]["expertise"], en["朱琳"]["affiliation"]) == ("bioethics", "external")
    assert (zh["朱琳"]["专业领域"], zh["朱琳"]["所属"]) == ("生命伦理学", "非本机构")
    assert (en["郭强"]["roles"], en["郭强"]["alternate_for"]) == ("alternate", "徐明")
    assert (zh["郭强"]["职务"], zh["郭强"]["候补"]) == ("候补委员", "徐明")
    assert (zh["马超"]["民族"], zh["马超"]["少数民族"], zh["马超"]["所属"]) == (
        "回族",
        "是",
        "本机构",
    )
    # A secretary's voting is her roles' default (no), so it is not written.
    assert (en["林晓"]["roles"], en["林晓"]["voting"]) == ("secretary", "")
    # The demo has no contact details: the columns are there, and empty.
    assert all(row["email"] == row["phone"] == "" for row in en.values())
    assert all(row["电子邮件"] == row["电话"] == "" for row in zh.values())


def test_csv_export_neutralises_formulas_and_import_reads_them_back(database: Database) -> None:
    committee = make_committee(database)
    hostile = {
        "=cmd|' /C calc'!A0": ("+1 (555) 0100", "-2+3", "@SUM(A1:A9)", "+86 571 8800 0001"),
    }
    with database.session_scope() as s:
        for name, (profession, employer, degrees, phone) in hostile.items():
            person = roster.create_person(
                s,
                SYSTEM,
                name_zh=name,
                gender="male",
                profession=profession,
                employer=employer,
                degrees=degrees,
                phone=phone,
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
    assert row.startswith("'=cmd|' /C calc'!A0,,male,")
    assert ",'+1 (555) 0100,'@SUM(A1:A9),'-2+3,,'+86 571 8800 0001," in row
    for line in data.decode("utf-8-sig").split("\r\n"):
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@"))
    read = read_csv(data)
    assert read.ok, read.errors
    values = read.rows[0].values
    assert values["name"] == "=cmd|' /C calc'!A0"
    assert (values["profession"], values["employer"], values["degrees"], values["phone"]) == (
        "+1 (555) 0100",
        "-2+3",
        "@SUM(A1:A9)",
        "+86 571 8800 0001",
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
        preview = preview_json(s, SYSTEM, target, data, TODAY)
        assert preview.ok, preview.errors
        ids = apply_import(s, SYSTEM, target, preview, TODAY)
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
        preview = preview_csv(s, SYSTEM, target, exported, TODAY)
        assert preview.ok, preview.errors
        apply_import(s, SYSTEM, target, preview, TODAY)
    with demo.session_scope() as s:
        assert export_roster_csv(s, target, TODAY, lang=lang) == exported
        assert without_ids(export_roster_json(s, target, TODAY)) == without_ids(
            export_roster_json(s, source, TODAY)
        )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_csv_round_trip_loses_no_person_or_membership_field(demo: Database, lang: str) -> None:
    """Export → import through CSV gives the target committee every field of every seat of
    the source, read back from the database; contact details, several roles, a secretary
    who is a member but does not vote and a ``scientist`` set to no included."""
    assert set(PERSON_FIELDS) == set(roster.PERSON_FIELDS)  # the comparison misses nothing
    assert {*MEMBERSHIP_FIELDS, "alternate_for_id"} - {"alternate_for"} == set(
        roster.MEMBERSHIP_FIELDS
    )
    source = research(demo)
    with demo.session_scope() as s:
        memberships = s.scalars(
            select(Membership).where(Membership.committee_id == source).order_by(Membership.id)
        ).all()
        for number, m in enumerate(memberships, start=1):
            # A phone starting with + is a formula to a spreadsheet: neutralised and back.
            roster.edit_person(
                s,
                SYSTEM,
                m.person_id,
                email=f"member{number}@minghu.example",
                phone=f"+86 571 8800 {number:04d}",
            )
        by_name = {m.person.name_zh: m.id for m in memberships}
        roster.edit_membership(s, SYSTEM, by_name["林晓"], roles=["member", "secretary"])
        roster.edit_membership(s, SYSTEM, by_name["杨帆"], scientist=False)
    before = seated(demo, source)
    assert before["林晓"]["roles"] == {"member", "secretary"}
    assert before["林晓"]["voting"] is False  # kept: a member-secretary who does not vote
    assert before["杨帆"]["scientist"] is False
    assert before["郭强"]["alternate_for"] == "徐明"
    assert all(seat["email"] and seat["phone"] for seat in before.values())
    target = new_committee(demo, source)
    with demo.session_scope() as s:
        exported = export_roster_csv(s, source, TODAY, lang=lang)
    with demo.session_scope() as s:
        checked = preview_csv(s, SYSTEM, target, exported, TODAY)
        assert checked.ok, checked.errors
        apply_import(s, SYSTEM, target, checked, TODAY)
    after = seated(demo, target)
    assert len(after) == len(before) == 17
    for name, seat in before.items():
        assert after[name] == seat, name


def test_importing_the_committee_into_itself_names_every_current_seat(demo: Database) -> None:
    committee = research(demo)
    with demo.session_scope() as s:
        data = export_roster_csv(s, committee, TODAY)
        preview = preview_csv(s, SYSTEM, committee, data, TODAY)
        wang = s.scalar(
            select(Membership.id)
            .join(Person)
            .where(Person.name_zh == "王芳", Membership.committee_id == committee)
        )
    assert not preview.ok
    assert all(len(r.errors) == 1 for r in preview.rows)
    assert preview.rows[0].errors == [
        f"line 2: 姓名/name: 王芳 already holds a current seat on this committee "
        f"(membership {wang})"
    ]


# --- CSV import -----------------------------------------------------------------------


def check_imported_committee(db: Database, ids: list[int], profession: str) -> None:
    """The seats imported from ZH_ROWS or OLD_ZH_ROWS (``profession``: 王芳's), checked."""
    with db.read_scope() as s:
        seats = [s.get(Membership, i) for i in ids]
        by_name = {m.person.name_zh: m for m in seats if m is not None}
        assert list(by_name) == ["王芳", "黄磊", "赵丽", "郭强"]
        wang, huang, zhao, guo = by_name.values()
        assert wang.roles == {"chair"} and wang.person.gender == "female"
        assert (wang.person.title, wang.person.degrees) == ("主任医师", "医学博士")
        assert wang.person.employer == "明湖医院" and wang.affiliated is True
        assert wang.person.profession == profession
        assert huang.term_start == date(2024, 1, 1) and huang.term_end == date(2028, 12, 31)
        assert huang.affiliated is False and huang.person.title == "律师"
        assert zhao.expertise == ["bioethics", "law"] and zhao.person.minority is True
        assert zhao.term_end is None and zhao.person.employer == "明湖大学"
        assert guo.roles == {"alternate"} and guo.alternate_for_id == wang.id


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
        preview = preview_csv(s, SYSTEM, committee, data, TODAY)
        assert preview.ok, preview.errors
        ids = apply_import(s, SYSTEM, committee, preview, TODAY)
    check_imported_committee(database, ids, profession="肿瘤内科")
    # One audit event per person and per membership.
    assert _audit_count(database) == events + 8


def test_a_spreadsheet_with_the_old_chinese_header_is_still_read(database: Database) -> None:
    """角色, 本机构 (是/否), 单位 and 替补对象 are read as the columns they became; 职称,
    which older versions wrote for the profession, is read as what it now means: the
    title."""
    read = read_csv(csv_bytes(*OLD_ZH_ROWS))
    assert read.ok, read.errors
    wang = read.rows[0].values
    assert (wang["title"], wang["profession"], wang["employer"]) == ("主任医师", "", "明湖医院")
    assert (wang["roles"], wang["affiliation"]) == (["chair"], True)
    assert read.rows[1].values["affiliation"] is False
    assert read.rows[3].values["alternate_for"] == "王芳"
    committee = make_committee(database)
    with database.session_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, csv_bytes(*OLD_ZH_ROWS), TODAY)
        assert checked.ok, checked.errors
        ids = apply_import(s, SYSTEM, committee, checked, TODAY)
    check_imported_committee(database, ids, profession="")


def _audit_count(db: Database) -> int:
    with db.session_scope() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_english_csv_with_excel_habits(database: Database) -> None:
    rows = [
        "Name, Gender ,ROLE,Expertise,Affiliated,Term Start,alternate-for",
        "Wang Fang,Female,Chair,Medicine;Statistics,TRUE,2024/01/01,",
        'Huang Lei,male,vice chair,"law, bioethics",0,2024年1月1日,',
        "Zhou Ting,other,secretary,lay、其他,No,2024.1.1,",
        "Guo Qiang,male,Alternate,life sciences,Y,2024-01-01 00:00:00,wang fang",
        "Chen Jing,female,Member,nursing,external,01/02/2024,",
        ",,,,,,",
    ]
    read = read_csv(csv_bytes(*rows))
    assert [r.errors for r in read.rows] == [
        [],
        [],
        [],
        [],
        [
            "line 6: 任期开始/term_start: '01/02/2024' is not a date in a form EthicsDesk "
            f"reads {DATE_FORMS}"
        ],
    ]
    assert len(read.rows) == 5  # the blank row is skipped
    wang, huang, zhou, guo, chen = (r.values for r in read.rows)
    assert wang["expertise"] == ["medicine", "statistics"] and wang["affiliation"] is True
    assert wang["minority"] is False and wang["term_end"] is None
    assert huang["roles"] == ["vice_chair"] and huang["expertise"] == ["law", "bioethics"]
    assert huang["term_start"] == date(2024, 1, 1) and huang["affiliation"] is False
    assert zhou["roles"] == ["secretary"] and zhou["expertise"] == ["lay", "other"]
    assert zhou["affiliation"] is False
    assert guo["term_start"] == date(2024, 1, 1) and guo["affiliation"] is True
    assert guo["alternate_for"] == "wang fang"
    assert chen["affiliation"] is False and "term_start" not in chen
    # The alternate names its member whatever the case.
    committee = make_committee(database)
    with database.session_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, csv_bytes(*rows[:5]), TODAY)
        assert checked.ok, checked.errors
        wang_id, _, _, guo_id = apply_import(s, SYSTEM, committee, checked, TODAY)
    with database.session_scope() as s:
        membership = s.get(Membership, guo_id)
        assert membership is not None and membership.alternate_for_id == wang_id


def test_semicolon_separated_csv_is_read() -> None:
    data = csv_bytes(
        "name;gender;roles;expertise;affiliation;term_start",
        '王芳;female;"chair;secretary";"medicine;law";affiliated;2024-01-01',
    )
    read = read_csv(data)
    assert read.ok, read.errors
    assert read.rows[0].values["expertise"] == ["medicine", "law"]
    assert read.rows[0].values["roles"] == ["chair", "secretary"]


def test_a_bad_row_is_reported_with_its_line_and_nothing_is_written(
    database: Database,
) -> None:
    committee = make_committee(database)
    rows = list(ZH_ROWS)
    rows.insert(3, "周婷,男士,委员,社会人士,非本机构,否,2024-01-01,2028-12-31,,,,,")
    data = csv_bytes(*rows)
    before = table_counts(database)
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, data, TODAY)
    assert not preview.ok
    assert [(r.line, r.errors) for r in preview.rows if r.errors] == [
        (4, ["line 4: 性别/gender: '男士' is not female, male or other"])
    ]
    assert preview.rows[2].cells["gender"] == "男士"
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview, TODAY)
    assert caught.value.field == "import"
    assert caught.value.message == "the file has 1 error(s); nothing was imported"
    assert table_counts(database) == before


CELL_HEADER = "name,gender,roles,expertise,affiliation,term_start,term_end,alternate_for"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "王芳,female,chair,medicine,yes,2024-13-01,",
            "任期开始/term_start: '2024-13-01' is not a real date",
        ),
        (
            "王芳,female,chair,medicine,yes,01/02/2024,",
            f"任期开始/term_start: '01/02/2024' is not a date in a form EthicsDesk reads "
            f"{DATE_FORMS}",
        ),
        (
            "王芳,female,chair,medicine,yes,2024-01-01,2024-02-30",
            "任期结束/term_end: '2024-02-30' is not a real date",
        ),
        ("王芳,female,chief,medicine,yes,2024-01-01,", "职务/roles: 'chief' is not a role ("),
        (
            "王芳,female,独立顾问,medicine,yes,2024-01-01,",
            "职务/roles: '独立顾问': a consultant is engaged per project, not seated on the "
            "committee",
        ),
        (
            "王芳,female,chair,medicine;magic,yes,2024-01-01,",
            "专业领域/expertise: 'magic' is not an expertise category (known: ",
        ),
        ("王芳,female,chair,;,yes,2024-01-01,", "专业领域/expertise: is required"),
        (",female,chair,medicine,yes,2024-01-01,", "姓名/name: is required"),
        ("王芳,,chair,medicine,yes,2024-01-01,", "性别/gender: is required"),
        ("王芳,female,chair,medicine,,2024-01-01,", "所属/affiliation: is required"),
        (
            "王芳,female,chair,medicine,maybe,2024-01-01,",
            "所属/affiliation: 'maybe' is not affiliated or external (yes/no)",
        ),
        (
            '"王\x07芳",female,chair,medicine,yes,2024-01-01,',
            "姓名/name: contains control characters (line breaks, tabs or the like)",
        ),
        (
            '"王\n芳",female,chair,medicine,yes,2024-01-01,',
            "姓名/name: contains control characters (line breaks, tabs or the like)",
        ),
        (
            "王\u202e芳,female,chair,medicine,yes,2024-01-01,",
            "姓名/name: contains invisible text-direction characters",
        ),
        (
            "王" * 101 + ",female,chair,medicine,yes,2024-01-01,",
            "姓名/name: is longer than 100 characters",
        ),
        (
            "王芳,female,chair,medicine,yes,2024-01-01,,,surplus",
            "column 9: has a value but no column name in the header",
        ),
    ],
)
def test_cell_errors_name_line_and_column(row: str, message: str) -> None:
    """What the file's own format refuses: read without a database."""
    read = read_csv(csv_bytes(CELL_HEADER, row))
    assert not read.ok
    (error,) = read.rows[0].errors
    assert error.startswith(f"line 2: {message}"), error


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "王芳,female,chair,medicine,yes,2024-01-01,2023-12-31",
            "任期结束/term_end: is before term_start (2023-12-31 < 2024-01-01)",
        ),
        (
            "王芳,female,chair,medicine,yes,2024-01-01,,郭强",
            "候补/alternate_for: only an alternate sits for another member",
        ),
        (
            "王芳,female,alternate,medicine,yes,2024-01-01,",
            "候补/alternate_for: an alternate must name the member it sits for",
        ),
        (
            "王芳,female,alternate,medicine,yes,2024-01-01,,王芳",
            "候补/alternate_for: an alternate cannot sit for itself",
        ),
        (
            "王芳,female,alternate,medicine,yes,2024-01-01,,李四",
            "候补/alternate_for: 李四 is not a member in this file or on the committee",
        ),
        (
            "林晓,female,secretary,other,yes,2024-01-01,,,yes",
            "表决权/voting: a secretary who is not also a member does not vote",
        ),
        (
            "王芳,female,chair,medicine,yes,2024-01-01,,,,wang.example",
            "电子邮件/email: is not an e-mail address",
        ),
    ],
)
def test_seat_rules_name_line_and_column(database: Database, row: str, message: str) -> None:
    """What the roster services refuse: the rules of ``app.domain.membership`` (and the
    person's), with their wording, reported on the row by the preview."""
    committee = make_committee(database)
    data = csv_bytes(f"{CELL_HEADER},voting,email", row)
    assert read_csv(data).ok  # the file's format is fine
    with database.session_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, data, TODAY)
    assert checked.checked and not checked.ok
    assert checked.rows[0].errors == [f"line 2: {message}"]
    assert len(checked.rows[0].errors_zh) == 1


def test_names_are_unique_and_alternates_sit_for_members(database: Database) -> None:
    data = csv_bytes(
        "name,gender,roles,expertise,affiliation,term_start,alternate_for",
        "郭强,male,alternate,medicine,yes,2024-01-01,王芳",  # before its member: fine
        "王芳,female,chair,medicine,yes,2024-01-01,",
        "王芳,female,member,law,no,2024-01-01,",
        "徐明,male,alternate,medicine,yes,2024-01-01,郭强",
    )
    unique = ["line 4: 姓名/name: 王芳 is also on line 3; names must be unique within one import"]
    assert [r.errors for r in read_csv(data).rows] == [[], [], unique, []]
    committee = make_committee(database)
    with database.session_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, data, TODAY)
    assert [r.errors for r in checked.rows] == [
        [],
        [],
        unique,
        ["line 5: 候补/alternate_for: names another alternate, not a member"],
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf \r\n\r\n", "the file is empty"),
        (csv_bytes(EN_HEADER), "the file has a header but no members"),
        (
            csv_bytes("name,gender,roles,expertise,affiliation,term_start,shoe_size", "x"),
            "line 1: column 7: unknown column 'shoe_size' in the header",
        ),
        (
            csv_bytes("name,gender,roles,expertise,affiliation", "x"),
            "line 1: the header lacks required columns: 任期开始/term_start",
        ),
        (
            csv_bytes("姓名,name,gender,roles,expertise,affiliation,term_start", "x"),
            "line 1: column 2: 姓名/name appears twice in the header",
        ),
        (
            csv_bytes("name,gender,角色,roles,expertise,affiliation,term_start", "x"),
            "line 1: column 4: 职务/roles appears twice in the header",
        ),
        (b"\xff\xff\xff\x00name", "the file is neither UTF-8 nor GB18030"),
        (
            csv_bytes(EN_HEADER, "a" * 200_000 + ",female"),
            "line 2: not readable as CSV",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "header-only",
        "unknown",
        "missing",
        "twice",
        "old-and-new-name",
        "binary",
        "huge-cell",
    ],
)
def test_file_errors(data: bytes, message: str) -> None:
    read = read_csv(data)
    assert not read.ok and read.rows == []
    assert any(e.startswith(message) for e in read.file_errors), read.file_errors


def test_too_many_rows_is_a_file_error() -> None:
    rows = [f"M{i},female,member,lay,no,2024-01-01" for i in range(5_001)]
    read = read_csv(csv_bytes("name,gender,roles,expertise,affiliation,term_start", *rows))
    assert read.file_errors == ["the file has more than 5000 rows"]


def test_an_alternate_may_sit_for_a_member_already_on_the_committee(
    database: Database,
) -> None:
    committee = make_committee(database)
    other = new_committee(database, committee, "另一伦理委员会")
    seat = make_member(database, committee, "徐明", gender="male")
    data = csv_bytes(
        "name,gender,roles,expertise,affiliation,term_start,alternate_for",
        "郭强,male,alternate,medicine,yes,2024-01-01,徐明",
    )
    with database.session_scope() as s:  # on another committee, 徐明 is unknown
        elsewhere = preview_csv(s, SYSTEM, other, data, TODAY)
    assert elsewhere.errors == [
        "line 2: 候补/alternate_for: 徐明 is not a member in this file or on the committee"
    ]
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, data, TODAY)
        assert preview.ok, preview.errors
        (new,) = apply_import(s, SYSTEM, committee, preview, TODAY)
    with database.session_scope() as s:
        membership = s.get(Membership, new)
        assert membership is not None and membership.alternate_for_id == seat


def test_a_seat_taken_after_the_preview_refuses_the_whole_import(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, csv_bytes(*ZH_ROWS), TODAY)
    assert preview.ok
    make_member(database, committee, "黄磊", gender="male")
    before = table_counts(database)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview, TODAY)
    assert caught.value.field == "import"
    assert "line 3: 姓名/name: 黄磊 already holds a current seat" in caught.value.message
    assert table_counts(database) == before


def test_import_needs_permission_and_a_clean_preview(database: Database) -> None:
    committee = make_committee(database)
    viewer = Actor("viewer", "viewer")
    before = table_counts(database)
    with pytest.raises(PermissionDenied), database.session_scope() as s:
        preview_csv(s, viewer, committee, csv_bytes(*ZH_ROWS), TODAY)
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, csv_bytes(*ZH_ROWS), TODAY)
    assert preview.ok
    with pytest.raises(PermissionDenied), database.session_scope() as s:
        apply_import(s, viewer, committee, preview, TODAY)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, ImportPreview([], checked=True), TODAY)
    assert caught.value.message == "the file has no members; nothing was imported"
    assert table_counts(database) == before


def test_apply_refuses_a_file_that_was_only_read(database: Database) -> None:
    """A preview that was read but not checked against the committee is refused, however
    clean its rows: only ``preview`` runs the services' rules."""
    committee = make_committee(database)
    before = table_counts(database)
    for read in (read_csv(csv_bytes(*ZH_ROWS)), read_json(_roster_file(_member("a", "王芳")))):
        assert read.ok and not read.checked
        with pytest.raises(ValidationError) as caught, database.session_scope() as s:
            apply_import(s, SYSTEM, committee, read, TODAY)
        assert caught.value.field == "import"
        assert caught.value.message == (
            "the file was not checked against the committee; nothing was imported"
        )
        assert caught.value.localized_message("zh") == "文件尚未对照本委员会检查，未导入任何数据"
    assert table_counts(database) == before


def test_a_service_refusal_midway_writes_nothing(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        preview = preview_csv(s, SYSTEM, committee, csv_bytes(*ZH_ROWS), TODAY)
    preview.rows[2].values["expertise"] = ["astrology"]  # slips past the preview
    before = table_counts(database)
    with pytest.raises(ValidationError) as caught, database.session_scope() as s:
        apply_import(s, SYSTEM, committee, preview, TODAY)
    assert caught.value.field == "import"
    assert caught.value.message.startswith("line 4: 专业领域/expertise: must be one of")
    assert table_counts(database) == before


def test_a_preview_writes_nothing_yet_reports_what_the_services_refuse(
    database: Database,
) -> None:
    """The preview runs the import through the services (the good rows are seated, the
    alternate finds the seat already on the committee) inside a savepoint it rolls back: a
    write scope that then commits has written nothing. The refusal is on its line and
    column, in English and in Chinese one for one."""
    committee = make_committee(database)
    make_member(database, committee, "徐明", gender="male")
    data = csv_bytes(
        CELL_HEADER,
        "王芳,female,chair,medicine,affiliated,2024-01-01,2028-12-31,",
        "黄磊,male,member,law,external,2024-01-01,2023-12-31,",
        "郭强,male,alternate,medicine,affiliated,2024-01-01,,徐明",
    )
    before = table_counts(database)
    with database.write_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, data, TODAY)
        people = s.scalar(select(func.count()).select_from(Person))
    assert table_counts(database) == before
    assert people == before["person"]  # rolled back in the caller's transaction already
    assert checked.checked and not checked.ok and checked.clean_rows == 2
    assert [r.errors for r in checked.rows] == [
        [],
        ["line 3: 任期结束/term_end: is before term_start (2023-12-31 < 2024-01-01)"],
        [],
    ]
    assert [r.errors_in("zh_CN") for r in checked.rows] == [
        [],
        ["第 3 行：任期结束/term_end：不能早于任期开始（2023-12-31 < 2024-01-01）"],
        [],
    ]
    assert checked.errors_in("zh_CN") == checked.rows[1].errors_zh


def test_import_reports_its_progress_and_a_cancel_writes_nothing(database: Database) -> None:
    committee = make_committee(database)
    with database.session_scope() as s:
        checked = preview_csv(s, SYSTEM, committee, csv_bytes(*ZH_ROWS), TODAY)
    assert checked.ok, checked.errors
    before = table_counts(database)

    seen: list[int] = []

    def cancel_after_the_first_row(done: int, total: int, note: str) -> None:
        seen.append(done)
        if done >= 1:
            cancelling.cancel()

    cancelling = Progress(cancel_after_the_first_row)
    with pytest.raises(Cancelled), database.write_scope() as s:
        apply_import(s, SYSTEM, committee, checked, TODAY, cancelling)
    assert seen == [0, 1] and cancelling.cancelled
    assert table_counts(database) == before

    # The same preview imports in full afterwards, reporting each row and then the total.
    steps: list[tuple[int, int, str]] = []
    with database.write_scope() as s:
        ids = apply_import(
            s, SYSTEM, committee, checked, TODAY, Progress(lambda *step: steps.append(step))
        )
    assert steps == [
        (0, 4, "line 2"),
        (1, 4, "line 3"),
        (2, 4, "line 4"),
        (3, 4, "line 5"),
        (4, 4, ""),
    ]
    check_imported_committee(database, ids, profession="肿瘤内科")


def test_column_list_is_the_issue_s() -> None:
    assert [c.en for c in COLUMNS] == EN_HEADER.split(",")
    assert [c.zh for c in COLUMNS] == ZH_HEADER.split(",")
    assert [c.label for c in COLUMNS][:3] == ["姓名/name", "英文姓名/name_en", "性别/gender"]


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
    read = read_json(data)
    assert not read.ok and read.rows == []
    assert len(read.file_errors) == 1 and "\n" not in read.file_errors[0]
    assert read.file_errors[0].startswith(message), read.file_errors


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
    assert [r.errors for r in read_json(data).rows][4:] == [[], []]  # the file is fine there
    with database.session_scope() as s:
        preview = preview_json(s, SYSTEM, committee, data, TODAY)
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
    # The member m5 sits for cannot be seated, so neither can m5; names may repeat in JSON
    # (ids tell members apart).
    assert errors[4] == [
        "member m5 (张敏): alternate_for: m1 cannot be seated (see that row's problems)"
    ]
    assert errors[5] == []
    assert preview.rows[4].values["alternate_for"] == "m1"
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
        preview = preview_json(s, SYSTEM, committee, data, TODAY)
        assert preview.ok, preview.errors
        a, b, c, d = apply_import(s, SYSTEM, committee, preview, TODAY)
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
