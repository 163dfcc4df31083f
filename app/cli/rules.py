"""``ethicsdesk rules list`` / ``rules show ID``: the regulatory profiles, and one profile's
rules with their citations and evidence. Reads the profiles only: no database, no ORM, no
Qt. An unknown or unreadable profile exits 2 with one line on stderr."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cli.base import Commands, Invocation, add_command
from app.cli.exits import EXIT_BAD_INPUT, EXIT_OK
from app.cli.words import Words
from app.domain.vocabulary import EVIDENCE, SEVERITIES

if TYPE_CHECKING:
    from app.rules.profiles import Profile


def register(commands: Commands, words: Words) -> None:
    parser = add_command(commands, "rules", words)
    actions = parser.add_subparsers(
        dest="rules_command", metavar="ACTION", title=words("rules.actions"), required=True
    )
    listing = add_command(actions, "list", words, help=words("rules.list.help"))
    listing.set_defaults(func=run_list)
    show = add_command(actions, "show", words, help=words("rules.show.help"))
    show.add_argument("profile", metavar="ID", help=words("rules.show.id"))
    show.set_defaults(func=run_show)


def bad_input(message: str) -> int:
    """One line on stderr, exit 2 (shared with ``check``)."""
    print(f"ethicsdesk: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_list(args: argparse.Namespace, cli: Invocation) -> int:
    from app.rules.profiles import ProfileError, load_profile, profile_ids

    try:
        for ident in profile_ids():
            print(f"{ident:14} {load_profile(ident).title.pick(cli.lang)}")
    except ProfileError as exc:
        return bad_input(exc.localized(cli.lang))
    return EXIT_OK


def run_show(args: argparse.Namespace, cli: Invocation) -> int:
    from app.rules.profiles import ProfileError, load_profile, profile_ids

    words = cli.words
    try:
        known = profile_ids()
        if args.profile not in known:
            return bad_input(words("rules.unknown", profile=args.profile, known=words.join(known)))
        profile = load_profile(args.profile)
    except ProfileError as exc:
        return bad_input(exc.localized(cli.lang))
    print(f"{profile.id} — {profile.title.pick(cli.lang)}")
    print(f"{words('label.version')}: {profile.version}")
    print("\n".join(rule_block(profile, words)))
    return EXIT_OK


def rule_block(profile: Profile, words: Words) -> list[str]:
    """Every rule of ``profile`` by section, with citation, evidence and quote; then its
    decision codes, approval criteria and what an SOP may relax."""
    lang = words.lang
    lines = []
    sections = [
        (words("label.composition"), list(profile.composition)),
        (words("label.quorum"), list(profile.quorum)),
        (
            words("label.other"),
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
            requirement = rule.message.pick(lang).format(**rule.params)
            check = f" [{rule.vocabulary_check}]" if rule.check else ""
            severity = SEVERITIES.in_sentence(rule.severity, words.lang)
            lines.append(f"  {rule.id}{check} ({severity}) {requirement}")
            citation = rule.citation(lang)
            if not rule.article.pick(lang):
                citation += " " + words("label.no_article")
            lines.append(f"      {citation} — {EVIDENCE.in_sentence(rule.evidence, words.lang)}")
            quote = rule.quote.pick(lang)
            if quote:
                lines.append(f"      {words('label.quote')}: {quote}")
    lines.append(f"\n{words('label.codes')}")
    for code in profile.decision_codes:
        lines.append(f"  {code.id}: {code.name.pick(lang)}")
    lines.append(f"\n{words('label.criteria')}")
    for item in profile.criteria_items:
        lines.append(f"  {item.id}: {item.name.pick(lang)}")
    if profile.sop_relaxable:
        lines.append(f"\nSOP: {', '.join(sorted(profile.sop_relaxable))}")
    return lines
