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


def _solutions_sources(bank: Path, out: Path, count: int) -> list[str]:
    """The 出处 lines of a paper of ``count`` items (drafts included) from ``bank``, in order."""
    code, output = _run("quiz", "--bank", str(bank), "--include-drafts", "--count", str(count), "--seed", "1",
                        "-o", str(out / "q.md"))  # fmt: skip
    assert code == 0, output
    text = (out / "q.solutions.md").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("出处：")]


def test_a_regulations_chapter_is_cited_as_its_chapter(tmp_path: Path) -> None:
    """The 办法 drafted by 第X章 printed 出处 文章“第二章　积分内容和标准”部分, as if a section of an untitled
    text: its chapters read 《…办法（试行）》第二章　积分内容和标准, as they do where several articles meet."""
    _bank(FRESH / "banfa.txt", tmp_path / "b")
    sources = _solutions_sources(tmp_path / "b" / "question_bank.yaml", tmp_path, 5)
    assert sources[0] == "出处：《青山县农村党员积分制管理办法（试行）》第一章　总　　则：“（四）坚持注重实效。”"
    assert len(sources) == 5
    assert all(s.startswith("出处：《青山县农村党员积分制管理办法（试行）》第") for s in sources)
    assert [s for s in sources if "文章“" in s] == []


def test_the_sections_of_an_untitled_text_keep_their_citation(tmp_path: Path) -> None:
    """Other articles' 出处 are unchanged: a section of a text under 一、 headings is still 文章“一、…”部分."""
    from studykit.model import Speech, own_article

    section = Speech("part-1", "一、把理论学习作为首要任务", Path("m.txt"), "一、把理论学习作为首要任务\n正文。\n", 0)
    chapter = Speech("part-2", "第二章　积分内容和标准", Path("n.txt"), "第二章　积分内容和标准\n正文。\n", 1)
    assert own_article("学习心得", (section,)) == (section,)  # one part, not headed by the title
    assert own_article("学习心得", (section, chapter)) == (section, chapter)  # no regulation: no chapters
    assert [s.where for s in own_article("某某办法（试行）", (section, chapter))] == [
        "文章“一、把理论学习作为首要任务”部分",
        "《某某办法（试行）》第二章　积分内容和标准",
    ]


ONE_PART = (
    "党员先锋岗亮出新风采\n\n今年以来，我县在窗口单位开展“党员先锋岗”创建活动，推动党员亮身份、作表率。\n\n"
    "全县共设立党员先锋岗120个，覆盖政务服务、医疗卫生、教育等领域。\n"
)


def test_the_one_part_layout_cites_its_title(tmp_path: Path) -> None:
    """An article drafted as one part headed by its title printed 出处 文章“党员先锋岗亮出新风采”部分 in its
    own bank: it reads 《党员先锋岗亮出新风采》, as where several articles meet; check's warning names it a part."""
    article = tmp_path / "one.txt"
    article.write_text(ONE_PART, encoding="utf-8")
    _bank(article, tmp_path / "one")
    bank = tmp_path / "one" / "question_bank.yaml"
    assert _solutions_sources(bank, tmp_path, 1) == [
        "出处：《党员先锋岗亮出新风采》：“全县共设立党员先锋岗120个，覆盖政务服务、医疗卫生、教育等领域。”"
    ]
    code, output = _run("check", "--bank", str(bank))
    assert (code, output.splitlines()[0]) == (
        0,
        f"{bank}:9: warning: part 'part-1': 3 drafts to review (accept each by deleting its 'draft: true' line)",
    )


def test_check_names_a_speakerless_part_a_part_and_a_speech_a_speech(tmp_path: Path) -> None:
    """`check` on a drafted bank called each speakerless part 发言 'part-1' (speech 'part-1'): an introduction
    or section is a part (part 'intro', part 'part-1'), a speaker's part stays a speech (jianghua's 刘志强)."""
    _bank(FRESH / "tongxun.txt", tmp_path / "t")
    _bank(KNOWN2 / "jianghua.txt", tmp_path / "j")
    code, output = _run("check", "--bank", str(tmp_path / "t" / "question_bank.yaml"))
    assert code == 0
    assert [line.split(": warning: ")[1].split(":")[0] for line in output.splitlines() if "warning" in line] == [
        "part 'intro'",
        "part 'part-1'",
        "part 'part-2'",
        "part 'part-3'",
        "part 'part-4'",
    ]
    code, output = _run("check", "--bank", str(tmp_path / "j" / "question_bank.yaml"))
    assert code == 0
    assert [line.split(": warning: ")[1].split(":")[0] for line in output.splitlines() if "warning" in line] == [
        "speech 'liu-zhiqiang'",
    ]
