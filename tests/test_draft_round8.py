"""Round 8's draft leftovers: a quiz paper refused as no article, a written 体会 cited as written,
a regulation's chapters cited as its chapters, the one-part layout citing its title, and ``check``
naming speakerless parts 部分."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import SHIPPED_BANK
from studykit.cli import main


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A paper of the shipped bank as ``studykit quiz`` writes it, in Markdown and in Word (versions A/B)."""
    folder = tmp_path_factory.mktemp("papers")
    for out in ("q.md", "v.docx"):
        code, output = _run("quiz", "--bank", str(SHIPPED_BANK), "--count", "5", "--seed", "1",
                            *(("--versions", "2") if out == "v.docx" else ()), "-o", str(folder / out))  # fmt: skip
        assert code == 0, output
    return folder


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("q.md", "a studykit quiz paper (测验编号 szzl-hubei-daily-1-f9dd0755)"),
        ("q.solutions.md", "the solutions of a studykit quiz (测验编号 szzl-hubei-daily-1-f9dd0755)"),
        ("q.answers.txt", "a studykit answer sheet"),
        ("v-A.docx", "a studykit quiz paper (测验编号 szzl-hubei-daily-1-06250afd)"),
        ("v-B.solutions.docx", "the solutions of a studykit quiz (测验编号 szzl-hubei-daily-1-06250afd)"),
        ("v-A.card.docx", "a studykit answer sheet"),
    ],
)
def test_draft_refuses_a_quiz_paper(papers: Path, name: str, what: str) -> None:
    """`studykit draft q.md` drafted 2 questions from the paper's own stems (and 14 from its solutions):
    a paper, its solutions or answer sheet is named as what it is, with its 测验编号, and nothing is written."""
    out = papers / f"out-{name}"
    code, output = _run("draft", str(papers / name), "-o", str(out))
    assert (code, output) == (
        1,
        f"Error: {papers / name}: this is {what}, not an article "
        "(expected the article the quiz was made from, .docx or .txt)\n",
    )
    assert not out.exists()
