"""The ``ethicsdesk`` command: the GUI by default, and the headless commands of DESIGN.md
section 5. Global options are defined once, on the main parser (a subparser repeating them
would overwrite their values with its defaults). Qt is imported only when the GUI starts,
so headless commands never load it. Output goes to stdout; messages and logs to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app import __version__
from app.errors import DatabaseRefused, UserError
from app.paths import DataPaths

log = logging.getLogger("app")

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ethicsdesk",
        description="EthicsDesk: the work of a research ethics committee, offline.",
    )
    parser.add_argument("--version", action="version", version=f"ethicsdesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="database, backups and logs")
    parser.add_argument("--database-url", metavar="URL", help="SQLAlchemy URL of the database")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default: system)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    verify = commands.add_parser(
        "verify", help="check the database, the audit chain and every document's hash"
    )
    verify.add_argument(
        "--head",
        metavar="COUNT:HASH",
        help="also check that the chain still holds this head (from a backup or a letter)",
    )

    demo = commands.add_parser("demo", help="build the demo committee in the data dir")
    demo.add_argument("--out", metavar="DIR", help="write every document the app makes here")

    rules = commands.add_parser("rules", help="the regulatory profiles")
    rules_commands = rules.add_subparsers(
        dest="rules_command", metavar="ACTION", parser_class=_Parser
    )
    rules_commands.required = True
    rules_commands.add_parser("list", help="list the profiles")
    show = rules_commands.add_parser("show", help="print a profile's rules with citations")
    show.add_argument("profile", metavar="ID")

    shot = commands.add_parser(
        "shot",
        help="save a screenshot of the main window on a page (no display needed)",
        description=(
            "Open the main window on PAGE, save a grab of it as PNG and exit. Pages: "
            "dashboard, committee, dossiers, project, reviews, meetings, meeting, documents, "
            "settings. --item is taken only by project and meeting and must name one of the "
            "committee's projects or meetings. Exit 2 on an unknown page, committee or item "
            "or a bad size."
        ),
    )
    shot.add_argument("--page", required=True, metavar="PAGE", help="the page to show")
    shot.add_argument("--out", required=True, metavar="FILE.png", help="where to save the PNG")
    shot.add_argument("--item", metavar="ID", help="the project or meeting to show")
    shot.add_argument("--committee", metavar="ID", help="the committee (default: the first)")
    shot.add_argument("--size", metavar="WxH", help="window size (default: 1400x860)")

    check = commands.add_parser("check", help="check a roster or a meeting file")
    check_commands = check.add_subparsers(
        dest="check_command", metavar="KIND", parser_class=_Parser
    )
    check_commands.required = True
    for kind, what in (("roster", "composition"), ("meeting", "quorum and votes")):
        sub = check_commands.add_parser(kind, help=f"{what} of a {kind} file (JSON)")
        sub.add_argument("file", metavar="FILE")
        sub.add_argument("--profile", metavar="ID", help="profile to apply (overrides the file)")
        sub.add_argument("--as-of", metavar="DATE", help="date to check on (YYYY-MM-DD)")
        sub.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(message)s"
    )
    paths = DataPaths.resolve(args.data_dir)
    url = args.database_url or paths.database_url()
    try:
        if args.command == "verify":
            return cmd_verify(paths, url, args.head, args.lang)
        if args.command == "demo":
            return cmd_demo(paths, url, args.out)
        if args.command == "shot":
            from app.ui.shot import cmd_shot  # loads Qt, for this command only

            return cmd_shot(
                paths,
                url,
                args.lang,
                page=args.page,
                out=args.out,
                item=args.item,
                committee=args.committee,
                size=args.size,
            )
        if args.command == "rules":
            from app.cli_rules import cmd_rules

            return cmd_rules(args.rules_command, getattr(args, "profile", None), args.lang)
        if args.command == "check":
            from app.cli_rules import cmd_check

            return cmd_check(
                args.check_command, args.file, args.profile, args.as_of, args.json, args.lang
            )
        return cmd_gui(paths, url, args.lang)
    except UserError as exc:
        print(f"ethicsdesk: {exc.localized(_language(args.lang))}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


def _language(lang: str | None) -> str:
    """zh or en, for messages: the --lang option, else the system locale."""
    from app.cli_rules import resolve_lang

    return resolve_lang(lang)


def _shown_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _parse_head(text: str) -> tuple[int, str]:
    count, _, digest = text.partition(":")
    if not count.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise UserError(
            f"--head: expected COUNT:HASH (a number, a colon, 64 hex digits), got {text!r}",
            zh=f"--head：应为 COUNT:HASH（一个数字、一个冒号、64 位十六进制数），实际为 {text!r}",
        )
    return int(count), digest


def cmd_verify(paths: DataPaths, url: str, head: str | None, lang: str | None = None) -> int:
    from app.db import inspect_sqlite_file, open_database, sqlite_file
    from app.resources import resource_root
    from app.services.integrity import verify

    expected = _parse_head(head) if head else None
    print(f"resources: {resource_root()}")
    file = sqlite_file(url)
    if file is not None:
        if not file.exists():
            print(f"no database in {file.parent} yet: nothing to verify")
            return EXIT_OK
        try:
            inspect_sqlite_file(file)
        except DatabaseRefused as exc:
            language = _language(lang)
            print(f"ethicsdesk: {exc.localized(language)}", file=sys.stderr)
            untouched = "文件未作任何改动" if language == "zh" else "the file was left untouched"
            print(untouched, file=sys.stderr)
            return EXIT_PROBLEM
    db = open_database(url, paths)
    try:
        with db.session_scope() as session:
            report = verify(session, expected)
    finally:
        db.dispose()
    print(f"database: {_shown_url(url)}")
    print(f"audit head: {report.head_count}:{report.head_hash}")
    print(f"checked: {report.events} audit events, {report.blobs} documents")
    if report.ok:
        print("ok")
        return EXIT_OK
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return EXIT_PROBLEM


def cmd_demo(paths: DataPaths, url: str, out: str | None) -> int:
    from app.db import downgrade, open_database, sqlite_file, upgrade
    from app.services.demo import build_demo, is_demo

    file = sqlite_file(url)
    if file is not None:
        paths.ensure()
    db = open_database(url, paths)
    try:
        from sqlalchemy import func, select

        from app.models import Institution

        with db.session_scope() as session:
            has_data = bool(session.scalar(select(func.count()).select_from(Institution)))
        if has_data:
            if not is_demo(db):
                raise UserError(
                    "this data dir holds a committee's real data; the demo is built only into "
                    "an empty data dir or over an earlier demo (use --data-dir)",
                    zh="此数据目录存有委员会的真实数据；演示数据只能生成在空数据目录中，"
                    "或覆盖先前的演示数据（请用 --data-dir 指定其他目录）",
                )
            downgrade(db.engine, "base")
            upgrade(db.engine)
        build_demo(db, date.today())
    finally:
        db.dispose()
    print(f"demo built in {_shown_url(url)}")
    if out:
        target = Path(out)
        target.mkdir(parents=True, exist_ok=True)
        print(f"{target}: no documents exist yet (the documents come with a later version)")
    return EXIT_OK


def cmd_gui(paths: DataPaths, url: str, lang: str | None) -> int:
    from app.ui.main import run_gui

    paths.ensure()
    return run_gui(paths, url, lang)


if __name__ == "__main__":
    sys.exit(main())
