"""``ethicsdesk check roster|meeting FILE [--profile ID] [--as-of DATE] [--json]``
(DESIGN.md section 5): the composition of a roster file, or the quorum and votes of a meeting
file. Reads profiles and JSON files only: no database, no ORM, no Qt. Bad input exits 2 with
one line on stderr naming the member and key, never a traceback. ``--json`` keeps the
contract's keys and vocabulary (ASCII); its messages and citations are in the language.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.base import Commands, Invocation, add_command
from app.cli.exits import EXIT_OK, EXIT_PROBLEM
from app.cli.rules import bad_input
from app.cli.words import Words, both
from app.domain.vocabulary import EVIDENCE, SEVERITIES
from app.errors import UserError

if TYPE_CHECKING:
    from app.rules.evaluate import Finding
    from app.rules.sop import Relaxation

KINDS = ("roster", "meeting")


def register(commands: Commands, words: Words) -> None:
    parser = add_command(commands, "check", words)
    kinds = parser.add_subparsers(
        dest="kind", metavar="KIND", title=words("check.kinds"), required=True
    )
    for kind in KINDS:
        sub = add_command(kinds, kind, words, help=words(f"check.{kind}.help"))
        sub.add_argument("file", metavar="FILE", help=words("check.file"))
        sub.add_argument("--profile", metavar="ID", help=words("check.profile"))
        sub.add_argument("--as-of", metavar="DATE", help=words("check.as_of"))
        sub.add_argument("--json", action="store_true", help=words("check.json"))
        sub.set_defaults(func=run)


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


def _finding_line(f: Finding, words: Words) -> str:
    mark = "✔" if f.ok else "✘"
    evidence = EVIDENCE.in_sentence(f.evidence, words.lang)
    source = f"{f.rule}, {f.citation_in(words.lang)} ({evidence})"
    severity = SEVERITIES.in_sentence(f.severity, words.lang)
    return f"{mark} [{severity}] {f.check}: {f.message_in(words.lang)}  — {source}"


def _print_json(doc: dict[str, Any]) -> None:
    print(json.dumps(doc, ensure_ascii=False, indent=1))


def run(args: argparse.Namespace, cli: Invocation) -> int:
    from app.rules.evaluate import evaluate_meeting, evaluate_roster
    from app.rules.files import BadFile, load_json, parse_date, parse_meeting, parse_roster
    from app.rules.profiles import profile_ids

    words, lang = cli.words, cli.lang
    try:
        day = parse_date("--as-of", args.as_of) if args.as_of else None
        if args.profile is not None and args.profile not in profile_ids():
            english, chinese = both(
                "check.unknown_profile",
                profile=args.profile,
                known=words.join(profile_ids()),
            )
            raise BadFile(english, zh=chinese)
        data = load_json(Path(args.file))
        if args.kind == "roster":
            roster, loaded = parse_roster(data, profile=args.profile, as_of=day)
            result = evaluate_roster(roster, loaded)
        else:
            meeting, loaded = parse_meeting(data, profile=args.profile, as_of=day)
            outcome = evaluate_meeting(meeting, loaded)
    except UserError as exc:  # BadFile, ProfileError and the rest: one line, no trace
        return bad_input(exc.localized(lang))

    if args.kind == "roster":
        if args.json:
            _print_json(
                {
                    "profile": result.profile,
                    "ok": result.ok,
                    "findings": [f.as_json(lang) for f in result.findings],
                    "sop_relaxations": _relaxations_json(result.relaxations, lang),
                }
            )
        else:
            print(f"{words('label.profile')}: {loaded.id} — {loaded.title.pick(lang)}")
            for f in result.findings:
                print(_finding_line(f, words))
            for r in result.relaxations:
                print(
                    f"⚠ {words('label.relaxation')}: {r.override} = {r.value!r} "
                    f"({r.rule.id}: {r.profile_value!r})"
                )
        return EXIT_OK if result.ok else EXIT_PROBLEM

    if args.json:
        _print_json(
            {
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
                        "findings": [f.as_json(lang) for f in item.findings],
                    }
                    for item in outcome.items
                ],
                "sop_relaxations": _relaxations_json(outcome.relaxations, lang),
            }
        )
    else:
        print(f"{words('label.profile')}: {loaded.id} — {loaded.title.pick(lang)}")
        for item in outcome.items:
            state = words("label.quorum_ok" if item.quorum else "label.quorum_failed")
            decided = (
                loaded.decision_name(item.outcome, lang)
                if item.outcome
                else words("label.no_decision")
            )
            if item.kind == "report":
                decided = "—"
            counts = ", ".join(f"{code} {n}" for code, n in item.counts.items())
            print(
                f"\n{item.id}: {state}; {words('label.present')} {item.present}; "
                f"{words('label.threshold')} {item.threshold}; {counts or '—'}; "
                f"{words('label.outcome')}: {decided}"
            )
            for f in item.findings:
                print("  " + _finding_line(f, words))
    return EXIT_OK if outcome.all_decided else EXIT_PROBLEM
