"""The headless ``rules`` and ``check`` commands (DESIGN.md section 5).

They read profiles and JSON files only: no database, no ORM, no Qt. Bad input exits 2 with
one line on stderr naming the member and key, never a traceback.
"""

from __future__ import annotations

import json
import locale
import os
import sys
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.rules.evaluate import Finding, evaluate_meeting, evaluate_roster
from app.rules.files import BadFile, load_json, parse_date, parse_meeting, parse_roster
from app.rules.profiles import Profile, ProfileError, load_profile, profile_ids
from app.rules.sop import Relaxation

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

LABELS = {
    "zh": {
        "error": "错误",
        "warning": "警告",
        "evidence": {
            "verified": "已核实",
            "corroborated": "有佐证",
            "unverified": "未核实，请对照官方文本",
        },
        "ok": "符合",
        "failed": "不符合",
        "profile": "规范",
        "version": "版本",
        "composition": "委员组成",
        "quorum": "法定人数",
        "other": "其他规则",
        "quote": "原文",
        "no_article": "（条款号未知）",
        "relaxation": "SOP 放宽",
        "present": "到会",
        "threshold": "通过所需票数",
        "outcome": "结果",
        "no_decision": "未作出决定",
        "quorum_ok": "达到法定人数",
        "quorum_failed": "未达到法定人数",
        "codes": "决定类型",
        "criteria": "审查要点",
    },
    "en": {
        "error": "error",
        "warning": "warning",
        "evidence": {
            "verified": "verified",
            "corroborated": "corroborated",
            "unverified": "unverified: check against the official text",
        },
        "ok": "ok",
        "failed": "FAILED",
        "profile": "profile",
        "version": "version",
        "composition": "Composition",
        "quorum": "Quorum",
        "other": "Other rules",
        "quote": "text",
        "no_article": "(article not known)",
        "relaxation": "relaxed by the SOP",
        "present": "present",
        "threshold": "votes needed",
        "outcome": "outcome",
        "no_decision": "no decision",
        "quorum_ok": "quorate",
        "quorum_failed": "not quorate",
        "codes": "Decision codes",
        "criteria": "Approval criteria",
    },
}


def resolve_lang(lang: str | None) -> str:
    """zh or en: the --lang option, else the system locale."""
    if lang:
        return "zh" if lang.startswith("zh") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.startswith("zh") else "en"
    system = locale.getlocale()[0] or ""
    return "zh" if system.startswith("zh") else "en"


def _bad(message: str) -> int:
    print(f"ethicsdesk: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _relaxations_json(relaxations: tuple[Relaxation, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "override": r.override,
            "value": r.value,
            "profile_value": r.profile_value,
            "rule": r.rule.id,
            "citation": r.rule.citation(lang),
        }
        for r in relaxations
    ]


def _finding_line(f: Finding, labels: dict[str, Any], language: str) -> str:
    mark = "✔" if f.ok else "✘"
    evidence = labels["evidence"][f.evidence]
    source = f"{f.rule}, {f.citation_in(language)} ({evidence})"
    return f"{mark} [{labels[f.severity]}] {f.check}: {f.message_in(language)}  — {source}"


def cmd_check(
    kind: str, file: str, profile: str | None, as_of: str | None, as_json: bool, lang: str | None
) -> int:
    language = resolve_lang(lang)
    labels = LABELS[language]
    try:
        day = parse_date("--as-of", as_of) if as_of else None
        if profile is not None and profile not in profile_ids():
            raise BadFile(
                f"--profile: unknown profile {profile!r} (known: {', '.join(profile_ids())})",
                zh=f"--profile：未知的适用法规 {profile!r}（可用：{'、'.join(profile_ids())}）",
            )
        data = load_json(Path(file))
        if kind == "roster":
            roster, loaded = parse_roster(data, profile=profile, as_of=day)
            result = evaluate_roster(roster, loaded)
        else:
            meeting, loaded = parse_meeting(data, profile=profile, as_of=day)
            outcome = evaluate_meeting(meeting, loaded)
    except UserError as exc:  # BadFile, ProfileError and the rest: one line, no trace
        return _bad(exc.localized(language))

    if kind == "roster":
        if as_json:
            doc = {
                "profile": result.profile,
                "ok": result.ok,
                "findings": [f.as_json(language) for f in result.findings],
                "sop_relaxations": _relaxations_json(result.relaxations, language),
            }
            print(json.dumps(doc, ensure_ascii=False, indent=1))
        else:
            print(f"{labels['profile']}: {loaded.id} — {loaded.title.pick(language)}")
            for f in result.findings:
                print(_finding_line(f, labels, language))
            for r in result.relaxations:
                print(
                    f"⚠ {labels['relaxation']}: {r.override} = {r.value!r} "
                    f"({r.rule.id}: {r.profile_value!r})"
                )
        return EXIT_OK if result.ok else EXIT_FAILED

    if as_json:
        doc = {
            "profile": outcome.profile,
            "items": [
                {
                    "id": item.id,
                    "kind": item.kind,
                    "quorum": item.quorum,
                    "present": item.present,
                    "eligible_voters": item.eligible_voters,
                    "counts": item.counts,
                    "threshold": item.threshold,
                    "outcome": item.outcome,
                    "findings": [f.as_json(language) for f in item.findings],
                }
                for item in outcome.items
            ],
            "sop_relaxations": _relaxations_json(outcome.relaxations, language),
        }
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        print(f"{labels['profile']}: {loaded.id} — {loaded.title.pick(language)}")
        for item in outcome.items:
            state = labels["quorum_ok"] if item.quorum else labels["quorum_failed"]
            decided = (
                loaded.decision_name(item.outcome, language)
                if item.outcome
                else labels["no_decision"]
            )
            if item.kind == "report":
                decided = "—"
            counts = ", ".join(f"{code} {n}" for code, n in item.counts.items())
            print(
                f"\n{item.id}: {state}; {labels['present']} {item.present}; "
                f"{labels['threshold']} {item.threshold}; {counts or '—'}; "
                f"{labels['outcome']}: {decided}"
            )
            for f in item.findings:
                print("  " + _finding_line(f, labels, language))
    return EXIT_OK if outcome.all_decided else EXIT_FAILED


def _rule_block(profile: Profile, language: str, labels: dict[str, Any]) -> list[str]:
    lines = []
    sections = [
        (labels["composition"], list(profile.composition)),
        (labels["quorum"], list(profile.quorum)),
        (
            labels["other"],
            [
                profile.attendance,
                profile.vote,
                profile.eligibility,
                profile.decisions,
                profile.criteria,
                profile.expedited,
                profile.continuing_review,
                profile.retention,
                profile.letter,
                profile.minutes,
            ],
        ),
    ]
    for title, rules in sections:
        lines.append(f"\n{title}")
        for rule in rules:
            requirement = rule.message.pick(language).format(**rule.params)
            check = f" [{rule.vocabulary_check}]" if rule.check else ""
            lines.append(f"  {rule.id}{check} ({labels[rule.severity]}) {requirement}")
            citation = rule.citation(language)
            if not rule.article.pick(language):
                citation += " " + labels["no_article"]
            lines.append(f"      {citation} — {labels['evidence'][rule.evidence]}")
            quote = rule.quote.pick(language)
            if quote:
                lines.append(f"      {labels['quote']}: {quote}")
    lines.append(f"\n{labels['codes']}")
    for code in profile.decision_codes:
        lines.append(f"  {code.id}: {code.name.pick(language)}")
    lines.append(f"\n{labels['criteria']}")
    for item in profile.criteria_items:
        lines.append(f"  {item.id}: {item.name.pick(language)}")
    if profile.sop_relaxable:
        lines.append(f"\nSOP: {', '.join(sorted(profile.sop_relaxable))}")
    return lines


def cmd_rules(action: str, profile_id: str | None, lang: str | None) -> int:
    language = resolve_lang(lang)
    labels = LABELS[language]
    try:
        if action == "list":
            for ident in profile_ids():
                profile = load_profile(ident)
                print(f"{ident:14} {profile.title.pick(language)}")
            return EXIT_OK
        assert profile_id is not None
        if profile_id not in profile_ids():
            if language == "zh":
                return _bad(f"没有适用法规 {profile_id!r}（可用：{'、'.join(profile_ids())}）")
            return _bad(f"no profile {profile_id!r} (known: {', '.join(profile_ids())})")
        profile = load_profile(profile_id)
    except ProfileError as exc:
        return _bad(exc.localized(language))
    print(f"{profile.id} — {profile.title.pick(language)}")
    print(f"{labels['version']}: {profile.version}")
    print("\n".join(_rule_block(profile, language, labels)))
    return EXIT_OK
