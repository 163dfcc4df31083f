"""The regulatory profiles shipped in ``resources/rules``.

Each profile loads, is named after its id, and matches ``tests/data/profile_parameters.toml``
exactly — a table transcribed from the regulatory sources (REGULATIONS.md and DESIGN.md
section 5) independently of the profile files. Every rule carries a citation, an evidence
level and a bilingual message; a verified rule quotes its text. A malformed profile is refused
with the file, the dotted key and the reason.

Whether an article number was invented cannot be tested; the tests check what can be: that a
rule claiming verified evidence quotes the text it was verified against.
"""

from __future__ import annotations

import copy
import string
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.errors import ValidationError
from app.rules import DEFAULT_PROFILE, check_profile_id
from app.rules.profiles import (
    BALLOT_CODES,
    EVIDENCE,
    OUTCOME_ONLY_CODES,
    SEVERITIES,
    Profile,
    ProfileError,
    Rule,
    Text,
    load_profile,
    parse_profile,
    profile_dir,
    profile_ids,
    read_profile_file,
)

SHIPPED = {
    "cn-2023",
    "cn-2016",
    "cn-gcp-2020",
    "cn-most-2023",
    "ich-e6",
    "us-45cfr46",
    "us-21cfr56",
    "who-2011",
}
PARAMETERS: dict[str, dict[str, Any]] = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "profile_parameters.toml").read_text(encoding="utf-8")
)
# Message placeholders and the rule parameter each is filled from.
PLACEHOLDERS = ("min", "max_years", "max_months", "years")
REFERENCE = "cn-2023.toml"


def _profile(profile_id: str) -> Profile:
    return read_profile_file(profile_dir() / f"{profile_id}.toml")


def _all_rules() -> list[tuple[str, Rule]]:
    return [(pid, rule) for pid in sorted(SHIPPED) for rule in _profile(pid).rules()]


def _rule_label(case: tuple[str, Rule]) -> str:
    pid, rule = case
    return f"{pid}:{rule.id}:{rule.check or 'rule'}"


# --- the shipped set -------------------------------------------------------------------------


def test_the_shipped_profiles_are_exactly_the_eight() -> None:
    assert set(profile_ids()) == SHIPPED
    assert set(PARAMETERS) == SHIPPED


def test_the_default_profile_comes_first_then_the_others_by_id() -> None:
    assert profile_ids() == (DEFAULT_PROFILE, *sorted(SHIPPED - {DEFAULT_PROFILE}))


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_the_services_accept_exactly_the_shipped_profiles(profile_id: str) -> None:
    assert check_profile_id("profile_id", profile_id) == profile_id
    with pytest.raises(ValidationError) as raised:
        check_profile_id("profile_id", profile_id.upper())
    assert all(ident in raised.value.message for ident in SHIPPED)


def test_a_profile_has_a_short_title_for_menus_beside_its_title() -> None:
    profile = _profile(DEFAULT_PROFILE)
    assert profile.short_title == Text("中国：2023年审查办法", "China: 2023 Measures")
    assert profile.title.en.startswith("Measures for Ethical Review")


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_profile_loads_and_is_named_after_its_id(profile_id: str) -> None:
    profile = _profile(profile_id)
    assert profile.id == profile_id
    assert profile.file == f"{profile_id}.toml"
    assert load_profile(profile_id).id == profile_id


# --- the parameter table ---------------------------------------------------------------------


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_composition_checks_and_severities(profile_id: str) -> None:
    expected = PARAMETERS[profile_id]
    profile = _profile(profile_id)
    checks = {rule.vocabulary_check: rule.severity for rule in profile.composition}
    assert checks == expected["composition"]
    by_check = {rule.check: rule for rule in profile.composition}
    if "min_members" in expected:
        assert by_check["min_members"].params["min"] == expected["min_members"]
    else:
        assert "min_members" not in by_check
    if "term_length_years" in expected:
        assert by_check["term_length"].params["max_years"] == expected["term_length_years"]
    else:
        assert "term_length" not in by_check


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_quorum_checks(profile_id: str) -> None:
    expected = PARAMETERS[profile_id]
    profile = _profile(profile_id)
    assert {rule.vocabulary_check: rule.severity for rule in profile.quorum} == expected["quorum"]
    assert set(expected["quorum"].values()) == {"error"}
    (count,) = [rule for rule in profile.quorum if rule.check == "quorum_count"]
    assert count.params == {
        "more_than_half": expected["more_than_half"],
        "min_present": expected["min_present"],
    }


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_threshold_and_attendance(profile_id: str) -> None:
    expected = PARAMETERS[profile_id]
    profile = _profile(profile_id)
    assert profile.vote.params == {
        "base": expected["vote_base"],
        "fraction": expected["vote_fraction"],
    }
    assert profile.vote.evidence == expected["vote_evidence"]
    assert profile.attendance.params == {"remote_counts": expected["remote_counts"]}


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_decision_codes(profile_id: str) -> None:
    expected = PARAMETERS[profile_id]
    profile = _profile(profile_id)
    assert set(profile.ballot_codes) == set(expected["ballot_codes"])
    assert set(expected["ballot_codes"]) <= set(BALLOT_CODES)
    codes = {named.id for named in profile.decision_codes}
    assert codes == set(expected["ballot_codes"]) | set(OUTCOME_ONLY_CODES)


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_criteria_review_interval_and_retention(profile_id: str) -> None:
    expected = PARAMETERS[profile_id]
    profile = _profile(profile_id)
    if expected["criteria"]:
        assert len(profile.criteria_items) == expected["criteria"]
    else:
        # The sources give no list: a general one, which must not claim to be sourced.
        assert profile.criteria_items
        assert profile.criteria.evidence == "unverified"
    assert profile.continuing_review.params == {"max_months": expected["continuing_review_months"]}
    assert profile.retention.params == {"years": expected["retention_years"]}
    if expected["retention_years"] == 0:
        assert profile.retention.evidence == "unverified"


@pytest.mark.parametrize("profile_id", sorted(SHIPPED))
def test_sop_relaxable(profile_id: str) -> None:
    assert _profile(profile_id).sop_relaxable == frozenset(PARAMETERS[profile_id]["sop_relaxable"])


# --- every rule ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _all_rules(), ids=_rule_label)
def test_rule_is_cited_with_evidence_and_a_bilingual_message(case: tuple[str, Rule]) -> None:
    _, rule = case
    assert rule.id.strip()
    assert rule.severity in SEVERITIES
    assert rule.evidence in EVIDENCE
    assert rule.instrument.zh.strip() and rule.instrument.en.strip()
    assert rule.citation("zh").strip() and rule.citation("en").strip()
    assert rule.message.zh.strip() and rule.message.en.strip()
    # An article is known in both languages or in neither.
    assert bool(rule.article.zh.strip()) == bool(rule.article.en.strip())


@pytest.mark.parametrize("case", _all_rules(), ids=_rule_label)
def test_verified_rule_quotes_its_text(case: tuple[str, Rule]) -> None:
    _, rule = case
    if rule.evidence == "verified":
        assert rule.quote.zh.strip() and rule.quote.en.strip()


@pytest.mark.parametrize("case", _all_rules(), ids=_rule_label)
def test_message_placeholders_are_filled_from_the_rule(case: tuple[str, Rule]) -> None:
    _, rule = case
    for text in (rule.message.zh, rule.message.en):
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        assert names <= set(PLACEHOLDERS), text
        for name in names:
            # "0 years" is no requirement: a rule without the value says so in words.
            assert rule.params.get(name), f"{text!r} needs a non-zero {name}"
        text.format(**rule.params)


# --- malformed profiles ----------------------------------------------------------------------


def _reference() -> dict[str, Any]:
    return tomllib.loads((profile_dir() / REFERENCE).read_text(encoding="utf-8"))


def _composition_index(data: dict[str, Any], check: str) -> int:
    return next(i for i, rule in enumerate(data["composition"]) if rule["check"] == check)


def _unknown_top_level_key(data: dict[str, Any]) -> str:
    data["colour"] = "blue"
    return "colour"


def _missing_vote_base(data: dict[str, Any]) -> str:
    del data["vote"]["base"]
    return "vote.base"


def _fatal_severity(data: dict[str, Any]) -> str:
    data["composition"][0]["severity"] = "fatal"
    return "composition[0].severity"


def _evidence_maybe(data: dict[str, Any]) -> str:
    data["vote"]["evidence"] = "maybe"
    return "vote.evidence"


def _missing_instrument(data: dict[str, Any]) -> str:
    data["quorum"][0]["instrument"] = "statute"
    return "quorum[0].instrument"


def _mystery_check(data: dict[str, Any]) -> str:
    data["composition"][1]["check"] = "mystery"
    return "composition[1].check"


def _min_zero(data: dict[str, Any]) -> str:
    i = _composition_index(data, "min_members")
    data["composition"][i]["min"] = 0
    return f"composition[{i}].min"


def _duplicate_check(data: dict[str, Any]) -> str:
    i = _composition_index(data, "min_members")
    data["composition"].append(copy.deepcopy(data["composition"][i]))
    return "composition"


def _codes_without_acknowledge(data: dict[str, Any]) -> str:
    codes = data["decisions"]["codes"]
    data["decisions"]["codes"] = [code for code in codes if code["id"] != "acknowledge"]
    return "decisions.codes"


def _message_without_en(data: dict[str, Any]) -> str:
    data["composition"][0]["message"] = {"zh": data["composition"][0]["message"]["zh"]}
    return "composition[0].message"


def _missing_short_title(data: dict[str, Any]) -> str:
    del data["short_title"]
    return "short_title"


def _short_title_without_zh(data: dict[str, Any]) -> str:
    data["short_title"] = {"en": data["short_title"]["en"]}
    return "short_title"


def _schema_two(data: dict[str, Any]) -> str:
    data["schema"] = 2
    return "schema"


def _unknown_placeholder(data: dict[str, Any]) -> str:
    i = _composition_index(data, "min_members")
    data["composition"][i]["message"]["en"] = "At least {maximum} members"
    return f"{data['composition'][i]['id']}.message.en"


def _no_quorum_at_all(data: dict[str, Any]) -> str:
    i = next(i for i, rule in enumerate(data["quorum"]) if rule["check"] == "quorum_count")
    data["quorum"][i]["more_than_half"] = False
    data["quorum"][i]["min_present"] = 0
    return "quorum"


MUTATIONS: list[Callable[[dict[str, Any]], str]] = [
    _unknown_placeholder,
    _no_quorum_at_all,
    _unknown_top_level_key,
    _missing_vote_base,
    _fatal_severity,
    _evidence_maybe,
    _missing_instrument,
    _mystery_check,
    _min_zero,
    _duplicate_check,
    _codes_without_acknowledge,
    _message_without_en,
    _missing_short_title,
    _short_title_without_zh,
    _schema_two,
]


def test_the_reference_profile_parses_unchanged() -> None:
    assert parse_profile(_reference(), REFERENCE).id == "cn-2023"


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_malformed_profile_is_refused_with_file_key_and_reason(
    mutate: Callable[[dict[str, Any]], str],
) -> None:
    data = _reference()
    key = mutate(data)
    with pytest.raises(ProfileError) as caught:
        parse_profile(data, REFERENCE)
    error = caught.value
    assert (error.file, error.key) == (REFERENCE, key)
    assert error.reason.strip()
    assert str(error) == f"{REFERENCE}: {key}: {error.reason}"


def test_an_id_that_is_not_the_file_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cn-2016.toml"
    path.write_text((profile_dir() / REFERENCE).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile_file(path)
    assert (caught.value.file, caught.value.key) == ("cn-2016.toml", "id")
    assert "cn-2016.toml" in str(caught.value)
    assert "'cn-2023'" in caught.value.reason


def test_invalid_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema = 1\nid = "broken\n', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile_file(path)
    assert (caught.value.file, caught.value.key) == ("broken.toml", "(file)")
    assert "broken.toml" in str(caught.value)
    assert "not valid TOML" in caught.value.reason


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('schema = 1\nid = "latin"\nversion = "café"\n'.encode("latin-1"))
    with pytest.raises(ProfileError) as caught:
        read_profile_file(path)
    assert (caught.value.file, caught.value.key) == ("latin.toml", "(file)")
    assert "latin.toml" in str(caught.value)
    assert "UTF-8" in caught.value.reason
