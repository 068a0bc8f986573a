"""The commands' library calls (studykit.workflows): what a Python user gets from write_quiz,
grade_to_files and make_handout is what the CLI prints and writes."""

from __future__ import annotations

from pathlib import Path

import pytest

import studykit
from studykit.errors import StudykitError
from studykit.workflows import export_deck, grade_to_files, make_handout, write_practice, write_quiz

BANK = Path(__file__).resolve().parent.parent / "question_bank.yaml"
MINI_BANK = Path(__file__).resolve().parent / "data" / "mini" / "question_bank.yaml"
QUIZ_ID = "szzl-hubei-daily-7-0b3cb86e"


def _quiz(tmp_path: Path) -> Path:
    write_quiz([BANK], tmp_path / "q.md", "md", seed=7)
    return tmp_path / "q.key.yaml"


def test_write_quiz_returns_the_files_and_the_lines_quiz_prints(tmp_path: Path) -> None:
    """write_quiz writes the four files of a Markdown quiz and returns them with quiz's summary lines."""
    warned: list[str] = []
    run = write_quiz([BANK], tmp_path / "q.md", "md", seed=7, warn=warned.append)
    names = [p.name for p in run.files]
    assert names == ["q.md", "q.key.yaml", "q.solutions.md", "q.answers.txt"]
    assert all((tmp_path / n).read_bytes() == run.files[tmp_path / n] for n in names)
    assert run.summary == [f"quiz {QUIZ_ID}: 20 questions, 100 points", "wrote " + ", ".join(str(p) for p in run.files)]
    assert run.notes == warned == []
    assert len(run.papers) == 1 and run.papers[0].quiz_id == QUIZ_ID


def test_write_quiz_refuses_to_replace_a_key_without_force(tmp_path: Path) -> None:
    """Another draw onto an existing key is refused unless force=True, as by studykit quiz."""
    _quiz(tmp_path)
    with pytest.raises(StudykitError, match=r"q\.key\.yaml exists: it is the answer key of papers"):
        write_quiz([BANK], tmp_path / "q.md", "md", seed=8)
    run = write_quiz([BANK], tmp_path / "q.md", "md", seed=8, force=True)
    assert run.notes[0].startswith("warning: ") and len(run.notes) == 1


def test_grade_to_files_grades_the_rest_and_names_the_failed_file(tmp_path: Path) -> None:
    """One sheet for another quiz does not stop the batch: one member graded, the other file named."""
    key = _quiz(tmp_path)
    good = tmp_path / "张三.answers.txt"
    good.write_text(f"姓名：张三\n测验：{QUIZ_ID}\n1. B\n2. A\n", encoding="utf-8")
    bad = tmp_path / "李四.answers.txt"
    bad.write_text("姓名：李四\n测验：bad\n", encoding="utf-8")
    run = grade_to_files([good, bad], [key], bank_paths=[BANK], output=tmp_path / "r.json")
    assert [m.name for m in run.report.members] == ["张三"]
    assert run.report.members[0].score == 10
    assert run.fmt == "json" and (tmp_path / "r.json").exists()
    assert run.failed_files == [str(bad)]
    assert run.failure_message() == (f"not everything could be graded: {bad} (see above); the report covers the rest")
    assert run.notes == [
        f"{bad}:2: the sheet is for quiz 'bad' but the key is for '{QUIZ_ID}' (grade it with that quiz's key)"
    ]


def test_grade_to_files_never_writes_onto_its_key(tmp_path: Path) -> None:
    """The report's path may not be the answer key: StudykitError, and the key is unchanged."""
    key = _quiz(tmp_path)
    before = key.read_bytes()
    with pytest.raises(StudykitError, match="the answer key"):
        grade_to_files([tmp_path / "q.answers.txt"], [key], output=key)
    assert key.read_bytes() == before


def test_make_handout_counts_speeches_and_facts(tmp_path: Path) -> None:
    """The whole bank's handout: 9 speeches, 119 facts, the line studykit handout prints."""
    run = make_handout([BANK], tmp_path / "h.md", "md")
    assert run.summary == f"wrote {tmp_path / 'h.md'}: 9 speeches, 119 facts"
    assert (len(run.handout.sections), run.handout.facts) == (9, 119)
    assert (tmp_path / "h.md").read_text(encoding="utf-8").startswith("# ")


def test_the_workflows_are_public() -> None:
    """write_quiz, grade_to_files and make_handout are exported from studykit."""
    assert studykit.write_quiz is write_quiz
    assert studykit.grade_to_files is grade_to_files and studykit.make_handout is make_handout
    assert {"write_quiz", "grade_to_files", "make_handout"} <= set(studykit.__all__)


def test_write_practice_writes_the_page_and_returns_what_practice_prints(tmp_path: Path) -> None:
    """write_practice draws 5 questions, writes one page and returns practice's lines (the seed
    line only when no seed was given); the page cannot be written over the bank."""
    run = write_practice([BANK], tmp_path / "p.html", count=5, seed=7)
    assert len(run.practice.items) == 5 and run.practice.seed == 7
    assert run.summary == [f"wrote {tmp_path / 'p.html'}: 5 questions ({run.practice.quiz_id})"]
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    drawn = write_practice([BANK], tmp_path / "q.html", count=3)
    assert drawn.summary[0] == f"seed: {drawn.practice.seed} — rerun with --seed {drawn.practice.seed}"
    (tmp_path / "bank.html").symlink_to(BANK)  # an .html name (a .yaml one is refused for its suffix first)
    with pytest.raises(StudykitError) as refused:
        write_practice([BANK], tmp_path / "bank.html", count=3, seed=1)
    assert (
        str(refused.value)
        == f"cannot write {tmp_path / 'bank.html'}: it is the bank ({BANK}); choose another output path"
    )


def test_every_public_name_resolves() -> None:
    """Each name in studykit.__all__ is importable, one per command and per output a Python user needs."""
    for name in studykit.__all__:
        assert getattr(studykit, name) is not None, name
    assert {
        "write_practice",
        "summarize_banks",
        "save_report",
        "render_report",
        "write_review_decks",
        "dump_key",
        "build_handout",
        "load_report",
        "build_practice",
        "render_practice",
    } <= set(studykit.__all__)
    assert studykit.write_practice is write_practice


def test_export_deck_writes_the_default_path_and_returns_anki_s_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """export_deck with no path writes <bank id>.apkg in the working folder: 201 notes (177 curated
    and 24 derived items) in 9 subdecks, and its summary is what studykit anki prints."""
    monkeypatch.chdir(tmp_path)
    run = export_deck([BANK], timestamp=1_700_000_000)
    assert run.path == Path("szzl-hubei-daily.apkg") and (tmp_path / run.path).stat().st_size > 0
    assert (run.deck.notes, len(run.deck.decks)) == (201, 10)
    assert run.summary.splitlines()[0] == "wrote szzl-hubei-daily.apkg: 201 notes, 201 cards in 9 decks"


def _one_sheet(tmp_path: Path) -> tuple[Path, Path]:
    key = _quiz(tmp_path)
    sheet = tmp_path / "张三.answers.txt"
    sheet.write_text(f"姓名：张三\n测验：{QUIZ_ID}\n1. B\n2. A\n", encoding="utf-8")
    return key, sheet


def test_grade_files_takes_one_path_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """grade_files("张三.answers.txt", key) grades that one file (not its letters, one by one)."""
    from studykit import grade_files, load_key

    key, _sheet = _one_sheet(tmp_path)
    monkeypatch.chdir(tmp_path)
    report = grade_files("张三.answers.txt", load_key(key))
    assert [(m.name, m.score) for m in report.members] == [("张三", 10)]
    assert report.failures == ()


def test_grade_files_notes_another_article_s_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank that is not the key's, given to grade_files, is named in the report's note (as studykit
    grade --bank says it); the score comes from the key alone, and no 解析 comes from that other
    article's bank (report-checks: they were another question's).  The note is made in the report's
    language, Chinese."""
    from studykit import grade_files, load_bank, load_key

    monkeypatch.setenv("STUDYKIT_LANG", "en")
    key, sheet = _one_sheet(tmp_path)
    other = load_bank(MINI_BANK)
    report = grade_files([sheet], load_key(key), bank=other)
    assert report.members[0].score == 10
    assert report.bank_note == (
        f"题库 {other.path} 是 'mini-test'，而测验出自 'szzl-hubei-daily'；它的解析和重读位置会是别的题目的，"
        "所以不列出（得分只按答案文件计算）"
    )
    assert report.rereads == {}


def test_grade_in_english_warns_in_english_and_notes_in_chinese_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """studykit grade --bank OTHER in an English session: the warning on the console is English, the
    note inside the (Chinese) text report is Chinese."""
    from click.testing import CliRunner

    from studykit.cli import main

    monkeypatch.setenv("STUDYKIT_LANG", "en")
    key, sheet = _one_sheet(tmp_path)
    result = CliRunner().invoke(main, ["grade", str(sheet), "--key", str(key), "--bank", str(MINI_BANK)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: the bank {MINI_BANK} is 'mini-test' but the quiz was made from 'szzl-hubei-daily'; "
        "its 解析 and reread hints are left out, as they would be another question's (scores come from the key "
        "alone)\n"
    )
    assert f"注意：题库 {MINI_BANK} 是 'mini-test'，而测验出自 'szzl-hubei-daily'；它的解析" in result.stdout


def test_an_unknown_report_format_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    """fmt='pdf' is an OptionError from output_format and from grade_to_files, before the answers
    (here a file that does not exist) are read."""
    from studykit.errors import OptionError
    from studykit.grade.report import output_format

    message = "unknown report format 'pdf' (expected one of text, csv, json, html)"
    with pytest.raises(OptionError) as caught:
        output_format(None, "pdf")
    assert str(caught.value) == message
    key = _quiz(tmp_path)
    with pytest.raises(OptionError) as caught:
        grade_to_files([tmp_path / "nobody.answers.txt"], [key], fmt="pdf")
    assert str(caught.value) == message


def test_the_failed_files_are_listed_in_the_interface_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sheets that cannot be graded are listed with 、 in Chinese, with ', ' in English."""
    key, good = _one_sheet(tmp_path)
    bad = [tmp_path / "乙.answers.txt", tmp_path / "丙.answers.txt"]
    for path in bad:
        path.write_text("姓名：某\n测验：bad\n", encoding="utf-8")
    run = grade_to_files([good, *bad], [key], bank_paths=[BANK])
    assert run.failure_message() == (
        f"not everything could be graded: {bad[0]}, {bad[1]} (see above); the report covers the rest"
    )
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    assert run.failure_message().startswith(f"有的答卷无法评分：{bad[0]}、{bad[1]}（")
