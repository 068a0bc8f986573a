"""Items that would give each other away never share a paper."""

from __future__ import annotations

import pytest

from skpaths import MINI_BANK, SHIPPED_BANK
from studykit import build_papers, load_bank
from studykit._giveaway import ConflictIndex


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("attr-wei-yueming-quote", "wei-yueming-06"),  # the quoted sentence lists the 五大体系 asked about
        ("attr-zhang-yanguo-quote", "zhang-yanguo-08"),  # the quote is the statement judged
        ("zhang-yanguo-03", "zhang-yanguo-10"),  # two items on one sentence
        ("intro-01", "intro-06"),  # the multiple's options state the venue asked about
        ("ren-jiantao-01", "attr-ren-jiantao-heading"),  # one fact, two directions
    ],
)
def test_known_give_aways_conflict(a: str, b: str) -> None:
    """Pairs a tester found giving each other away are conflicts."""
    bank = load_bank(SHIPPED_BANK)
    index = ConflictIndex(bank, bank.questions)
    assert index.conflict(bank.question(a), bank.question(b))
    assert index.conflict(bank.question(b), bank.question(a))


def test_speaker_names_and_bylines_are_not_give_aways() -> None:
    """A stem naming the speaker does not conflict with the derived heading or post items."""
    bank = load_bank(MINI_BANK)
    index = ConflictIndex(bank, bank.questions)
    assert not index.conflict(bank.question("ren-02"), bank.question("attr-ren-jiantao-heading"))
    assert not index.conflict(bank.question("attr-ren-jiantao-heading"), bank.question("attr-ren-jiantao-position"))
    assert index.conflict(bank.question("ren-02"), bank.question("attr-ren-jiantao-quote"))  # same sentence


def test_default_papers_hold_no_conflicting_pair() -> None:
    """200 default 20-item papers of the shipped bank have no conflicting pair."""
    bank = load_bank(SHIPPED_BANK)
    index = ConflictIndex(bank, bank.questions)
    for seed in range(200):
        (paper,) = build_papers(bank, count=20, seed=seed)
        qs = [item.question for item in paper.items]
        assert not any(index.conflict(a, b) for n, a in enumerate(qs) for b in qs[n + 1 :]), seed


def test_a_large_paper_relaxes_only_the_sentence_rules() -> None:
    """Asking for nearly every item still works; items of one fact still never meet."""
    bank = load_bank(SHIPPED_BANK)
    index = ConflictIndex(bank, bank.questions)
    (paper,) = build_papers(bank, count=108, seed=3)
    qs = [item.question for item in paper.items]
    assert len(qs) == 108
    assert not any(index.conflict(a, b, strict=False) for n, a in enumerate(qs) for b in qs[n + 1 :])
