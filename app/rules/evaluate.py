"""Evaluation of a roster and a meeting against a profile (DESIGN.md section 5, exactly).

Pure functions over plain facts: counted members and composition on a date; presence per
item (per-item attendance, remote attendance, alternates taking seats, recusals); quorum;
ballot eligibility; the tally against the threshold; the outcome or no decision.

Evaluation knows no language. A ``Finding`` holds its rule, a key of
``resources/rules/_messages.toml`` and that message's parameters as plain values (numbers,
dates, names, category codes, counts); ``message_in(lang)``, ``citation_in(lang)`` and
``as_json(lang)`` render it, so one evaluation can be shown in Chinese, English or both.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from app.domain.seats import run_out
from app.domain.vocabulary import REQUIRABLE_EXPERTISE
from app.resources import resource_path
from app.rules.facts import Item, Meeting, Member, Roster
from app.rules.profiles import Profile, Rule, Text
from app.rules.sop import Parameters, Relaxation, resolve
from app.rules.thresholds import threshold as compute_threshold


@dataclass(frozen=True)
class Finding:
    """One check's verdict, in no language.

    ``rule`` is the rule's id and ``source`` the rule itself (its requirement and citation
    in both languages). The message is the requirement, a colon and the detail ``detail`` (a
    key of ``_messages.toml``) filled with ``params``; a ballot finding
    (``with_requirement`` false) says the detail alone. ``params`` holds language-neutral
    values: ``names`` a tuple of names, ``category`` a category code, ``counts`` the
    (code, count) pairs of a tally; the rest (numbers, dates, a member's name) as they are.
    """

    check: str
    ok: bool
    severity: str
    rule: str
    evidence: str
    source: Rule = field(compare=False, repr=False)
    detail: str
    params: tuple[tuple[str, Any], ...] = ()
    member: str | None = None
    with_requirement: bool = True

    def message_in(self, lang: str) -> str:
        """The requirement and what was found, in ``lang`` (``zh``, ``zh_CN`` or ``en``)."""
        language = _lang(lang)
        found = _render_detail(self.detail, language, self.params)
        if not self.with_requirement:
            return found
        return f"{_requirement(self.source, language)}{_COLON[language]}{found}"

    def citation_in(self, lang: str) -> str:
        """The rule's instrument and article, in ``lang``."""
        return self.source.citation(_lang(lang))

    def as_json(self, lang: str) -> dict[str, Any]:
        """The finding as ``check --json`` prints it (DESIGN.md section 5), in ``lang``."""
        out: dict[str, Any] = {
            "check": self.check,
            "ok": self.ok,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message_in(lang),
            "citation": self.citation_in(lang),
            "evidence": self.evidence,
        }
        if self.member is not None:
            out["member"] = self.member
        return out


@dataclass(frozen=True)
class RosterResult:
    profile: str
    ok: bool
    findings: tuple[Finding, ...]
    relaxations: tuple[Relaxation, ...]


@dataclass(frozen=True)
class ItemResult:
    id: str
    kind: str
    quorum: bool
    present: int
    eligible_voters: int
    counts: dict[str, int]
    threshold: int
    outcome: str | None
    findings: tuple[Finding, ...]
    seats: tuple[str, ...] = field(default_factory=tuple)  # ids of the people holding seats


@dataclass(frozen=True)
class MeetingResult:
    profile: str
    items: tuple[ItemResult, ...]
    relaxations: tuple[Relaxation, ...]

    @property
    def all_decided(self) -> bool:
        return all(i.outcome is not None for i in self.items if i.kind == "review")


# --- messages -----------------------------------------------------------------------------


@cache
def _messages() -> dict[str, Any]:
    return tomllib.loads(resource_path("rules", "_messages.toml").read_text(encoding="utf-8"))


def _lang(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


def detail(key: str, lang: str, **values: Any) -> str:
    return str(_messages()[key][_lang(lang)]).format(**values)


def category_name(category: str, lang: str) -> str:
    """An expertise category or group as a sentence names it (the one vocabulary)."""
    return REQUIRABLE_EXPERTISE.in_sentence(category, lang)


def _names(names: tuple[str, ...], lang: str, limit: int = 3) -> str:
    sep = "、" if _lang(lang) == "zh" else ", "
    more = len(names) - limit
    text = sep.join(names[:limit])
    if more > 0:
        text += f" 等 {len(names)} 人" if _lang(lang) == "zh" else f" and {more} more"
    return text


_COLON = {"zh": "：", "en": ": "}


def _requirement(rule: Rule, language: str) -> str:
    return rule.message.pick(language).format(**rule.params)


def _render_detail(key: str, language: str, params: tuple[tuple[str, Any], ...]) -> str:
    """The detail ``key`` in ``language`` ("zh" or "en"), its parameters rendered there."""
    values = dict(params)
    if "names" in values:
        values["names"] = _names(values["names"], language)
    if "category" in values:
        category = values["category"]
        values["category"] = category_name(category, language) if category else "—"
    if "counts" in values:
        counts = values["counts"]
        values["counts"] = ", ".join(f"{code} {n}" for code, n in counts) or detail(
            "no_votes", language
        )
    return detail(key, language, **values)


def _finding(
    rule: Rule,
    ok: bool,
    key: str,
    check: str | None = None,
    member: str | None = None,
    **params: Any,
) -> Finding:
    return Finding(
        check=check or rule.vocabulary_check,
        ok=ok,
        severity=rule.severity,
        rule=rule.id,
        evidence=rule.evidence,
        source=rule,
        detail=key,
        params=tuple(params.items()),
        member=member,
    )


def _sop_expertise_rule(category: str) -> Rule:
    m = _messages()
    sop = Text(m["sop_rule"]["zh"], m["sop_rule"]["en"])
    name = Text(category_name(category, "zh"), category_name(category, "en"))
    message = Text(
        m["sop_expertise"]["zh"].format(category=name.zh),
        m["sop_expertise"]["en"].format(category=name.en),
    )
    return Rule(
        id="SOP-EXPERTISE",
        severity="error",
        instrument=sop,
        article=Text("", ""),
        quote=Text("", ""),
        evidence="verified",
        message=message,
        check="required_expertise",
        params={"category": category},
    )


# --- roster -------------------------------------------------------------------------------


def anniversary(start: date, years: int) -> date:
    """The anniversary ``years`` after ``start``; 29 February falls on 1 March in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


def _any(members: list[Member], test: Any, rule: Rule, count: int) -> Finding:
    matching = tuple(m.name for m in members if test(m))
    if matching:
        return _finding(rule, True, "found", names=matching)
    return _finding(rule, False, "none_counted", count=count)


def _roster_check(rule: Rule, roster: Roster, counted: list[Member]) -> list[Finding]:
    n = len(counted)
    check = rule.check
    if check == "min_members":
        return [_finding(rule, n >= rule.params["min"], "counted", count=n)]
    if check == "required_expertise":
        category = rule.params["category"]
        return [_any(counted, lambda m: m.has(category), rule, n)]
    if check == "non_affiliated_member":
        return [_any(counted, lambda m: not m.affiliated, rule, n)]
    if check == "lay_member":
        return [_any(counted, lambda m: m.is_lay, rule, n)]
    if check == "nonscientist_member":
        return [_any(counted, lambda m: not m.is_scientist, rule, n)]
    if check == "scientist_member":
        return [_any(counted, lambda m: m.is_scientist, rule, n)]
    if check == "gender_diversity":
        female = sum(m.gender == "female" for m in counted)
        male = sum(m.gender == "male" for m in counted)
        return [_finding(rule, female > 0 and male > 0, "genders", female=female, male=male)]
    if check == "single_profession":
        fields = {e for m in counted for e in m.expertise}
        single = all(len(m.expertise) == 1 for m in counted) and len(fields) <= 1
        if single:
            category = next(iter(fields)) if fields else None  # rendered "—" when none
            return [_finding(rule, False, "single_profession_fail", category=category)]
        return [_finding(rule, True, "single_profession_ok", fields=len(fields))]
    if check == "minority_member":
        if not roster.minority_region:
            return []
        return [_any(counted, lambda m: m.minority, rule, n)]
    if check == "chair":
        chairs = sum(m.role == "chair" for m in counted)
        return [_finding(rule, chairs == 1, "chairs", count=chairs)]
    if check == "term_expired":
        out = []
        for m in roster.members:
            if m.term_end is None:
                out.append(_finding(rule, True, "term_open", member=m.id, name=m.name))
            elif run_out(m.term_end, roster.as_of):
                out.append(
                    _finding(rule, False, "term_ended", member=m.id, name=m.name, date=m.term_end)
                )
            else:
                out.append(
                    _finding(rule, True, "term_runs", member=m.id, name=m.name, date=m.term_end)
                )
        return out
    if check == "term_length":
        out = []
        years = rule.params["max_years"]
        for m in roster.members:
            if m.term_start is None or m.term_end is None:
                continue
            too_long = m.term_end >= anniversary(m.term_start, years)
            out.append(
                _finding(
                    rule,
                    not too_long,
                    "term_too_long" if too_long else "term_length_ok",
                    member=m.id,
                    name=m.name,
                    start=m.term_start,
                    end=m.term_end,
                    max_years=years,
                )
            )
        return out
    raise AssertionError(f"unknown check {check}")  # the loader admits only known checks


def evaluate_roster(roster: Roster, profile: Profile) -> RosterResult:
    params = resolve(profile, roster.sop)
    counted = roster.counted()
    findings: list[Finding] = []
    rules = list(profile.composition)
    present_checks = {r.vocabulary_check for r in rules}
    for category in params.extra_expertise:
        if f"required_expertise:{category}" not in present_checks:
            rules.append(_sop_expertise_rule(category))
    for rule in rules:
        findings.extend(_roster_check(rule, roster, counted))
    ok = not any(f.severity == "error" and not f.ok for f in findings)
    return RosterResult(profile.id, ok, tuple(findings), params.relaxations)


# --- meetings -------------------------------------------------------------------------------


def _counts_as_present(status: str | None, params: Parameters) -> bool:
    return status == "present" or (status == "remote" and params.remote_counts)


@dataclass(frozen=True)
class Seating:
    """Who holds a seat for an item: counted members present, and alternates in seats."""

    holders: dict[str, Member]  # seat (member id) → the person holding it
    total: int  # N


def seating(
    roster: Roster,
    attendance: dict[str, str],
    recused: set[str],
    params: Parameters,
    counted: list[Member] | None = None,
) -> Seating:
    counted = roster.counted() if counted is None else counted
    counted_ids = {m.id for m in counted}
    holders: dict[str, Member] = {}
    for m in counted:
        if m.id not in recused and _counts_as_present(attendance.get(m.id), params):
            holders[m.id] = m
    for alt in roster.members:
        if alt.role != "alternate" or alt.alternate_for is None or alt.voting is False:
            continue
        seat = alt.alternate_for
        if (
            alt.term_covers(roster.as_of)
            and alt.id not in recused
            and _counts_as_present(attendance.get(alt.id), params)
            and seat in counted_ids
            and seat not in recused
            and seat not in holders
        ):
            holders[seat] = alt
    return Seating(holders, len(counted))


def _quorum_check(rule: Rule, people: list[Member], total: int, params: Parameters) -> Finding:
    p = len(people)
    check = rule.check
    if check == "quorum_count":
        more_than_half = bool(rule.params["more_than_half"])
        minimum = params.quorum_min_present
        needed = max(total // 2 + 1 if more_than_half else 0, minimum)
        ok = (not more_than_half or 2 * p > total) and p >= minimum
        return _finding(rule, ok, "quorum_count", present=p, total=total, needed=needed)
    tests = {
        "quorum_scientist": lambda m: m.is_scientist,
        "quorum_nonscientist": lambda m: not m.is_scientist,
        "quorum_lay": lambda m: m.is_lay,
        "quorum_non_affiliated": lambda m: not m.affiliated,
    }
    if check == "quorum_gender":
        female = sum(m.gender == "female" for m in people)
        male = sum(m.gender == "male" for m in people)
        return _finding(rule, female > 0 and male > 0, "genders", female=female, male=male)
    if check == "quorum_category":
        category = rule.params["category"]
        test = lambda m: m.has(category)  # noqa: E731
    else:
        test = tests[check]
    matching = tuple(m.name for m in people if test(m))
    if matching:
        return _finding(rule, True, "found", names=matching)
    return _finding(rule, False, "none_present", present=p)


def _classify_ballot(
    voter: Member,
    holder_ids: set[str],
    recused: set[str],
    votes: Mapping[str, str],
    alternates_of: dict[str, list[str]],
) -> str | None:
    """None when the ballot counts; otherwise the finding's check."""
    if voter.id in holder_ids:
        return None
    if voter.role == "consultant":
        return "consultant_vote"
    if voter.id in recused:
        return "recused_vote"
    if voter.role == "alternate" and voter.alternate_for:
        partners = [voter.alternate_for]
    else:
        partners = alternates_of.get(voter.id, [])
    if any(p in holder_ids and p in votes for p in partners):
        return "duplicate_vote"
    return "ineligible_vote"


@dataclass(frozen=True)
class _MeetingIndex:
    """What every item of a meeting shares, computed once."""

    counted: list[Member]
    members: dict[str, Member]
    alternates_of: dict[str, list[str]]


def _index(roster: Roster) -> _MeetingIndex:
    alternates_of: dict[str, list[str]] = {}
    for m in roster.members:
        if m.role == "alternate" and m.alternate_for:
            alternates_of.setdefault(m.alternate_for, []).append(m.id)
    return _MeetingIndex(roster.counted(), roster.by_id(), alternates_of)


def evaluate_item(
    meeting: Meeting,
    item: Item,
    profile: Profile,
    params: Parameters,
    index: _MeetingIndex | None = None,
) -> ItemResult:
    roster = meeting.roster
    index = index or _index(roster)
    attendance = {**meeting.attendance, **item.attendance}
    recused = set(item.recused)
    seats = seating(roster, attendance, recused, params, index.counted)
    people = list(seats.holders.values())
    p = len(people)
    findings = [_quorum_check(rule, people, seats.total, params) for rule in profile.quorum]
    quorum = all(f.ok for f in findings)
    threshold = compute_threshold(params.threshold_base, params.threshold_fraction, seats.total, p)
    counts: dict[str, int] = {}
    outcome: str | None = None
    if item.kind == "review":
        holder_ids = {m.id for m in people}
        for voter_id, choice in item.votes.items():
            voter = index.members[voter_id]
            problem = _classify_ballot(voter, holder_ids, recused, item.votes, index.alternates_of)
            if problem is None:
                counts[choice] = counts.get(choice, 0) + 1
                continue
            rule = profile.eligibility
            findings.append(
                Finding(
                    check=problem,
                    ok=False,
                    severity="warning",
                    rule=rule.id,
                    evidence=rule.evidence,
                    source=rule,
                    detail=problem,
                    params=(("name", voter.name),),
                    member=voter.id,
                    with_requirement=False,
                )
            )
        if quorum:
            reached = [
                (n, code) for code, n in counts.items() if code != "abstain" and n >= threshold
            ]
            if reached:
                outcome = max(reached)[1]
            else:
                findings.append(
                    _finding(
                        profile.vote,
                        False,
                        "no_decision",
                        check="vote_threshold",
                        threshold=threshold,
                        counts=tuple(sorted(counts.items())),
                    )
                )
    return ItemResult(
        id=item.id,
        kind=item.kind,
        quorum=quorum,
        present=p,
        eligible_voters=p,
        counts=dict(sorted(counts.items())) if item.kind == "review" else {},
        threshold=threshold,
        outcome=outcome,
        findings=tuple(findings),
        seats=tuple(m.id for m in people),
    )


def evaluate_meeting(meeting: Meeting, profile: Profile) -> MeetingResult:
    params = resolve(profile, meeting.roster.sop)
    index = _index(meeting.roster)
    items = tuple(evaluate_item(meeting, item, profile, params, index) for item in meeting.items)
    return MeetingResult(profile.id, items, params.relaxations)
