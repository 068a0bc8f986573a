"""The standard paper's shortfall note counts what the paper can hold (issue found by a new user).

tests/data/drafted_news/ is ``studykit draft`` run on a short news item (新闻.txt) and kept as
written: 18 drafts on 5 facts; the same fact is asked by items of two or three types, so the
per-type counts (single 2, multiple 2, true_false 3, fill_blank 2 different facts) add up to 9
while a paper takes each fact once: it holds 5 items.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from skpaths import DATA
from studykit import load_bank
from studykit.cli import main
from studykit.quiz import build_papers, mix_shortfall

DRAFTED = DATA / "drafted_news" / "question_bank.yaml"


def test_include_drafts_note_gives_the_counts_the_paper_holds(tmp_path: Path) -> None:
    """quiz --include-drafts on the drafted bank: the note says 2/1/1/1, the paper holds 2/1/1/1."""
    out = tmp_path / "p.md"
    result = CliRunner().invoke(
        main, ["quiz", "--include-drafts", "--bank", str(DRAFTED.parent), "--seed", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "quiz bank-1-d0069b97: 5 questions, 25 points"
    assert result.stderr.splitlines()[1:] == [
        "note: fewer questions match than the standard paper asks (single 2 of 8, multiple 1 of 4, "
        "true_false 1 of 4, fill_blank 1 of 4); --mix sets the items per type"
    ]
    paper = out.read_text(encoding="utf-8")
    assert "## 一、单项选择题（每题5分，共10分）" in paper
    assert "## 二、多项选择题（每题6分，共6分。多选、少选、错选均不得分）" in paper
    assert "## 三、判断题（每题4分，共4分）" in paper
    assert "## 四、填空题（每题5分，共5分）" in paper


def test_shortfall_matches_every_drawn_paper() -> None:
    """mix_shortfall gives, per short type, the items each standard paper drawn holds."""
    bank = load_bank(DRAFTED)
    assert mix_shortfall(bank) == [("single", 2, 8), ("multiple", 1, 4), ("true_false", 1, 4), ("fill_blank", 1, 4)]
    for seed in range(1, 11):
        (paper,) = build_papers(bank, seed=seed)
        held = Counter(i.type for i in paper.items)
        assert [(t, held[t]) for t, _have, _n in mix_shortfall(bank)] == [
            ("single", 2),
            ("multiple", 1),
            ("true_false", 1),
            ("fill_blank", 1),
        ], seed
