"""One vocabulary: every domain code has its Chinese and English name in one module, and the
schema, the roster files, the rules and the screens all take their words from it."""

from __future__ import annotations

import re

import pytest

from app.domain import vocabulary
from app.domain.vocabulary import FIELDS, GENDERS, ROLES, Vocabulary, field_name
from app.models import Base
from app.services.roster_io import COLUMNS

CJK = re.compile(r"[\u4e00-\u9fff]")
VOCABULARIES = {
    name: value for name, value in vars(vocabulary).items() if isinstance(value, Vocabulary)
}


def test_there_are_vocabularies_to_check() -> None:
    assert {"GENDERS", "ROLES", "EXPERTISE", "SUBMISSION_KINDS", "FIELDS"} <= set(VOCABULARIES)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_every_term_has_a_chinese_and_an_english_name(name: str) -> None:
    words = VOCABULARIES[name]
    assert len(set(words.codes)) == len(words.codes)
    for term in words.terms:
        assert CJK.search(term.zh), (name, term.code)
        assert term.en and term.en.isascii() and not CJK.search(term.en), (name, term.code)
        assert term.en[0].isupper() or not term.en[0].isalpha(), (name, term.code)  # a label
        if words is not FIELDS:  # fields may share a name (role, roles: 职务)
            assert words.code_of(term.zh) == term.code and words.code_of(term.en) == term.code


def test_names_come_in_the_language_asked_for() -> None:
    assert GENDERS.name("female", "zh_CN") == "女" and GENDERS.name("female", "en") == "Female"
    assert ROLES.in_sentence("vice_chair", "en") == "vice-chair"
    assert ROLES.names(["chair", "secretary"], "zh") == "主任委员、秘书"
    assert field_name("stem_cell.cell_type", "zh") == "干细胞研究信息·细胞类型"
    assert GENDERS.name("robot", "en") == "robot"  # an unknown code is shown as it is


def _checks(table: str) -> set[str]:
    return {
        str(c.sqltext)
        for c in Base.metadata.tables[table].constraints
        if c.__class__.__name__ == "CheckConstraint"
    }


def test_the_schema_checks_the_vocabulary_s_codes() -> None:
    assert "gender IN (" + ", ".join(f"'{g}'" for g in GENDERS) + ")" in _checks("person")
    assert "role IN (" + ", ".join(f"'{r}'" for r in ROLES) + ")" in _checks("membership_role")


def test_the_roster_file_uses_the_screen_s_words() -> None:
    zh = {c.en: c.zh for c in COLUMNS}
    # 职称 is the title, 专业 the profession, 候补 the seat an alternate sits for, 职务 and 所属
    # as the roster table heads its columns
    assert zh["title"] == "职称" == FIELDS.name("title", "zh")
    assert zh["profession"] == "专业" == FIELDS.name("profession", "zh")
    assert zh["alternate_for"] == "候补"
    assert zh["roles"] == "职务" == FIELDS.name("roles", "zh")
    assert zh["affiliation"] == "所属" == FIELDS.name("affiliation", "zh")
    for column in COLUMNS:
        if column.en != "name_en":  # the one column with a header of its own: 英文姓名
            assert column.zh == FIELDS.name(column.en, "zh")
