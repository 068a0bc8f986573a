"""Round 8's draft leftovers: a quiz paper refused as no article, a written 体会 cited as written,
a regulation's chapters cited as its chapters, the one-part layout citing its title, and ``check``
naming speakerless parts 部分."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
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


FRESH = Path(__file__).parent / "data" / "fresh_article"
KNOWN2 = Path(__file__).parent / "data" / "draft_known2"


def _bank(article: Path, out: Path) -> dict[str, Any]:
    code, output = _run("draft", str(article), "-o", str(out))
    assert code == 0, output
    loaded: dict[str, Any] = yaml.safe_load((out / "question_bank.yaml").read_text(encoding="utf-8"))
    return loaded


def test_a_written_tihui_is_cited_and_quoted_as_written(tmp_path: Path) -> None:
    """The 体会 under □ 张丽萍 was quoted 张丽萍在发言中说 and cited 见张丽萍的发言《…》: a piece she wrote is
    quoted 张丽萍在文章中写道 and cited 张丽萍《…》, as its 出处 prints it; nothing says 发言 (but 发言权, her words)."""
    bank = _bank(FRESH / "tihui.txt", tmp_path / "t")
    first = bank["questions"][0]
    assert first["stem"] == (
        "张丽萍在文章中写道：“过去在基层工作，我常常以工作忙为理由，学习多是‘____’‘赶任务’，"
        "满足于读文件、记笔记，对理论的来龙去脉理解不深、把握不准。”"
    )
    assert first["explanation"] == (
        "见张丽萍《在学思践悟中筑牢为民初心》：“过去在基层工作，我常常以工作忙为理由，学习多是‘挤时间’‘赶任务’，"
        "满足于读文件、记笔记，对理论的来龙去脉理解不深、把握不准。”"
    )
    texts = [q[f] for q in bank["questions"] for f in ("stem", "explanation") if f in q]
    assert len(bank["questions"]) == 51
    assert sum(t.startswith("张丽萍在文章中写道：") for t in texts) == 28  # as many as were 在发言中说
    assert [t for t in texts if "发言" in t.replace("发言权", "")] == []


def test_a_talk_is_still_quoted_as_said(tmp_path: Path) -> None:
    """A speech under its speaker's 职务 byline keeps 发言: 张国华在发言中谈到 (xiangcun), unchanged."""
    bank = _bank(KNOWN2 / "xiangcun.txt", tmp_path / "x")
    assert (
        bank["questions"][0]["stem"]
        == "张国华在发言中谈到，村党支部书记王强告诉我：“我们村去年发展茶园（ ），户均增收1.2万元。”"
    )
