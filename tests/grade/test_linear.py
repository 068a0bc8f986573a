"""Reading is linear (issue 18, items 4 and 5): doubling an answer at most roughly doubles the
time to read it — with the answer length cap lifted, so that the algorithm itself is measured."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from studykit.grade import normalize
from studykit.grade.normalize import MAX_ANSWER, read_answer
from studykit.grade.readers import _ANSWER_LINE, _as_written, clean
from studykit.key import AnswerKey


def seconds(work: Callable[[], object]) -> float:
    """The best of five timings of ``work`` in CPU seconds of this process (other processes on a
    busy machine move wall time, hardly CPU time)."""
    best = float("inf")
    for _ in range(5):
        read_answer.cache_clear()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(make: Callable[[int], Callable[[], object]], size: int) -> None:
    """Reading an input of 4 × ``size`` takes at most 8 times (a doubling ratio of about 2,
    with room for noise) as long as one of ``size``; a cubic reader takes 64 times."""
    small, large = seconds(make(size)), seconds(make(4 * size))
    assert large <= 8 * small + 0.02, (small, large)


@pytest.fixture()
def uncapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "MAX_ANSWER", 10**9)


@pytest.mark.usefixtures("uncapped")
def test_joined_option_texts_read_in_linear_time(key: AnswerKey) -> None:
    """An option's text repeated and joined by 、, ending in X (once cubic: 17 KB took 42-75 s)."""
    item = key.items[2]
    assert_linear(lambda n: lambda: read_answer("、".join([item.options[0]] * n) + "、X", item), 2000)


@pytest.mark.usefixtures("uncapped")
def test_free_text_with_commas_reads_in_linear_time(key: AnswerKey) -> None:
    """Long text with commas given to a choice item (once quadratic: 48 KB took 3.6 s)."""
    item = key.items[2]
    assert_linear(lambda n: lambda: read_answer("这是一段文字，" * n, item), 2000)


def test_a_sheet_line_of_full_width_letters_reads_in_n_log_n_time() -> None:
    """``１．ＡＡＡ…`` on a .txt sheet (once quadratic: 120 KB took 43 s); the answer is as written."""

    def make(n: int) -> Callable[[], object]:
        raw = "１．" + "Ａ" * n
        line = clean(raw)
        match = _ANSWER_LINE.match(line)
        assert match is not None
        return lambda: _as_written(raw, line, match.group(2))

    assert make(10)() == "Ａ" * 10
    assert_linear(make, 20000)


def test_an_answer_past_the_cap_is_unreadable_with_its_length(key: AnswerKey) -> None:
    """An answer of MAX_ANSWER + 1 characters is not read: shown cut, the problem says why."""
    reading = read_answer("A" * (MAX_ANSWER + 1), key.items[0])
    assert (reading.kind, reading.shown, reading.problem) == (
        "unreadable",
        "A" * 30 + "…",
        "an answer of 2,001 characters, more than the 2,000 an answer may have; not read",
    )
    assert read_answer("A" * MAX_ANSWER, key.items[0]).kind == "answer"
