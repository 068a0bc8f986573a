"""A year paper drawn from several banks: articles first, then speeches within an article, so each
month's study is tested (a 10-item paper drew 6 of its items from the shipped bank's 9 speeches)."""

from __future__ import annotations

from collections import Counter

import pytest

from skpaths import DATA, SHIPPED_BANK
from studykit.library import Library, load_banks
from studykit.quiz import build_papers


@pytest.fixture(scope="module")
def year() -> Library:
    """The shipped bank (9 speeches, 180 facts) and tests/data/year's three articles (5 parts and 8 facts,
    4 parts and 23 facts, 5 parts and 4 facts)."""
    return load_banks([SHIPPED_BANK, DATA / "year"])


def per_article(library: Library, **options: object) -> list[int]:
    (paper,) = build_papers(library.merged(), **options)  # type: ignore[arg-type]
    held = Counter(item.question.id.split("/")[0] for item in paper.items)
    return [held[bank_id] for bank_id in library.ids]


@pytest.mark.parametrize(
    ("count", "seed", "expected"),
    [
        (10, 7, [2, 2, 3, 3]),  # drawn round by speeches: 6, 1, 1, 2
        (10, 1, [2, 3, 2, 3]),  # was 4, 2, 2, 2
        (12, 3, [3, 3, 3, 3]),  # was 6, 3, 2, 1 (tests/test_year_loop.py's paper)
        (12, 7, [3, 3, 3, 3]),  # was 6, 2, 2, 2
        (20, 7, [5, 5, 6, 4]),  # 12-xxtz has 4 facts: all of them
        (30, 1, [9, 8, 9, 4]),  # 10-plywz's 8 facts and 12-xxtz's 4: all; was 14, 6, 7, 3
    ],
)
def test_a_year_paper_draws_each_article_in_turn(year: Library, count: int, seed: int, expected: list[int]) -> None:
    """Each round gives every article with items left one item (articles holding fewest first), so the
    articles' counts differ by at most one until an article has no item left that may join."""
    assert year.ids == ("szzl-hubei-daily", "10-plywz", "11-zth", "12-xxtz")
    assert per_article(year, count=count, seed=seed) == expected


def test_the_standard_year_paper_spreads_over_the_articles(year: Library) -> None:
    """The standard paper (8 单选, 4 多选, 4 判断, 4 填空) of the four articles: 6, 4, 6, 4 (it was 10, 4, 4, 2)."""
    assert per_article(year, seed=7) == [6, 4, 6, 4]


def test_within_an_article_the_draw_still_goes_speech_by_speech(year: Library) -> None:
    """The shipped bank's 12 items of a 32-item paper (the other articles give 8, 8 and 4) cover its 9
    speeches, three of them twice: inside an article's turns the speeches holding fewest go first."""
    (paper,) = build_papers(year.merged(), count=32, seed=7)
    speeches = Counter(i.question.speech for i in paper.items if i.question.id.startswith("szzl-hubei-daily/"))
    assert sorted(speeches.values()) == [1, 1, 1, 1, 1, 1, 2, 2, 2]


def test_one_bank_draws_as_before() -> None:
    """A single bank's paper is unchanged by the article rounds (one article: rounds over its speeches)."""
    (paper,) = build_papers(load_banks([SHIPPED_BANK]).merged(), count=10, seed=7)
    assert [i.question.id for i in paper.items] == EXPECTED_SINGLE


#: The shipped bank's 10-item paper (seed 7) as the draw round by speeches gave it before the article rounds.
EXPECTED_SINGLE = [
    "intro-04",
    "ren-jiantao-03",
    "attr-zhao-xianfu-quote",
    "zhang-yanguo-17",
    "wei-yueming-04",
    "ouyang-kang-17",
    "jiang-xiaoping-18",
    "tian-yipeng-08",
    "dai-xiaoming-12",
    "dai-xiaoming-19",
]
