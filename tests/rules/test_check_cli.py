"""`ethicsdesk rules …` and `ethicsdesk check roster|meeting` as DESIGN.md section 5
defines them: JSON shapes, the fixed vocabulary, exit codes, and bad input exiting 2 with
one line naming the member and key."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from tests.rules.builders import compliant_members, meeting_doc, member, roster_doc

VOCABULARY = re.compile(
    r"^(min_members|required_expertise:[a-z_]+|non_affiliated_member|lay_member|nonscientist_member|"
    r"scientist_member|gender_diversity|single_profession|minority_member|term_expired|term_length|chair|"
    r"quorum_count|quorum_category:[a-z_]+|quorum_scientist|quorum_nonscientist|quorum_lay|"
    r"quorum_non_affiliated|quorum_gender|vote_threshold|ineligible_vote|recused_vote|consultant_vote|"
    r"duplicate_vote)$"
)


@pytest.fixture(autouse=True)
def _english_locale_without_preference(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The language comes from --lang, else the stored preference, else the locale: these
    tests read English unless they ask for Chinese, whatever the machine has stored."""
    monkeypatch.setenv("ETHICSDESK_CONFIG", str(tmp_path_factory.mktemp("config")))
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def write(tmp_path: Path, doc: Any, name: str = "input.json") -> Path:
    path = tmp_path / name
    path.write_text(
        doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8"
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_finding_shape(finding: dict[str, Any]) -> None:
    for key, kind in (
        ("check", str),
        ("ok", bool),
        ("severity", str),
        ("rule", str),
        ("message", str),
        ("citation", str),
    ):
        assert isinstance(finding[key], kind), key
    assert VOCABULARY.match(finding["check"]), finding["check"]
    assert finding["severity"] in ("error", "warning")


def test_roster_json_shape_and_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "roster", str(write(tmp_path, roster_doc("cn-2023"))), "--json"
    )
    doc = json.loads(out)
    assert code == 0 and doc["profile"] == "cn-2023" and doc["ok"] is True
    for finding in doc["findings"]:
        _assert_finding_shape(finding)


def test_roster_with_failing_error_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = [m for m in compliant_members() if m["expertise"] != ["law"]]
    code, out, _ = run(
        capsys, "check", "roster", str(write(tmp_path, roster_doc("cn-2023", members))), "--json"
    )
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False
    failing = [f for f in doc["findings"] if not f["ok"]]
    assert [(f["check"], f["severity"]) for f in failing] == [("required_expertise:law", "error")]


def test_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    members = compliant_members()[:4]  # four: below ICH's recommended five, a warning
    code, out, _ = run(
        capsys, "check", "roster", str(write(tmp_path, roster_doc("ich-e6", members))), "--json"
    )
    doc = json.loads(out)
    assert code == 0 and doc["ok"] is True
    assert {f["check"] for f in doc["findings"] if not f["ok"]} == {"min_members"}


def test_profile_and_as_of_options_override_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, roster_doc("cn-2023"))
    code, out, _ = run(
        capsys,
        "check",
        "roster",
        str(path),
        "--profile",
        "us-45cfr46",
        "--as-of",
        "2028-01-01",
        "--json",
    )
    doc = json.loads(out)
    assert doc["profile"] == "us-45cfr46"
    # On 2028-01-01 every term (to 2027-12-31) has ended: nobody counts.
    assert code == 1 and "min_members" in {f["check"] for f in doc["findings"] if not f["ok"]}


def test_meeting_json_shape_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    present = {m: "present" for m in ("m1", "m2", "m4", "m5", "m6")}
    decided = meeting_doc(
        "us-45cfr46",
        present,
        [{"id": "A", "votes": {"m1": "approve", "m2": "approve", "m4": "approve"}}],
    )
    code, out, _ = run(capsys, "check", "meeting", str(write(tmp_path, decided)), "--json")
    doc = json.loads(out)
    assert code == 0
    (item,) = doc["items"]
    assert item == {
        **item,
        "id": "A",
        "quorum": True,
        "present": 5,
        "eligible_voters": 5,
        "counts": {"approve": 3},
        "threshold": 3,
        "outcome": "approve",
    }
    for finding in item["findings"]:
        _assert_finding_shape(finding)
    undecided = meeting_doc(
        "us-45cfr46",
        present,
        [{"id": "A", "votes": {"m1": "approve"}}, {"id": "R", "kind": "report"}],
    )
    code, out, _ = run(capsys, "check", "meeting", str(write(tmp_path, undecided)), "--json")
    assert code == 1 and [i["outcome"] for i in json.loads(out)["items"]] == [None, None]


def test_text_output_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    members = [m for m in compliant_members() if m["expertise"] != ["law"]]
    code, out, _ = run(
        capsys,
        "--lang",
        "zh_CN",
        "check",
        "roster",
        str(write(tmp_path, roster_doc("cn-2023", members))),
    )
    assert code == 1
    assert "✘ [错误] required_expertise:law: 有法学领域的委员" in out


def test_rules_list_names_every_profile(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0
    # the default profile first, then the others by id: the order menus offer them in
    assert [line.split()[0] for line in out.splitlines()] == [
        "cn-2023",
        "cn-2016",
        "cn-gcp-2020",
        "cn-most-2023",
        "ich-e6",
        "us-21cfr56",
        "us-45cfr46",
        "who-2011",
    ]


def test_rules_show_prints_every_rule_with_citation_and_evidence_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.rules.profiles import load_profile

    code, out, _ = run(capsys, "--lang", "zh_CN", "rules", "show", "cn-2023")
    assert code == 0
    profile = load_profile("cn-2023")
    for rule in profile.rules():
        assert rule.id in out
        assert rule.message.zh.format(**rule.params) in out
    assert "《涉及人的生命科学和医学研究伦理审查办法》" in out
    assert "有二手资料佐证" in out and "尚未核实" in out
    assert "Members" not in out  # no English where Chinese exists


def test_rules_show_unknown_profile_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rules", "show", "cn-1999")
    assert code == 2 and "cn-1999" in err


def _bad_member(**changes: Any) -> dict[str, Any]:
    members = compliant_members()
    members[2].update(changes)
    return roster_doc("cn-2023", members)


BAD_ROSTERS: list[tuple[str, Any, list[str]]] = [
    ("not json", "{ this is not json", ["not JSON", "line 1"]),
    ("not an object", "[1, 2]", ["one JSON object"]),
    ("duplicate key", '{"members": [], "members": []}', ["duplicate key", "members"]),
    ("unknown top-level key", {**roster_doc("cn-2023"), "colour": "red"}, ["colour"]),
    ("unknown member key", _bad_member(shoe_size=42), ["member m3", "shoe_size"]),
    (
        "missing gender",
        {
            **roster_doc("cn-2023"),
            "members": [{k: v for k, v in compliant_members()[0].items() if k != "gender"}],
        },
        ["member m1", "gender"],
    ),
    ("bad gender", _bad_member(gender="F"), ["member m3", "gender"]),
    ("bad role", _bad_member(role="king"), ["member m3", "role"]),
    ("bad expertise", _bad_member(expertise=["astrology"]), ["member m3", "expertise"]),
    ("empty expertise", _bad_member(expertise=[]), ["member m3", "expertise"]),
    ("affiliated not bool", _bad_member(affiliated="yes"), ["member m3", "affiliated"]),
    ("date form", _bad_member(term_start="01/01/2024"), ["member m3", "term_start"]),
    ("impossible date", _bad_member(term_end="2027-02-30"), ["member m3", "term_end"]),
    (
        "term order",
        _bad_member(term_start="2027-01-01", term_end="2026-01-01"),
        ["member m3", "term_start"],
    ),
    ("duplicate id", _bad_member(id="m1"), ["member m1", "id"]),
    ("alternate without member", _bad_member(role="alternate"), ["member m3", "alternate_for"]),
    ("alternate_for on a member", _bad_member(alternate_for="m1"), ["member m3", "alternate_for"]),
    (
        "alternate_for unknown",
        _bad_member(role="alternate", alternate_for="m99"),
        ["member m3", "alternate_for", "m99"],
    ),
    ("voting secretary", _bad_member(role="secretary", voting=True), ["member m3", "voting"]),
    ("voting consultant", _bad_member(role="consultant", voting=True), ["member m3", "voting"]),
    ("unknown profile", {**roster_doc("cn-2023"), "profile": "cn-1999"}, ["profile", "cn-1999"]),
    ("as_of form", {**roster_doc("cn-2023"), "as_of": "next week"}, ["as_of"]),
    (
        "refused sop",
        {**roster_doc("cn-2023"), "sop": {"threshold_base": "present"}},
        ["sop.threshold_base", "CN23-VOTE-1"],
    ),
    (
        "unknown sop",
        {**roster_doc("cn-2023"), "sop": {"votes_by_email": True}},
        ["sop.votes_by_email"],
    ),
    ("meeting keys in a roster", {**roster_doc("cn-2023"), "attendance": {}}, ["attendance"]),
    ("name hostile", _bad_member(name=""), ["member m3", "name"]),
]


@pytest.mark.parametrize(
    ("doc", "mentions"), [(d, m) for _, d, m in BAD_ROSTERS], ids=[n for n, _, _ in BAD_ROSTERS]
)
def test_bad_roster_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, mentions: list[str]
) -> None:
    code, out, err = run(capsys, "check", "roster", str(write(tmp_path, doc)), "--json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    for word in mentions:
        assert word in err


def _meeting(**item: Any) -> dict[str, Any]:
    members = [
        *compliant_members(),
        member("c1", "顾问", "male", ["law"], False, role="consultant"),
    ]
    return meeting_doc("cn-2023", {"m1": "present"}, [{"id": "I-1", **item}], members)


BAD_MEETINGS: list[tuple[str, Any, list[str]]] = [
    (
        "attendance unknown member",
        {**_meeting(), "attendance": {"m99": "present"}},
        ["attendance", "m99"],
    ),
    ("attendance bad value", {**_meeting(), "attendance": {"m1": "asleep"}}, ["attendance", "m1"]),
    (
        "item attendance unknown member",
        _meeting(attendance={"zz": "absent"}),
        ["I-1", "attendance", "zz"],
    ),
    ("recused unknown member", _meeting(recused=["m42"]), ["I-1", "recused", "m42"]),
    ("vote unknown member", _meeting(votes={"m42": "approve"}), ["I-1", "votes", "m42"]),
    ("vote unknown value", _meeting(votes={"m1": "yes"}), ["I-1", "m1", "yes"]),
    (
        "acknowledge is no ballot",
        _meeting(votes={"m1": "acknowledge"}),
        ["I-1", "m1", "acknowledge"],
    ),
    ("exempt is no ballot", _meeting(votes={"m1": "exempt"}), ["I-1", "m1", "exempt"]),
    ("vote on report", _meeting(kind="report", votes={"m1": "approve"}), ["I-1", "votes"]),
    ("bad kind", _meeting(kind="debate"), ["I-1", "kind"]),
    ("unknown item key", _meeting(chair="m1"), ["I-1", "chair"]),
    ("item without id", {**_meeting(), "items": [{"votes": {}}]}, ["items[0]", "id"]),
    ("duplicate item id", {**_meeting(), "items": [{"id": "A"}, {"id": "A"}]}, ["item A", "id"]),
]


@pytest.mark.parametrize(
    ("doc", "mentions"), [(d, m) for _, d, m in BAD_MEETINGS], ids=[n for n, _, _ in BAD_MEETINGS]
)
def test_bad_meeting_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, mentions: list[str]
) -> None:
    code, out, err = run(capsys, "check", "meeting", str(write(tmp_path, doc)), "--json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    for word in mentions:
        assert word in err


def test_bad_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, roster_doc("cn-2023"))
    assert run(capsys, "check", "roster", str(path), "--as-of", "2026-13-01")[0] == 2
    assert run(capsys, "check", "roster", str(path), "--profile", "nope")[0] == 2
    assert run(capsys, "check", "roster", str(tmp_path / "missing.json"))[0] == 2
    (tmp_path / "gb.json").write_bytes('{"members": [{"name": "王芳"}]}'.encode("gb18030"))
    code, _, err = run(capsys, "check", "roster", str(tmp_path / "gb.json"))
    assert code == 2 and "UTF-8" in err


def test_utf8_with_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps(roster_doc("cn-2023"), ensure_ascii=False).encode("utf-8")
    )
    assert run(capsys, "check", "roster", str(path), "--json")[0] == 0


def test_bad_input_never_prints_a_traceback_and_never_loads_qt_or_the_orm(tmp_path: Path) -> None:
    bad = write(tmp_path, '{"members": [{"id": "x", "name": "n", "gender": "F"}]}')
    good = write(tmp_path, roster_doc("cn-2023"), "good.json")
    script = (
        "import sys; from app.cli import main; "
        f"a = main(['check', 'roster', {str(bad)!r}]); "
        f"b = main(['check', 'roster', {str(good)!r}, '--json']); "
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy'))]; "
        "print(a, b, loaded, file=sys.stderr); sys.exit(0 if (a, b, loaded) == (2, 0, []) else 1)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_rules_and_help_never_load_qt_or_sqlalchemy() -> None:
    script = "\n".join(
        [
            "import sys",
            "from app.cli import main",
            "a = main(['rules', 'list'])",
            "b = main(['--lang', 'zh_CN', 'rules', 'show', 'cn-2023'])",
            "c = main(['rules', 'show', 'cn-1999'])",
            "try:",
            "    main(['--lang', 'zh_CN', 'check', 'roster', '--help'])",
            "except SystemExit as exc:",
            "    d = exc.code",
            "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy'))]",
            "print(a, b, c, d, loaded, file=sys.stderr)",
            "sys.exit(0 if (a, b, c, d, loaded) == (0, 0, 2, 0, []) else 1)",
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
