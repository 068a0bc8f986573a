"""Hostile article text for ``studykit draft`` (the break-it round): a long line with no end mark."""

from __future__ import annotations

import time

from studykit.draft.candidates.text import MAX_SENTENCE, sentences
from studykit.draft.split import Part


def test_a_long_line_without_an_end_mark_is_read_in_linear_time() -> None:
    """``一要`` 49,000 times (98,000 characters, under the 100,000 an article may have) then two sentences:
    the sentence pattern searched the unterminated text for an end mark at every position — 2.6 s for
    20,000 characters, over a minute for this line; the text after the last end mark is no sentence."""
    part = Part("part-1", "讲话", "一要" * 49_000 + "。好的，同志们。还有没有结束的尾巴" * 3 + "\n" + "一要" * 49_000)
    start = time.process_time()
    found = [s.text for s in sentences(part)]
    assert time.process_time() - start < 2.0
    assert found == ["好的，同志们。", "还有没有结束的尾巴。"] * 2 + ["好的，同志们。"]  # the first (98,001) too long


def test_closing_quotes_after_the_last_end_mark_stay_with_its_sentence() -> None:
    part = Part(
        "part-1", "讲话", "他说：“要抓好落实。”）后面没有句号的话\n在会上大家都说“这是我们的共同心愿！”随后散会了。"
    )
    assert [s.text for s in sentences(part)] == [
        "他说：“要抓好落实。”）",
        "在会上大家都说“这是我们的共同心愿！”",
        "随后散会了。",
    ]


def test_a_sentence_of_more_than_1000_characters_is_not_drafted_from() -> None:
    """One 'sentence' of 4,000 一是…二是 runs (56,000 characters) drafted 8,000 items each quoting all of it
    as its source: 90 s and 9.7 GB of memory.  A sentence is drafted from up to 1,000 characters; the
    sentences after a longer one keep their numbers (the points rule counts sentences between points)."""
    runs = "一是抓好党建，二是抓好发展，"
    fits = runs * 71 + "。"
    part = Part("part-1", "讲话", runs * 72 + "。" + fits + "一是抓好党建。")
    assert (MAX_SENTENCE, len(fits), len(runs * 72 + "。")) == (1000, 995, 1009)
    assert [(s.number, len(s.text)) for s in sentences(part)] == [(1, 995), (2, 7)]
