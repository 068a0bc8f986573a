"""The public API as a new Python user meets it (issue: API test pass): the module docstring's
example runs as written, paths may be given as ``str`` or ``Path``, one path where a list of
paths is expected means that one path, and the low-level writers never overwrite the bank."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest

import studykit
from studykit import export_deck, grade_to_files, load_banks, make_handout, write_deck, write_practice, write_quiz
from studykit.errors import SelectionError, StudykitError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository root's bank and material, as the working folder."""
    shutil.copy(ROOT / "question_bank.yaml", tmp_path / "question_bank.yaml")
    shutil.copytree(ROOT / "material", tmp_path / "material")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_module_docstring_example_runs_as_written(repo: Path) -> None:
    """Every line of studykit's docstring example runs, in order, from the repository root."""
    doc = studykit.__doc__ or ""
    block = itertools.takewhile(lambda line: not line or line.startswith("    "), doc.split("::\n", 1)[1].splitlines())
    example = textwrap.dedent("\n".join(block))
    assert "write_review_decks" in example
    write_quiz([], Path("quiz.md"), "md")  # the README's first command was run here: a quiz of another seed
    for _ in range(2):  # and the example may be run again
        exec(compile(example, "studykit.__doc__", "exec"), {})
    assert sorted(p.name for p in (repo / "错题本").iterdir()) == ["张三.apkg"]
    assert (repo / "成绩.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (repo / "测验.key.yaml").read_text(encoding="utf-8").startswith("studykit_key: 1\n")


def test_workflows_take_str_paths(repo: Path) -> None:
    """A str output path works like a Path in every workflow (no AttributeError)."""
    run = write_quiz([], "q.md", "md", seed=7)
    assert [p.name for p in run.files] == ["q.md", "q.key.yaml", "q.solutions.md", "q.answers.txt"]
    assert write_practice([], "p.html", count=5, seed=1).path == Path("p.html")
    assert export_deck([], "d.apkg", timestamp=0).path == Path("d.apkg")
    assert make_handout([], "h.md", "md").handout.title.startswith("学习要点")
    (repo / "zs.answers.txt").write_text("姓名：张三\n测验：szzl-hubei-daily-7-0b3cb86e\n1. A\n", encoding="utf-8")
    graded = grade_to_files("zs.answers.txt", "q.key.yaml", output="r.json", review_dir="错题本")
    assert graded.output == Path("r.json") and [m.name for m in graded.report.members] == ["张三"]
    assert sorted(os.listdir(repo / "错题本")) == ["张三.apkg"]


def test_load_banks_takes_one_path_as_that_path(repo: Path) -> None:
    """load_banks("question_bank.yaml") loads that bank, not one bank per character of the name."""
    library = load_banks("question_bank.yaml")
    assert [b.id for b in library.banks] == ["szzl-hubei-daily"]


def test_write_deck_refuses_to_overwrite_the_bank(repo: Path) -> None:
    """write_deck onto the bank's own file (or a material file) raises and leaves it as it was."""
    bank = studykit.load_bank("question_bank.yaml")
    before = (repo / "question_bank.yaml").read_bytes()
    with pytest.raises(
        StudykitError,
        match=re.escape(
            "cannot write question_bank.yaml: it is the bank (question_bank.yaml); choose another output path"
        ),
    ):
        write_deck(bank, "question_bank.yaml")
    with pytest.raises(StudykitError, match=r"^cannot write material/01-ren-jiantao\.txt: it is a material file"):
        write_deck(load_banks(["question_bank.yaml"]), "material/01-ren-jiantao.txt")
    assert (repo / "question_bank.yaml").read_bytes() == before
    assert (repo / "material/01-ren-jiantao.txt").read_bytes() == (ROOT / "material/01-ren-jiantao.txt").read_bytes()


def test_the_readme_python_api_examples_run_as_written(repo: Path) -> None:
    """Each Python block of the README's "Python API" section runs, in order, from the repository root."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 2
    write_quiz([], Path("quiz.md"), "md")  # the README's first command was run here
    for _ in range(2):  # and the examples may be run again
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {"print": lambda *args: None})
    assert (repo / "学习要点.docx").is_file()
    assert '"members"' in (repo / "成绩.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"points": {"single": 1000}},
            "points for single must be above 0 and at most 100, with at most 2 decimals, not 1000",
        ),
        (
            {"points": {"single": 0.001}},
            "points for single must be above 0 and at most 100, with at most 2 decimals, not 0.001",
        ),
        (
            {"points": {"single": float("inf")}},
            "points for single must be above 0 and at most 100, with at most 2 decimals, not inf",
        ),
        ({"points": {"single": -1}}, "points for single must be positive, not -1"),
        ({"total": -5}, "total must be above 0 and at most 10000 points, not -5"),
        ({"total": 0}, "total must be above 0 and at most 10000 points, not 0"),
        ({"total": float("nan")}, "total must be above 0 and at most 10000 points, not nan"),
        ({"total": float("inf")}, "total must be above 0 and at most 10000 points, not inf"),
    ],
)
def test_build_papers_refuses_points_a_key_cannot_hold(options: dict[str, object], message: str) -> None:
    """Points and totals out of the key format's range are a SelectionError before any draw, not a
    paper whose answer key load_key then refuses (1000 points), nor a bare ValueError (nan)."""
    bank = studykit.load_bank(ROOT / "question_bank.yaml")
    with pytest.raises(SelectionError) as caught:
        studykit.build_papers(bank, seed=1, **options)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_type_counts_in_a_total_message_are_listed_in_the_interface_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """A total the items cannot reach lists the items as 'N single, N multiple' in English, not joined by 、."""
    bank = studykit.load_bank(ROOT / "question_bank.yaml")
    with pytest.raises(SelectionError) as caught:
        studykit.build_papers(bank, seed=1, count=3, types=["single"], total=100, points={"single": 5})
    assert str(caught.value) == "3 single items cannot total 100 points at the points given (15 in all)"
    with pytest.raises(SelectionError) as caught:
        studykit.build_papers(
            bank, seed=1, mix={"single": 2, "multiple": 1}, total=100, points={"single": 5, "multiple": 2}
        )
    assert str(caught.value).startswith("2 single, 1 multiple items cannot total 100 points at the points given")
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    with pytest.raises(SelectionError) as caught:
        studykit.build_papers(
            bank, seed=1, mix={"single": 2, "multiple": 1}, total=100, points={"single": 5, "multiple": 2}
        )
    assert str(caught.value).startswith("题目（2 单选、1 多选）凑不成 100 分")


def test_grade_to_files_with_nothing_graded_names_the_files_without_warn(repo: Path) -> None:
    """Without ``warn``, the error for no member graded carries each file's problem as details
    (a Python caller saw only 'no answers could be graded'); with ``warn`` they went there."""
    write_quiz([], Path("q.md"), "md", seed=7)
    with pytest.raises(StudykitError) as caught:
        grade_to_files(["答卷/", "q.answers.txt"], ["q.key.yaml"])
    assert str(caught.value) == (
        "答卷/: file not found\n"
        "q.answers.txt: warning: a blank answer sheet (no 姓名 and no answer filled in); left out\n"
        "no answers could be graded"
    )
    warned: list[str] = []
    with pytest.raises(StudykitError) as caught:
        grade_to_files(["答卷/"], ["q.key.yaml"], warn=warned.append)
    assert str(caught.value) == "no answers could be graded"
    assert warned == ["答卷/: file not found"]


def test_one_speech_id_given_alone_is_that_speech(repo: Path) -> None:
    """speeches="intro" (not ["intro"]) means the speech intro everywhere; it was read as the ids
    'i', 'n', … and refused with "unknown speech id 'i'". A lone type, tag and difficulty likewise."""
    bank = studykit.load_bank("question_bank.yaml")
    paper = studykit.build_papers(bank, speeches="intro", types="single", difficulties=1, count=3, seed=1)[0]
    assert {(i.question.speech, i.question.type, i.question.difficulty) for i in paper.items} == {
        ("intro", "single", 1)
    }
    tagged = studykit.build_papers(bank, tags="湖北", count=2, seed=1)[0]
    assert all("湖北" in i.question.tags for i in tagged.items)
    assert {i.question.speech for i in studykit.build_practice(bank, speeches="intro", count=3, seed=1).items} == {
        "intro"
    }
    assert [s.speech.id for s in studykit.build_handout(bank, "intro").sections] == ["intro"]
    assert studykit.write_deck(bank, "d.apkg", speeches="intro", timestamp=0).decks[-1].notes == 15
    assert {
        i.question.speech for i in write_quiz([], "q.md", "md", speeches="intro", count=3, seed=1).papers[0].items
    } == {"intro"}
    assert {
        i.question.speech for i in write_practice([], "p.html", speeches="intro", count=3, seed=1).practice.items
    } == {"intro"}
    assert export_deck([], "e.apkg", speeches="intro", timestamp=0).deck.decks[-1].notes == 15
    assert [s.speech.id for s in make_handout([], "h.md", "md", speeches="intro").handout.sections] == ["intro"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: write_quiz([], "q.html", "md", seed=1),
            "output q.html is a .html name but --format is md (make them agree)",
        ),
        (
            lambda: write_quiz([], "q.md", "docx", seed=1),
            "output q.md is a .md name but --format is docx (make them agree)",
        ),
        (
            lambda: write_quiz([], "q.key.yaml", "md", seed=1),
            "output q.key.yaml: studykit does not write .yaml files (supported: .md, .markdown, .html, .htm, .docx, "
            ".tencent.txt, .wjx.txt, .gift, .xml)",
        ),
        (lambda: make_handout([], "h.md", "docx"), "output h.md is a .md name but --format is docx (make them agree)"),
        (
            lambda: write_quiz([], "q", "pdf", seed=1),
            "unknown format 'pdf' (expected one of: md, html, docx, tencent, wjx, gift, moodle-xml)",
        ),
        (lambda: make_handout([], "h", "tencent"), "unknown format 'tencent' (expected one of: md, html, docx)"),
    ],
)
def test_a_path_whose_suffix_names_another_format_is_refused(repo: Path, call: object, message: str) -> None:
    """write_quiz / make_handout with a path and a format that disagree raise, writing nothing; they
    wrote a Word zip into q.md and Markdown into q.html (and q.key.key.yaml beside q.key.yaml)."""
    with pytest.raises(StudykitError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message
    assert sorted(p.name for p in repo.iterdir()) == ["material", "question_bank.yaml"]


def test_a_path_without_suffix_gets_the_formats(repo: Path) -> None:
    """write_quiz([], "q", "html") writes q.html, as studykit quiz -o q --format html does."""
    assert next(p.name for p in write_quiz([], "q", "html", seed=1).files) == "q.html"


def test_write_practice_and_export_deck_check_the_suffix_as_their_commands_do(repo: Path) -> None:
    """write_practice writes only .html pages (自测 → 自测.html) and export_deck only .apkg packages,
    as studykit practice / anki refuse; they wrote HTML into p.md and a zip into deck.txt."""
    with pytest.raises(StudykitError) as caught:
        write_practice([], "p.md", count=3, seed=1)
    assert str(caught.value) == "output p.md: studykit practice writes one .html page, not .md (use -o p.html)"
    with pytest.raises(StudykitError) as caught:
        export_deck([], "deck.txt")
    assert str(caught.value) == "'deck.txt' does not end in .apkg (Anki imports only .apkg packages)"
    assert sorted(p.name for p in repo.iterdir()) == ["material", "question_bank.yaml"]
    assert write_practice([], "自测", count=3, seed=1).path == Path("自测.html")
