"""The demo committee data (DESIGN.md section 9).

The same data every time: fixed names and values, and dates that are offsets from the day
it is built, so two builds on the same day give the same domain data (audit timestamps
aside). It goes through the same services as a user's actions, so it is audited like them,
in the caller's transaction (the command line and the welcome panel each run it as one
write).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.models import Base, Institution, Setting
from app.services import organisation, roster
from app.services.actors import Actor
from app.services.consultants import engage_consultant

DEMO_MARKER = "demo.built_on"


@dataclass(frozen=True)
class DemoMember:
    name_zh: str
    name_en: str
    gender: str
    role: str
    expertise: tuple[str, ...]
    affiliated: bool
    title: str
    profession: str
    employer: str
    degrees: str = ""
    ethnicity: str = "汉族"
    minority: bool = False
    term_days_left: int | None = None  # None: the committee's term


HOSPITAL = "明湖大学附属医院"
UNIVERSITY = "明湖大学"

RESEARCH_MEMBERS = (
    DemoMember(
        "王芳",
        "Wang Fang",
        "female",
        "chair",
        ("medicine",),
        True,
        "主任医师",
        "肿瘤内科",
        HOSPITAL,
        "医学博士",
    ),
    DemoMember(
        "李建国",
        "Li Jianguo",
        "male",
        "vice_chair",
        ("medicine",),
        True,
        "主任医师",
        "心血管内科",
        HOSPITAL,
        "医学博士",
    ),
    DemoMember(
        "张敏",
        "Zhang Min",
        "female",
        "member",
        ("pharmacy",),
        True,
        "主任药师",
        "临床药学",
        HOSPITAL,
        "药学硕士",
    ),
    DemoMember(
        "刘洋",
        "Liu Yang",
        "male",
        "member",
        ("life_science",),
        False,
        "教授",
        "细胞生物学",
        f"{UNIVERSITY}生命科学学院",
        "理学博士",
    ),
    DemoMember(
        "陈静",
        "Chen Jing",
        "female",
        "member",
        ("nursing",),
        True,
        "主任护师",
        "护理部",
        HOSPITAL,
        "护理学硕士",
    ),
    DemoMember(
        "杨帆",
        "Yang Fan",
        "male",
        "member",
        ("statistics",),
        True,
        "副研究员",
        "医学统计",
        HOSPITAL,
        "理学博士",
    ),
    DemoMember(
        "赵丽",
        "Zhao Li",
        "female",
        "member",
        ("bioethics",),
        False,
        "教授",
        "生命伦理学",
        f"{UNIVERSITY}哲学系",
        "哲学博士",
    ),
    DemoMember(
        "黄磊",
        "Huang Lei",
        "male",
        "member",
        ("law",),
        False,
        "律师",
        "医事法律",
        "明湖正信律师事务所",
        "法学硕士",
    ),
    DemoMember(
        "周婷",
        "Zhou Ting",
        "female",
        "member",
        ("lay",),
        False,
        "社区工作者",
        "社区服务",
        "明湖市东湖街道",
        "学士",
    ),
    DemoMember(
        "吴刚",
        "Wu Gang",
        "male",
        "member",
        ("sociology",),
        False,
        "副教授",
        "社会学",
        f"{UNIVERSITY}社会学院",
        "社会学博士",
    ),
    DemoMember(
        "徐明",
        "Xu Ming",
        "male",
        "member",
        ("medicine",),
        True,
        "副主任医师",
        "儿科",
        HOSPITAL,
        "医学博士",
    ),
    DemoMember(
        "孙悦",
        "Sun Yue",
        "female",
        "member",
        ("medicine",),
        True,
        "主任医师",
        "妇产科",
        HOSPITAL,
        "医学博士",
        term_days_left=45,
    ),
    DemoMember(
        "马超",
        "Ma Chao",
        "male",
        "member",
        ("medicine",),
        True,
        "副主任医师",
        "神经内科",
        HOSPITAL,
        "医学硕士",
        "回族",
        True,
    ),
    DemoMember(
        "朱琳",
        "Zhu Lin",
        "female",
        "member",
        ("bioethics",),
        False,
        "副教授",
        "医学伦理学",
        f"{UNIVERSITY}医学院",
        "哲学博士",
    ),
    DemoMember(
        "胡波",
        "Hu Bo",
        "male",
        "member",
        ("lay",),
        False,
        "退休教师",
        "中学教育",
        "明湖市第三中学（退休）",
        "学士",
    ),
)
RESEARCH_ALTERNATE = DemoMember(
    "郭强",
    "Guo Qiang",
    "male",
    "alternate",
    ("medicine",),
    True,
    "主治医师",
    "儿科",
    HOSPITAL,
    "医学硕士",
)
RESEARCH_SECRETARY = DemoMember(
    "林晓",
    "Lin Xiao",
    "female",
    "secretary",
    ("other",),
    True,
    "助理研究员",
    "伦理委员会办公室",
    HOSPITAL,
    "管理学硕士",
)
CONSULTANT = DemoMember(
    "何伟",
    "He Wei",
    "male",
    "consultant",
    ("medicine",),
    False,
    "教授",
    "小儿血液肿瘤",
    "明湖儿童医院",
    "医学博士",
)

DRUG_TRIAL_MEMBERS = (
    DemoMember(
        "钱卫东",
        "Qian Weidong",
        "male",
        "chair",
        ("medicine",),
        True,
        "主任医师",
        "呼吸内科",
        HOSPITAL,
        "医学博士",
    ),
    DemoMember(
        "冯雪",
        "Feng Xue",
        "female",
        "vice_chair",
        ("pharmacy",),
        True,
        "主任药师",
        "药物临床试验机构",
        HOSPITAL,
        "药学博士",
    ),
    DemoMember(
        "蒋涛",
        "Jiang Tao",
        "male",
        "member",
        ("medicine",),
        True,
        "副主任医师",
        "消化内科",
        HOSPITAL,
        "医学博士",
    ),
    DemoMember(
        "沈丹",
        "Shen Dan",
        "female",
        "member",
        ("bioethics",),
        False,
        "副教授",
        "医学伦理学",
        f"{UNIVERSITY}医学院",
        "哲学博士",
    ),
    DemoMember(
        "韩冰",
        "Han Bing",
        "female",
        "member",
        ("law",),
        False,
        "律师",
        "医药法律",
        "明湖正信律师事务所",
        "法学硕士",
    ),
    DemoMember(
        "唐宁",
        "Tang Ning",
        "male",
        "member",
        ("lay",),
        False,
        "企业职员",
        "财务",
        "明湖市自来水公司",
        "学士",
    ),
    DemoMember(
        "曹颖",
        "Cao Ying",
        "female",
        "member",
        ("statistics",),
        True,
        "研究员",
        "临床研究中心",
        HOSPITAL,
        "理学博士",
    ),
)


def has_records(session: Session) -> bool:
    """Does the database hold any institution (real data or a demo)?"""
    return bool(session.scalar(select(func.count()).select_from(Institution)))


def is_demo(session: Session) -> bool:
    return session.get(Setting, DEMO_MARKER) is not None


def clear_demo(session: Session) -> None:
    """Remove an earlier demo — every row of every table, the audit chain with it — so that
    a new one can be built. Refused unless the database holds only a demo: it never touches
    a committee's real data."""
    if has_records(session) and not is_demo(session):
        raise UserError(
            "this data dir holds a committee's real data; the demo is built only into an empty "
            "data dir or over an earlier demo (use --data-dir)",
            zh="此数据目录存有委员会的真实数据；演示数据只能生成在空数据目录中，"
            "或覆盖先前的演示数据（请用 --data-dir 指定其他目录）",
        )
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(table.delete())
    session.flush()


def build_demo(session: Session, actor: Actor, today: date) -> None:
    """Fill an empty database with the demo institution, committees and rosters (dates are
    offsets from ``today``)."""
    if has_records(session):
        raise UserError(
            "the demo is built only into an empty database; this one holds committees",
            zh="演示数据只能生成在空数据库中，此数据库已有委员会",
        )
    term_start = today - timedelta(days=700)
    term_end = date(term_start.year + 5, term_start.month, 1) - timedelta(days=1)
    s = session
    hospital = organisation.create_institution(
        s,
        actor,
        name_zh=HOSPITAL,
        name_en="Minghu University Affiliated Hospital",
        address="明湖市湖滨路 88 号",
    )
    research = organisation.create_committee(
        s,
        actor,
        institution_id=hospital.id,
        name_zh="医学伦理委员会",
        name_en="Medical Research Ethics Committee",
        filing_number="MH-IRB-2021-07",
        filing_authority="明湖市卫生健康委员会",
        profile_id="cn-2023",
        effective_from=term_start,
        acceptance_pattern="KY-{yyyy}-{seq:03d}",
        letter_pattern="KYPJ-{yyyy}-{seq:03d}",
    )
    drug = organisation.create_committee(
        s,
        actor,
        institution_id=hospital.id,
        name_zh="药物临床试验伦理委员会",
        name_en="Drug Clinical Trial Ethics Committee",
        filing_number="MH-GCP-2020-03",
        filing_authority="明湖市卫生健康委员会",
        profile_id="cn-gcp-2020",
        effective_from=term_start,
        acceptance_pattern="YW-{yyyy}-{seq:03d}",
        letter_pattern="YWPJ-{yyyy}-{seq:03d}",
    )
    for committee in (research, drug):
        organisation.add_term(
            s,
            actor,
            committee.id,
            number=3,
            start_date=term_start,
            end_date=term_end,
            appointment_document=f"明医发〔{term_start.year}〕12号",
        )
    seats: dict[str, int] = {}
    for member in RESEARCH_MEMBERS:
        seats[member.name_zh] = _seat(s, actor, research.id, member, term_start, term_end, today)
    _seat(
        s,
        actor,
        research.id,
        RESEARCH_ALTERNATE,
        term_start,
        term_end,
        today,
        alternate_for=seats["徐明"],
    )
    _seat(s, actor, research.id, RESEARCH_SECRETARY, term_start, term_end, today)
    for member in DRUG_TRIAL_MEMBERS:
        _seat(s, actor, drug.id, member, term_start, term_end, today)
    consultant = roster.create_person(s, actor, **_person_fields(CONSULTANT))
    engage_consultant(
        s,
        actor,
        committee_id=research.id,
        person_id=consultant.id,
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=150),
        expertise="medicine",
        coi_declared_on=today - timedelta(days=30),
        confidentiality_signed_on=today - timedelta(days=30),
        note="儿童白血病 CAR-T 项目的独立顾问 / consultant for a paediatric CAR-T study",
    )
    s.add(Setting(key=DEMO_MARKER, value=today.isoformat()))


def _person_fields(member: DemoMember) -> dict[str, Any]:
    return {
        "name_zh": member.name_zh,
        "name_en": member.name_en,
        "gender": member.gender,
        "title": member.title,
        "profession": member.profession,
        "employer": member.employer,
        "degrees": member.degrees,
        "ethnicity": member.ethnicity,
        "minority": member.minority,
        "consent_publish": True,
    }


def _seat(
    s: Session,
    actor: Actor,
    committee_id: int,
    member: DemoMember,
    start: date,
    end: date,
    today: date,
    alternate_for: int | None = None,
) -> int:
    person = roster.create_person(s, actor, **_person_fields(member))
    seat_end = today + timedelta(days=member.term_days_left) if member.term_days_left else end
    membership = roster.add_membership(
        s,
        actor,
        committee_id=committee_id,
        person_id=person.id,
        roles=[member.role],
        expertise=list(member.expertise),
        affiliated=member.affiliated,
        term_start=start,
        term_end=seat_end,
        alternate_for_id=alternate_for,
    )
    course_day = start + timedelta(days=30)
    expires = (
        today + timedelta(days=60)
        if member.term_days_left
        else course_day + timedelta(days=3 * 365)
    )
    roster.add_training(
        s,
        actor,
        person_id=person.id,
        course="GCP 与伦理审查培训 / GCP and ethics review training",
        taken_on=course_day,
        hours=8,
        expires_on=expires,
    )
    for kind in ("confidentiality", "conflict_of_interest"):
        roster.add_declaration(
            s,
            actor,
            person_id=person.id,
            committee_id=committee_id,
            kind=kind,
            scope="standing",
            signed_on=start,
            valid_until=seat_end,
        )
    return int(membership.id)
