"""Regulatory profiles: TOML files in ``resources/rules/``, read and checked against the
schema of ``resources/rules/SCHEMA.md``.

Every rule of a profile carries an id, a severity, a citation (an instrument of the profile
and an article, left empty where the article is not known), a quote and an evidence level.
A malformed profile raises ProfileError naming the file, the key and the reason.

The profiles are the files of the folder: ``profile_ids()`` is the one list the CLI, the
services and the UI offer, so adding a jurisdiction is adding a file. The list and the loaded
profiles are cached for the process; ``clear_caches()`` forgets them (tests that point
``ETHICSDESK_RESOURCES`` elsewhere call it).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.vocabulary import EVIDENCE as EVIDENCE_LEVELS
from app.domain.vocabulary import REQUIRABLE_EXPERTISE
from app.domain.vocabulary import SEVERITIES as SEVERITY_CODES
from app.errors import UserError
from app.resources import resource_path
from app.rules import DEFAULT_PROFILE

SEVERITIES = SEVERITY_CODES.codes
EVIDENCE = EVIDENCE_LEVELS.codes
LANGS = ("zh", "en")

# Roster checks with the parameters each takes (DESIGN.md section 5's vocabulary).
COMPOSITION_CHECKS: dict[str, tuple[str, ...]] = {
    "min_members": ("min",),
    "required_expertise": ("category",),
    "non_affiliated_member": (),
    "lay_member": (),
    "nonscientist_member": (),
    "scientist_member": (),
    "gender_diversity": (),
    "single_profession": (),
    "minority_member": (),
    "chair": (),
    "term_length": ("max_years",),
    "term_expired": (),
}
QUORUM_CHECKS: dict[str, tuple[str, ...]] = {
    "quorum_count": ("more_than_half", "min_present"),
    "quorum_category": ("category",),
    "quorum_scientist": (),
    "quorum_nonscientist": (),
    "quorum_lay": (),
    "quorum_non_affiliated": (),
    "quorum_gender": (),
}
BALLOT_CHECKS = ("consultant_vote", "recused_vote", "duplicate_vote", "ineligible_vote")
THRESHOLD_BASES = ("all_members", "present")
THRESHOLD_FRACTIONS = ("more_than_half", "two_thirds")
BALLOT_CODES = (
    "approve",
    "approve_with_modifications",
    "revise_and_resubmit",
    "disapprove",
    "suspend",
    "terminate",
    "continue",
)
OUTCOME_ONLY_CODES = ("acknowledge", "exempt")
CRITERIA_SCALES = ("score_1_5", "yes_no_na")
SOP_KEYS = (
    "remote_counts",
    "quorum_min_present",
    "threshold_base",
    "threshold_fraction",
    "required_expertise",
    "continuing_review_months",
    "named_votes",
)


class ProfileError(UserError):
    """A profile file does not follow the schema."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        super().__init__(f"{file}: {key}: {reason}")


@dataclass(frozen=True)
class Text:
    """A text in Chinese and English."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        first, second = (self.zh, self.en) if lang.startswith("zh") else (self.en, self.zh)
        return first or second


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    instrument: Text
    article: Text
    quote: Text
    evidence: str
    message: Text
    check: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    def citation(self, lang: str) -> str:
        instrument = self.instrument.pick(lang)
        article = self.article.pick(lang)
        return f"{instrument} {article}".strip() if article else instrument

    @property
    def vocabulary_check(self) -> str:
        """The check name as DESIGN.md writes it (``required_expertise:law``)."""
        if self.check in ("required_expertise", "quorum_category"):
            return f"{self.check}:{self.params['category']}"
        return self.check


@dataclass(frozen=True)
class Named:
    id: str
    name: Text


@dataclass(frozen=True)
class Profile:
    id: str
    version: str
    title: Text
    short_title: Text
    jurisdiction: str
    file: str
    composition: tuple[Rule, ...]
    quorum: tuple[Rule, ...]
    attendance: Rule
    vote: Rule
    eligibility: Rule
    decisions: Rule
    decision_codes: tuple[Named, ...]
    criteria: Rule
    criteria_items: tuple[Named, ...]
    expedited: Rule
    expedited_cases: tuple[Named, ...]
    continuing_review: Rule
    retention: Rule
    letter: Rule
    letter_fields: tuple[Named, ...]
    minutes: Rule
    minutes_fields: tuple[Named, ...]
    sop_relaxable: frozenset[str]

    @property
    def ballot_codes(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.decision_codes if d.id in BALLOT_CODES)

    def decision_name(self, code: str, lang: str) -> str:
        for named in self.decision_codes:
            if named.id == code:
                return named.name.pick(lang)
        return code

    def rules(self) -> list[Rule]:
        return [
            *self.composition,
            *self.quorum,
            self.attendance,
            self.vote,
            self.eligibility,
            self.decisions,
            self.criteria,
            self.expedited,
            self.continuing_review,
            self.retention,
            self.letter,
            self.minutes,
        ]


# --- reading ----------------------------------------------------------------------------


class _Reader:
    """Walks a parsed TOML document, raising ProfileError with the dotted key."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, reason: str) -> ProfileError:
        return ProfileError(self.file, key, reason)

    def table(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(f"{where}{key}", "missing, or not a table")
        return value

    def tables(
        self, data: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False
    ) -> list[Mapping[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(f"{where}{key}", "missing, or not an array of tables")
        if not value and not allow_empty:
            raise self.fail(f"{where}{key}", "is empty")
        return value

    def string(
        self, data: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False
    ) -> str:
        value = data.get(key)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(f"{where}{key}", "missing, or not a non-empty string")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> Text:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(f"{where}{key}", "missing, or not a table with zh and en")
        unknown = set(value) - set(LANGS)
        if unknown:
            raise self.fail(
                f"{where}{key}.{sorted(unknown)[0]}", "unknown language (use zh and en)"
            )
        zh, en = value.get("zh", ""), value.get("en", "")
        if not isinstance(zh, str) or not isinstance(en, str):
            raise self.fail(f"{where}{key}", "zh and en must be strings")
        if required and not (zh.strip() and en.strip()):
            raise self.fail(f"{where}{key}", "needs both zh and en")
        return Text(zh, en)

    def keys(self, data: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(f"{where}{key}", "unknown key")

    def choice(
        self, data: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str
    ) -> str:
        value = data.get(key)
        if value not in allowed:
            raise self.fail(f"{where}{key}", f"must be one of {', '.join(allowed)} (got {value!r})")
        return str(value)

    def integer(self, data: Mapping[str, Any], key: str, where: str, minimum: int = 0) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(f"{where}{key}", f"must be a whole number of at least {minimum}")
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        value = data.get(key)
        if not isinstance(value, bool):
            raise self.fail(f"{where}{key}", "must be true or false")
        return value


_RULE_KEYS = ("id", "severity", "instrument", "article", "quote", "evidence", "message")


def _rule(
    r: _Reader,
    data: Mapping[str, Any],
    where: str,
    instruments: Mapping[str, Text],
    extra: tuple[str, ...] = (),
) -> Rule:
    r.keys(data, (*_RULE_KEYS, *extra), where)
    instrument_key = r.string(data, "instrument", where)
    if instrument_key not in instruments:
        raise r.fail(
            f"{where}instrument", f"names no instrument of this profile ({instrument_key!r})"
        )
    return Rule(
        id=r.string(data, "id", where),
        severity=r.choice(data, "severity", SEVERITIES, where),
        instrument=instruments[instrument_key],
        article=r.text(data, "article", where, required=False),
        quote=r.text(data, "quote", where, required=False),
        evidence=r.choice(data, "evidence", EVIDENCE, where),
        message=r.text(data, "message", where),
    )


def _checked_rule(
    r: _Reader,
    data: Mapping[str, Any],
    where: str,
    instruments: Mapping[str, Text],
    checks: Mapping[str, tuple[str, ...]],
) -> Rule:
    check = r.choice(data, "check", tuple(checks), where)
    params_names = checks[check]
    base = _rule(r, data, where, instruments, ("check", *params_names))
    params: dict[str, Any] = {}
    for name in params_names:
        if name in ("min", "max_years", "min_present"):
            params[name] = r.integer(data, name, where, minimum=0 if name == "min_present" else 1)
        elif name == "more_than_half":
            params[name] = r.boolean(data, name, where)
        elif name == "category":
            params[name] = r.choice(data, name, REQUIRABLE_EXPERTISE.codes, where)
    return Rule(**{**base.__dict__, "check": check, "params": params})


def _named_list(
    r: _Reader,
    data: Mapping[str, Any],
    key: str,
    where: str,
    allowed_ids: tuple[str, ...] | None = None,
) -> tuple[Named, ...]:
    result = []
    seen: set[str] = set()
    for i, item in enumerate(r.tables(data, key, where)):
        at = f"{where}{key}[{i}]."
        r.keys(item, ("id", "name"), at)
        ident = r.choice(item, "id", allowed_ids, at) if allowed_ids else r.string(item, "id", at)
        if ident in seen:
            raise r.fail(f"{at}id", f"{ident!r} is listed twice")
        seen.add(ident)
        result.append(Named(ident, r.text(item, "name", at)))
    return tuple(result)


def parse_profile(data: Mapping[str, Any], file: str) -> Profile:
    r = _Reader(file)
    top = (
        "schema",
        "id",
        "version",
        "title",
        "short_title",
        "jurisdiction",
        "instruments",
        "composition",
        "quorum",
        "attendance",
        "vote",
        "eligibility",
        "decisions",
        "criteria",
        "expedited",
        "continuing_review",
        "retention",
        "letter",
        "minutes",
        "sop",
    )
    r.keys(data, top, "")
    if data.get("schema") != 1:
        raise r.fail("schema", "must be 1")
    instruments: dict[str, Text] = {}
    for key, value in r.table(data, "instruments", "").items():
        if not isinstance(value, Mapping):
            raise r.fail(f"instruments.{key}", "must be a table with a title")
        r.keys(value, ("title", "url"), f"instruments.{key}.")
        instruments[key] = r.text(value, "title", f"instruments.{key}.")
    composition = tuple(
        _checked_rule(r, item, f"composition[{i}].", instruments, COMPOSITION_CHECKS)
        for i, item in enumerate(r.tables(data, "composition", ""))
    )
    quorum = tuple(
        _checked_rule(r, item, f"quorum[{i}].", instruments, QUORUM_CHECKS)
        for i, item in enumerate(r.tables(data, "quorum", ""))
    )
    if not any(q.check == "quorum_count" for q in quorum):
        raise r.fail("quorum", "needs a quorum_count rule")
    attendance_data = r.table(data, "attendance", "")
    attendance = _rule(r, attendance_data, "attendance.", instruments, ("remote_counts",))
    attendance = Rule(
        **{
            **attendance.__dict__,
            "params": {"remote_counts": r.boolean(attendance_data, "remote_counts", "attendance.")},
        }
    )
    vote_data = r.table(data, "vote", "")
    vote = _rule(r, vote_data, "vote.", instruments, ("base", "fraction"))
    vote = Rule(
        **{
            **vote.__dict__,
            "params": {
                "base": r.choice(vote_data, "base", THRESHOLD_BASES, "vote."),
                "fraction": r.choice(vote_data, "fraction", THRESHOLD_FRACTIONS, "vote."),
            },
        }
    )
    eligibility = _rule(r, r.table(data, "eligibility", ""), "eligibility.", instruments)
    decisions_data = r.table(data, "decisions", "")
    decisions = _rule(r, decisions_data, "decisions.", instruments, ("codes",))
    codes = _named_list(
        r, decisions_data, "codes", "decisions.", (*BALLOT_CODES, *OUTCOME_ONLY_CODES)
    )
    for needed in OUTCOME_ONLY_CODES:
        if needed not in {c.id for c in codes}:
            raise r.fail("decisions.codes", f"must include the outcome {needed!r}")
    if not any(c.id in BALLOT_CODES for c in codes):
        raise r.fail("decisions.codes", "needs at least one code members can vote for")
    criteria_data = r.table(data, "criteria", "")
    criteria = _rule(r, criteria_data, "criteria.", instruments, ("scale", "items"))
    criteria = Rule(
        **{
            **criteria.__dict__,
            "params": {"scale": r.choice(criteria_data, "scale", CRITERIA_SCALES, "criteria.")},
        }
    )
    criteria_items = _named_list(r, criteria_data, "items", "criteria.")
    expedited_data = r.table(data, "expedited", "")
    expedited = _rule(r, expedited_data, "expedited.", instruments, ("cases",))
    expedited_cases = _named_list(r, expedited_data, "cases", "expedited.")
    cr_data = r.table(data, "continuing_review", "")
    continuing = _rule(r, cr_data, "continuing_review.", instruments, ("max_months",))
    continuing = Rule(
        **{
            **continuing.__dict__,
            "params": {"max_months": r.integer(cr_data, "max_months", "continuing_review.")},
        }
    )
    retention_data = r.table(data, "retention", "")
    retention = _rule(r, retention_data, "retention.", instruments, ("years",))
    retention = Rule(
        **{
            **retention.__dict__,
            "params": {"years": r.integer(retention_data, "years", "retention.")},
        }
    )
    letter_data = r.table(data, "letter", "")
    letter = _rule(r, letter_data, "letter.", instruments, ("fields",))
    letter_fields = _named_list(r, letter_data, "fields", "letter.")
    minutes_data = r.table(data, "minutes", "")
    minutes = _rule(r, minutes_data, "minutes.", instruments, ("fields",))
    minutes_fields = _named_list(r, minutes_data, "fields", "minutes.")
    sop_data = r.table(data, "sop", "")
    r.keys(sop_data, ("relaxable",), "sop.")
    relaxable = sop_data.get("relaxable")
    if not isinstance(relaxable, list) or any(k not in SOP_KEYS for k in relaxable):
        raise r.fail(
            "sop.relaxable", f"must be a list of SOP override names ({', '.join(SOP_KEYS)})"
        )

    profile = Profile(
        id=r.string(data, "id", ""),
        version=r.string(data, "version", ""),
        title=r.text(data, "title", ""),
        short_title=r.text(data, "short_title", ""),
        jurisdiction=r.string(data, "jurisdiction", ""),
        file=file,
        composition=composition,
        quorum=quorum,
        attendance=attendance,
        vote=vote,
        eligibility=eligibility,
        decisions=decisions,
        decision_codes=codes,
        criteria=criteria,
        criteria_items=criteria_items,
        expedited=expedited,
        expedited_cases=expedited_cases,
        continuing_review=continuing,
        retention=retention,
        letter=letter,
        letter_fields=letter_fields,
        minutes=minutes,
        minutes_fields=minutes_fields,
        sop_relaxable=frozenset(relaxable),
    )
    for rule in profile.rules():
        for lang in LANGS:
            try:
                getattr(rule.message, lang).format(**rule.params)
            except (KeyError, IndexError, ValueError) as exc:
                raise r.fail(
                    f"{rule.id}.message.{lang}", f"placeholder not filled by the rule: {exc}"
                ) from exc
    count_rule = next(q for q in quorum if q.check == "quorum_count")
    if not count_rule.params["more_than_half"] and count_rule.params["min_present"] < 1:
        raise r.fail("quorum", "quorum_count needs more_than_half or a min_present of at least 1")
    for section, rules in (("composition", composition), ("quorum", quorum)):
        checks = [c.vocabulary_check for c in rules]
        duplicates = sorted({c for c in checks if checks.count(c) > 1})
        if duplicates:
            raise r.fail(section, f"check {duplicates[0]!r} appears twice")
    return profile


def read_profile_file(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path.name, "(file)", f"not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(path.name, "(file)", "not UTF-8 text") from exc
    profile = parse_profile(data, path.name)
    if f"{profile.id}.toml" != path.name:
        raise ProfileError(path.name, "id", f"{profile.id!r} does not match the file name")
    return profile


def profile_dir() -> Path:
    return resource_path("rules")


@cache
def profile_ids() -> tuple[str, ...]:
    """The ids of the profile files (``*.toml`` not starting with ``_``): the default profile
    first, then the others by id. Cached; see ``clear_caches``."""
    found = {p.stem for p in profile_dir().glob("*.toml") if not p.name.startswith("_")}
    return tuple(sorted(found, key=lambda ident: (ident != DEFAULT_PROFILE, ident)))


def clear_caches() -> None:
    """Forget the cached profile list and loaded profiles (after the folder changed)."""
    profile_ids.cache_clear()
    load_profile.cache_clear()


@cache
def load_profile(profile_id: str) -> Profile:
    if profile_id not in profile_ids():
        raise ProfileError(
            f"{profile_id}.toml", "id", f"no such profile (known: {', '.join(profile_ids())})"
        )
    return read_profile_file(profile_dir() / f"{profile_id}.toml")
