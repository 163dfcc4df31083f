"""Every word the command line shows, in English and Chinese, in one table.

``TEXT`` holds the CLI's own words — the help of the parser and of each command, each
command's messages and report lines, the labels of the ``rules``/``check`` text output —
as ``key: (English, Chinese)``; ``Words(lang)`` picks one language and fills in the fields
(``str.format``). ``ARGPARSE`` is the Chinese of argparse's own words (``usage:``, the group
titles, the help option, its error messages), keyed by argparse's English message ids:
argparse looks them up through the module's ``_``/``ngettext`` (gettext) when it builds a
parser, formats help and reports an error, and ``argparse_speaking(lang)`` points those
at this table for the time of the call (``app.cli.base.Parser`` does, for every call that
makes text). A message id not listed stays in English.

Keys, ids, metavars (DIR, FILE, ID …) and the ``check --json`` vocabulary stay in ASCII in
both languages: scripts read them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from app.errors import is_chinese

TEXT: dict[str, tuple[str, str]] = {
    # --- the main parser -------------------------------------------------------------
    "prog.description": (
        "EthicsDesk: the work of a research ethics committee, offline. Without a command, "
        "the window opens.",
        "EthicsDesk：离线完成研究伦理委员会的工作。不给出命令时打开程序窗口。",
    ),
    "prog.version": ("show the version and exit", "显示版本号并退出"),
    "prog.data_dir": ("database, backups and logs", "数据库、备份和日志所在的目录"),
    "prog.database_url": ("SQLAlchemy URL of the database", "数据库的 SQLAlchemy 地址"),
    "prog.lang": (
        "language (default: your preference, else the system's)",
        "界面语言（默认：个人偏好设置，未设置时用系统语言）",
    ),
    "prog.commands": ("commands", "命令"),
    # the program's name before a message stays as it is: scripts match it
    "prog.problem": ("ethicsdesk: {message}", "ethicsdesk: {message}"),
    "list.separator": (", ", "、"),
    # --- verify ----------------------------------------------------------------------
    "verify.help": (
        "check the database, the audit chain and every document's hash",
        "检查数据库、审计链和每份文档的哈希值",
    ),
    "verify.head": (
        "also check that the chain still holds this head (from a backup or a letter)",
        "同时检查审计链仍包含此链头（取自备份或批件）",
    ),
    "verify.bad_head": (
        "--head: expected COUNT:HASH (a number, a colon, 64 hex digits), got {text!r}",
        "--head：应为 COUNT:HASH（一个数字、一个冒号、64 位十六进制数），实际为 {text!r}",
    ),
    "verify.resources": ("resources: {path}", "资源目录：{path}"),
    "verify.no_database": (
        "no database in {folder} yet: nothing to verify",
        "{folder} 中还没有数据库：无需检查",
    ),
    "verify.untouched": ("the file was left untouched", "文件未作任何改动"),
    "verify.database": ("database: {where}", "数据库：{where}"),
    "verify.audit_head": ("audit head: {count}:{digest}", "审计链头：{count}:{digest}"),
    "verify.checked": (
        "checked: {events} audit events, {blobs} documents",
        "已检查：{events} 条审计记录，{blobs} 份文档",
    ),
    "verify.ok": ("ok", "检查通过"),
    "verify.problem": ("problem: {problem}", "问题：{problem}"),
    # --- demo ------------------------------------------------------------------------
    "demo.help": ("build the demo committee in the data dir", "在数据目录中生成演示委员会"),
    "demo.out": ("write every document the app makes here", "把程序能生成的每份文档写入此目录"),
    "demo.built": ("demo built in {where}", "演示数据已生成：{where}"),
    "demo.no_documents": (
        "{folder}: no documents exist yet (the documents come with a later version)",
        "{folder}：还没有可生成的文档（文档在以后的版本中提供）",
    ),
    # --- shot ------------------------------------------------------------------------
    "shot.help": (
        "save a screenshot of the main window on a page (no display needed)",
        "保存主窗口某一页面的截图（无需显示器）",
    ),
    "shot.description": (
        "Open the main window on PAGE, save a grab of it as PNG and exit. Pages: {pages}. "
        "--item is taken only by {item_pages} and must name one of the committee's projects "
        "or meetings. Exit 2 on an unknown page, committee or item or a bad size.",
        "在页面 PAGE 上打开主窗口，把截图保存为 PNG 后退出。页面：{pages}。"
        "只有 {item_pages} 接受 --item，且须为该委员会的项目或会议。"
        "页面、委员会或条目不存在或尺寸有误时以代码 2 退出。",
    ),
    "shot.page": ("the page to show", "要显示的页面"),
    "shot.out": ("where to save the PNG", "PNG 文件的保存位置"),
    "shot.item": ("the project or meeting to show", "要显示的项目或会议"),
    "shot.committee": ("the committee (default: the first)", "委员会（默认：第一个）"),
    "shot.size": ("window size (default: {size})", "窗口大小（默认：{size}）"),
    "shot.refused": ("ethicsdesk shot: {message}", "ethicsdesk shot: {message}"),
    "shot.bad_size": (
        "--size: expected WIDTHxHEIGHT such as 1400x860, got {text!r}",
        "--size：应为“宽x高”，例如 1400x860，实际为 {text!r}",
    ),
    "shot.size_range": (
        "--size: {size} is outside {smallest} to {largest}",
        "--size：{size} 超出允许范围（{smallest} 至 {largest}）",
    ),
    "shot.unknown_page": (
        "--page: unknown page {page!r} (pages: {pages})",
        "--page：没有页面 {page!r}（可用页面：{pages}）",
    ),
    "shot.page_without_item": (
        "--item: the page {page!r} shows no item (items: {pages})",
        "--item：页面 {page!r} 不显示单个条目（可显示条目的页面：{pages}）",
    ),
    "shot.not_a_number": (
        "{option}: expected a number, got {text!r}",
        "{option}：应为数字，实际为 {text!r}",
    ),
    "shot.no_committee": (
        "--committee: no committee {committee} (committees: {known})",
        "--committee：没有委员会 {committee}（现有委员会：{known}）",
    ),
    "shot.no_committees_yet": ("none yet", "尚无"),
    "shot.no_item": ("--item: no {kind} {item}", "--item：没有{kind} {item}"),
    "shot.no_item_of": (
        "--item: no {kind} {item} of committee {committee}",
        "--item：委员会 {committee} 没有{kind} {item}",
    ),
    "shot.kind.project": ("project", "项目"),
    "shot.kind.meeting": ("meeting", "会议"),
    "shot.cannot_open": ("cannot open the database: {reason}", "无法打开数据库：{reason}"),
    "shot.cannot_read": ("cannot read the database: {reason}", "无法读取数据库：{reason}"),
    "shot.cannot_save": ("cannot save the screenshot: {reason}", "无法保存截图：{reason}"),
    "shot.wrong_size": (
        "the window could not be made {wanted} (it is {got})",
        "窗口无法调整为 {wanted}（实际为 {got}）",
    ),
    # --- rules -----------------------------------------------------------------------
    "rules.help": ("the regulatory profiles", "适用法规及其规则"),
    "rules.actions": ("actions", "操作"),
    "rules.list.help": ("list the profiles", "列出全部适用法规"),
    "rules.show.help": ("print a profile's rules with citations", "显示一项适用法规的规则及出处"),
    "rules.show.id": ("the profile's id (see rules list)", "适用法规的编号（见 rules list）"),
    "rules.unknown": (
        "no profile {profile!r} (known: {known})",
        "没有适用法规 {profile!r}（可用：{known}）",
    ),
    # --- check -----------------------------------------------------------------------
    "check.help": ("check a roster or a meeting file", "检查委员名单文件或会议文件"),
    "check.kinds": ("kinds", "文件类型"),
    "check.roster.help": (
        "composition of a roster file (JSON)",
        "委员名单文件（JSON）的委员组成",
    ),
    "check.meeting.help": (
        "quorum and votes of a meeting file (JSON)",
        "会议文件（JSON）的法定人数和表决",
    ),
    "check.file": ("the file to check (JSON, UTF-8)", "要检查的文件（JSON，UTF-8）"),
    "check.profile": (
        "profile to apply (overrides the file)",
        "适用的法规（优先于文件中的设置）",
    ),
    "check.as_of": ("date to check on (YYYY-MM-DD)", "检查所依据的日期（YYYY-MM-DD）"),
    "check.json": ("print JSON", "输出 JSON"),
    "check.unknown_profile": (
        "--profile: unknown profile {profile!r} (known: {known})",
        "--profile：未知的适用法规 {profile!r}（可用：{known}）",
    ),
    # the labels of the rules/check text output
    "label.profile": ("profile", "规范"),
    "label.version": ("version", "版本"),
    "label.composition": ("Composition", "委员组成"),
    "label.quorum": ("Quorum", "法定人数"),
    "label.other": ("Other rules", "其他规则"),
    "label.quote": ("text", "原文"),
    "label.no_article": ("(article not known)", "（条款号未知）"),
    "label.relaxation": ("relaxed by the SOP", "SOP 放宽"),
    "label.present": ("present", "到会"),
    "label.threshold": ("votes needed", "通过所需票数"),
    "label.outcome": ("outcome", "结果"),
    "label.no_decision": ("no decision", "未作出决定"),
    "label.quorum_ok": ("quorate", "达到法定人数"),
    "label.quorum_failed": ("not quorate", "未达到法定人数"),
    "label.codes": ("Decision codes", "决定类型"),
    "label.criteria": ("Approval criteria", "审查要点"),
}

# argparse's own words (Python 3.11 to 3.13 message ids), in Chinese.
ARGPARSE: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示程序版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的选择：%(value)r，是否想输入 %(closest)r？（可选：%(choices)s）"
    ),
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多接受一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "expected %s argument": "需要 %s 个参数值",
    "expected %s arguments": "需要 %s 个参数值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项有歧义：%(option)s 可能是 %(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "unexpected option string: %s": "意外的选项：%s",
}


class Words:
    """The CLI's words in one language (``zh_CN`` or ``en``; any ``zh…`` is Chinese)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.chinese = is_chinese(lang)

    def __call__(self, key: str, /, **fields: Any) -> str:
        english, chinese = TEXT[key]
        text = chinese if self.chinese else english
        return text.format(**fields) if fields else text

    def join(self, items: Iterable[object]) -> str:
        """A list in running text: ``a, b, c`` in English, ``a、b、c`` in Chinese."""
        return self("list.separator").join(str(item) for item in items)


def both(key: str, /, **fields: Any) -> tuple[str, str]:
    """The English and the Chinese text of ``key``, for an error that carries both (its
    ``str()`` stays English for logs; ``localized`` picks)."""
    return Words("en")(key, **fields), Words("zh_CN")(key, **fields)


def _gettext_for(lang: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    table = ARGPARSE if is_chinese(lang) else {}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    return gettext, ngettext


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """While it lasts, argparse's own words come in ``lang`` (restored afterwards; the
    command line is single-threaded)."""
    namespace = vars(argparse)
    saved = namespace["_"], namespace["ngettext"]
    namespace["_"], namespace["ngettext"] = _gettext_for(lang)
    try:
        yield
    finally:
        namespace["_"], namespace["ngettext"] = saved
