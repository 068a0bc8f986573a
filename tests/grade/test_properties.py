"""Property tests (issue 18): the readers and the grader never raise anything but studykit's own
errors, whatever the file holds; and an answer identical to the key, for any item ``check``
accepts, always scores full marks.  Sized to run in a few seconds."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from skpaths import MINI_BANK
from studykit.bank import load_bank
from studykit.errors import BankError, StudykitError
from studykit.grade import grade_files
from studykit.grade.scoring import item_result
from studykit.key import MULTIPLE_SCORING, AnswerKey, KeyItem
from studykit.model import LETTERS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "hostile"))
import contextlib

import make

#: The key fixture is read only, so sharing it across examples is safe.
FAST = settings(
    max_examples=int(os.environ.get("STUDYKIT_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: What answers are made of: letters (both widths), CJK, digits, separators, quotes, brackets,
#: the survey joiner, spaces of several kinds, and anything else.
PIECES = st.one_of(
    st.sampled_from(list("ABCDEFabcＡＢＣ对错√×、，,;；.。()（）【】“”\"'┋ \u3000\t\n第题姓名测验版本:：1234567890")),
    st.characters(codec="utf-8"),
)
TEXT = st.lists(PIECES, max_size=60).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-32"])


def grade_quietly(name: str, data: bytes, key: AnswerKey) -> None:
    """Grade one file holding ``data``: any exception but a StudykitError fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with contextlib.suppress(StudykitError):
            grade_files([path], key)


@FAST
@given(
    lines=st.lists(TEXT, max_size=12),
    suffix=st.sampled_from([".txt", ".csv", ".yaml", ".answers.txt"]),
    encoding=ENCODINGS,
    head=st.booleans(),
)
def test_random_text_never_raises_but_studykit_errors(
    key: AnswerKey, lines: list[str], suffix: str, encoding: str, head: bool
) -> None:
    """Random sheets and tables, in the encodings Chinese offices write, read without a traceback."""
    top = ["姓名：甲", "测验：mini-test-7-abc", "版本：A"] if head and suffix != ".csv" else []
    if head and suffix == ".csv":
        top = ["姓名,版本,1,2,3,4,5,6,7,8"]
    text = "\n".join(top + lines)
    grade_quietly("x" + suffix, text.encode(encoding, "ignore"), key)


@FAST
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".csv", ".xlsx", ".yaml"]))
def test_random_bytes_never_raise_but_studykit_errors(key: AnswerKey, data: bytes, suffix: str) -> None:
    """Random bytes under any answer file's suffix read without a traceback."""
    grade_quietly("x" + suffix, data, key)


GOOD_XML = make.sheet(make.members(2))


@FAST
@given(cuts=st.lists(st.tuples(st.integers(0, len(GOOD_XML)), st.integers(0, 20), TEXT), min_size=1, max_size=4))
def test_corrupted_worksheet_xml_never_raises_but_studykit_errors(
    key: AnswerKey, cuts: list[tuple[int, int, str]]
) -> None:
    """A workbook whose worksheet XML has random slices replaced by random text (mismatched tags,
    bad attributes, stray entities …) reads without a traceback."""
    xml = GOOD_XML
    for at, length, text in cuts:
        xml = xml[:at] + text + xml[at + length :]
    grade_quietly("x.xlsx", make.workbook(xml), key)


GOOD_XLSX = make.workbook(GOOD_XML)


@FAST
@given(
    flips=st.lists(st.tuples(st.integers(0, len(GOOD_XLSX) - 1), st.integers(0, 255)), max_size=6),
    keep=st.integers(0, len(GOOD_XLSX)),
)
def test_corrupted_workbook_bytes_never_raise_but_studykit_errors(
    key: AnswerKey, flips: list[tuple[int, int]], keep: int
) -> None:
    """A workbook with random bytes changed and its end cut off reads without a traceback."""
    data = bytearray(GOOD_XLSX)
    for at, value in flips:
        data[at] = value
    grade_quietly("x.xlsx", bytes(data[:keep] if keep > 20 else data), key)


# -- an answer identical to the key scores full marks ------------------------------------
OPTION = st.lists(
    st.one_of(
        st.sampled_from(list("省域治理大都市乡村县域网格长ABCDabcＡＢ“”\"'()（）、，,;。.…！? -")),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
    ),
    min_size=1,
    max_size=8,
).map("".join)


def _bank(folder: Path, qtype: str, options: list[str], answer: str) -> Path:
    """A one-question bank over the mini bank's ren-jiantao material."""
    material = (MINI_BANK.parent / "material" / "01-ren-jiantao.txt").read_text("utf-8")
    (folder / "m.txt").write_text(material, encoding="utf-8")
    flow = ", ".join(json.dumps(o, ensure_ascii=False) for o in options)
    path = folder / "bank.yaml"
    path.write_text(
        "bank:\n  id: t\n  title: 测试\nspeeches:\n  - id: s\n    heading: 大都市是省域治理重要落点\n"
        "    material: m.txt\nquestions:\n"
        f"  - id: q\n    speech: s\n    type: {qtype}\n    stem: 哪个（ ）\n    options: [{flow}]\n"
        f"    answer: {answer}\n    explanation: 见原文。\n    source: 大都市是省域治理重要落点\n",
        encoding="utf-8",
    )
    return path


@settings(
    max_examples=int(os.environ.get("STUDYKIT_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(options=st.lists(OPTION, min_size=3, max_size=6), data=st.data())
def test_the_key_itself_scores_full_marks_for_any_item_check_accepts(options: list[str], data: st.DataObject) -> None:
    """For a single or multiple item that check accepts, the key's letters — and the correct
    options' texts, as a survey tool exports them — score full marks under every rule."""
    letters = LETTERS[: len(options)]
    qtype = data.draw(st.sampled_from(["single", "multiple"]))
    size = 1 if qtype == "single" else data.draw(st.integers(2, len(options)))
    answer = "".join(sorted(data.draw(st.permutations(letters))[:size]))
    with tempfile.TemporaryDirectory() as folder:
        try:
            bank = load_bank(_bank(Path(folder), qtype, options, answer), cache=False)
        except BankError:
            assume(False)
            return
    q = bank.question("q")
    item = KeyItem(1, q.id, q.type, q.speech, 4.0, q.stem, q.answer, q.options)
    texts = "┋".join(q.options[LETTERS.index(letter)] for letter in q.answer)
    for written in ("、".join(q.answer), "".join(q.answer), texts):
        for rule in MULTIPLE_SCORING:
            result, _ = item_result(item, written, rule)
            assert (result.status, result.earned) == ("correct", 4.0), (written, rule, result)
