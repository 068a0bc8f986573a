"""The field-rules collector (studykit.fieldrules): every problem of a record, in the table's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit._yaml import load_text_yaml
from studykit.cli import main
from studykit.errors import KeyFileError, Problem
from studykit.fieldrules import REFUSED, Invalid, Rule, Style, Table, collect
from studykit.key import load_key

BAD = Path(__file__).resolve().parent / "data" / "bad"

STYLE = Style(
    missing=lambda s: f"missing {s.rule.name}",
    empty=lambda s: f"empty {s.rule.name}",
    wrong_kind=lambda s: f"not {s.rule.kind}",
    unknown=lambda name, known: f"unknown {name} (expected {', '.join(known)})",
    empty_when="blank text",
    control=lambda text: "control" if "\x01" in text else None,
    strip=True,
)
TABLE = Table(
    "thing",
    (
        Rule("id", required=True, pattern=re.compile(r"^[a-z]+$"), invalid=lambda s: f"bad id {s.value!r}",
             keep_invalid=True, check="unique"),
        Rule("kind", required=True, allowed=("a", "b"), invalid=lambda s: f"bad kind {s.value!r}"),
        Rule("size", kind="any", check="size", default=0),
        Rule("note", default=""),
        Rule("both", kind="record", check="both"),
    ),
    STYLE,
    named_by="id",
    unknown_after="id",
)  # fmt: skip


def _walk(text: str, seen: set[str] | None = None) -> tuple[dict[str, object], str, list[str]]:
    data, problems = load_text_yaml(text, "t.yaml")
    found: list[Problem] = []
    seen = set() if seen is None else seen

    def unique(value: str, line: int) -> str:
        if value in seen:
            raise Invalid(f"duplicate {value}")
        seen.add(value)
        return value

    def size(value: object, line: int) -> int:
        if not isinstance(value, str) or not value.isdigit():
            raise Invalid("not a size")
        return int(value)

    def both(item: object, where: str, values: dict[str, object]) -> str:
        return f"{where}/{values['kind']}"

    record = collect(data, TABLE, found, "t.yaml", "thing #1", {"unique": unique, "size": size, "both": both})
    return record.values, record.where, [str(p) for p in problems + found]


def test_a_good_record_reads_its_values_stripped_with_defaults() -> None:
    """Text is stripped, a value check converts, an absent optional field takes its default."""
    values, where, problems = _walk("id: abc\nkind: ' b '\nsize: '12'\n")
    assert problems == []
    assert where == "thing 'abc'"
    assert values == {"id": "abc", "kind": "b", "size": 12, "note": "", "both": "thing 'abc'/b"}


def test_every_problem_is_collected_in_the_tables_order_with_its_line() -> None:
    """Missing, unknown, wrong kind, invalid and a check's refusal all come back, none stops the walk."""
    values, _where, problems = _walk("id: Bad\nkidn: a\nkind: c\nsize: [1]\nnote: {x: 1}\n")
    assert problems == [
        "t.yaml:2: thing 'Bad', field 'kidn': unknown kidn (expected id, kind, size, note, both)",
        "t.yaml:1: thing 'Bad', field 'id': bad id 'Bad'",
        "t.yaml:3: thing 'Bad', field 'kind': bad kind 'c'",
        "t.yaml:4: thing 'Bad', field 'size': not a size",
        "t.yaml:5: thing 'Bad', field 'note': not text",
    ]
    assert values["id"] == "Bad"  # keep_invalid: it still names the record
    assert values["kind"] is None and values["size"] == 0 and values["note"] == ""


def test_empty_blank_and_control_text() -> None:
    """Written empty is the style's 'empty' at the key's line; a control character is the style's problem."""
    _values, where, problems = _walk("id: ''\nkind: '  '\nnote: \"a\\x01\"\n")
    assert where == "thing #1"
    assert problems == [
        "t.yaml:1: thing #1, field 'id': empty id",
        "t.yaml:2: thing #1, field 'kind': empty kind",
        "t.yaml:3: thing #1, field 'note': control",
    ]


def test_a_value_check_sees_every_record() -> None:
    """The loader's check keeps state across records (a duplicate id)."""
    seen: set[str] = set()
    _walk("id: abc\nkind: a\n", seen)
    values, _where, problems = _walk("id: abc\nkind: a\n", seen)
    assert problems == ["t.yaml:1: thing 'abc', field 'id': duplicate abc"]
    assert values["id"] is None


def test_a_refused_value_is_not_reported_again() -> None:
    """A tag the YAML reader refused is reported once, by the reader; the field reads as its default."""
    values, where, problems = _walk("id: !!python/name:os.system x\nkind: a\n")
    assert len(problems) == 1 and "tag" in problems[0]
    assert where == "thing #1" and values["id"] is None


@pytest.mark.parametrize(("value", "problem"), [(None, "missing"), ("x", "not"), (True, "not"), (150, "out")])
def test_json_kinds_and_spans(value: object, problem: str) -> None:
    """A number rule refuses text and bools, and a value outside its span; a plain dict has line 0."""
    style = Style(
        missing=lambda s: "missing",
        wrong_kind=lambda s: "not a number",
        unknown=lambda name, known: "",
        empty_when="none",
    )
    table = Table("r", (Rule("p", required=True, kind="number", span=(0, 100), invalid=lambda s: "out"),), style)
    found: list[Problem] = []
    record = collect({} if value is None else {"p": value}, table, found, "r.json")
    assert [p.message.split()[0] for p in found] == [problem]
    assert found[0].line == 0 and record["p"] is None


def test_refused_is_the_yaml_readers_value() -> None:
    """The YAML reader gives the collector's REFUSED for a refused tag (one value, made in the base layer)."""
    data, _problems = load_text_yaml("a: !!python/object x\n", "t.yaml")
    assert data["a"] is REFUSED


def test_a_missing_required_field_is_reported_at_the_records_line() -> None:
    """Absent required fields are named at the record's first line, in the table's order."""
    _values, where, problems = _walk("a: 1\nnote: x\n")
    assert where == "thing #1"
    assert problems == [
        "t.yaml:1: thing #1, field 'id': missing id",
        "t.yaml:1: thing #1, field 'a': unknown a (expected id, kind, size, note, both)",
        "t.yaml:1: thing #1, field 'kind': missing kind",
    ]


def test_an_alias_is_read_when_the_fields_own_name_is_not_written() -> None:
    """A rule's alias (答案 for answers) is read, and reported at its own line, when the name is absent."""
    style = Style(
        missing=lambda s: "missing",
        wrong_kind=lambda s: f"not a list: {s.value!r}",
        unknown=lambda name, known: "",
        empty_when="never",
    )
    table = Table("sheet", (Rule("answers", required=True, kind="list", aliases=("答案",)),), style, closed=False)
    data, _problems = load_text_yaml("name: x\n答案: A\n", "s.yaml")
    found: list[Problem] = []
    assert collect(data, table, found, "s.yaml")["answers"] is None
    assert [str(p) for p in found] == ["s.yaml:2: field 'answers': not a list: 'A'"]
    data, _problems = load_text_yaml("答案: [A]\nanswers: [B]\n", "s.yaml")
    assert collect(data, table, found, "s.yaml")["answers"] == ["B"]  # the field's own name first


def test_problems_on_one_line_keep_the_order_of_the_tables_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/data/bad/same_line_order: several problems on one line (a missing title before the id's
    form, a missing id before an unknown field, the speaker/position pair) in the order written
    before the tables (the English is pinned in same_line_order.txt)."""
    monkeypatch.chdir(BAD)
    env = {"STUDYKIT_LANG": "zh", "STUDYKIT_NO_CACHE": "1"}
    result = CliRunner().invoke(main, ["check", "--bank", "same_line_order.yaml"], env=env, prog_name="studykit")
    assert result.exit_code == 1
    assert result.stderr == (BAD / "same_line_order.zh.txt").read_text(encoding="utf-8")


def _same_line_key(tmp_path: Path) -> Path:
    """tests/data/bad_keys/letter_a_letter_twice with more faults, several on item 1's first line."""
    text = (BAD.parent / "bad_keys" / "letter_a_letter_twice.key.yaml").read_text(encoding="utf-8")
    for old, new in (
        (
            "- number: 1\n  question_id: intro-01\n  type: single\n",
            "- numbr: 1\n  question_id: intro-01\n  type: [single]\n",
        ),
        ("  points: 2\n", "  points: ''\n"),
        ("scoring:\n  multiple: all-or-nothing\n", "scoring:\n  multiple: ''\n  single: x\n"),
        ("quiz_id: mini-test-7-abc\n", ""),
    ):
        text = text.replace(old, new, 1)
    (tmp_path / "k.key.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "k.key.yaml"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "k.key.yaml:1: field 'quiz_id': missing (expected the quiz id, e.g. szzl-hubei-daily-7-3f2a9c01; studykit quiz writes it)",
                "k.key.yaml:7: field 'scoring.multiple': '' is not a scoring rule for multiple-choice items (expected all-or-nothing or partial)",
                "k.key.yaml:8: field 'scoring.single': unknown field (expected one of: multiple)",
                "k.key.yaml:11: entry 1 of 'items', field 'numbr': unknown field (expected one of: number, question_id, type, speech, points, stem, options, answer, correct)",
                "k.key.yaml:11: entry 1 of 'items', field 'number': missing (expected the item's number as printed on the paper; studykit quiz writes it)",
                "k.key.yaml:11: entry 1 of 'items', field 'points': missing (expected the item's points, more than 0 and at most 100; studykit quiz writes it)",
                "k.key.yaml:13: entry 1 of 'items', field 'type': a list is not a question type (expected one of: single, multiple, true_false, fill_blank)",
                "k.key.yaml:55: item 3, field 'answer': 'A' is written twice (expected each letter once)",
                "answer key k.key.yaml: 8 errors (listed above)",
            ],
        ),
        (
            "zh",
            [
                "k.key.yaml:1: 字段 'quiz_id'：缺失（应为测验编号，例如 szzl-hubei-daily-7-3f2a9c01；studykit quiz 会写上）",
                "k.key.yaml:7: 字段 'scoring.multiple'：'' 不是多选题的计分规则（应为 all-or-nothing 或 partial）",
                "k.key.yaml:8: 字段 'scoring.single'：未知字段（应为以下之一：multiple）",
                "k.key.yaml:11: 'items' 的第 1 项，字段 'numbr'：未知字段（应为以下之一：number、question_id、type、speech、points、stem、options、answer、correct）",
                "k.key.yaml:11: 'items' 的第 1 项，字段 'number'：缺失（应为试卷上印的题号；studykit quiz 会写上）",
                "k.key.yaml:11: 'items' 的第 1 项，字段 'points'：缺失（应为该题分值，大于 0 且不超过 100；studykit quiz 会写上）",
                "k.key.yaml:13: 'items' 的第 1 项，字段 'type'：一个列表 不是题型（应为以下之一：single、multiple、true_false、fill_blank）",
                "k.key.yaml:55: 第 3 题，字段 'answer'：'A' 写了两次（每个字母只写一次）",
                "答案文件 k.key.yaml：8 个错误（见上文）",
            ],
        ),
    ],
)
def test_a_keys_problems_keep_the_order_of_its_tables(
    lang: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every problem of an answer key, in the order written before the tables (lines and wording
    pinned from that code): unknown fields first, then the table's fields; an empty required value at
    the item's line."""
    monkeypatch.setenv("STUDYKIT_LANG", lang)
    monkeypatch.chdir(_same_line_key(tmp_path).parent)
    with pytest.raises(KeyFileError) as caught:
        load_key("k.key.yaml")
    assert str(caught.value).split("\n") == expected
