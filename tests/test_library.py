"""Several banks together (issue 13, "Many articles"): loading, ``check``, ``quiz`` and the key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skpaths import MINI2_BANK, MINI_BANK
from studykit.cli import main
from studykit.errors import BankError, SelectionError
from studykit.key import dump_key, load_key
from studykit.library import Library, bank_files, load_banks, qualify, split_ref
from studykit.quiz import build_papers

MINI_SUMMARY = (
    "OK, 17 questions (9 curated, 8 derived) in 4 parts — intro 2, ren-jiantao 4, tian-yipeng 5, zhao-xianfu 6; "
    "single 11, multiple 2, true_false 2, fill_blank 2"
)
MINI2_SUMMARY = (
    "OK, 11 questions (6 curated, 5 derived) in 2 parts — li-ming 6, zhou-hong 5; "
    "single 7, multiple 1, true_false 2, fill_blank 1"
)


@pytest.fixture
def year(tmp_path: Path) -> Path:
    """A folder of two banks, one sub-folder per article (named so the village bank sorts first)."""
    folder = tmp_path / "2025"
    shutil.copytree(MINI2_BANK.parent, folder / "01-village")
    shutil.copytree(MINI_BANK.parent, folder / "02-mini")
    (folder / "notes").mkdir()  # a sub-folder without a bank is passed over
    (folder / ".git").mkdir()
    shutil.copy(MINI_BANK, folder / ".git" / "question_bank.yaml")  # hidden: passed over too
    return folder


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


# -- loading ---------------------------------------------------------------------------------


def test_a_folder_stands_for_its_banks_in_folder_name_order(year: Path) -> None:
    """A folder of banks loads each sub-folder's question_bank.yaml, sorted by folder name."""
    library = load_banks([year])
    assert library.ids == ("mini-village", "mini-test")
    assert [b.path for b in library.banks] == [
        year / "01-village" / "question_bank.yaml",
        year / "02-mini" / "question_bank.yaml",
    ]


def test_files_and_folders_mix_and_a_file_reached_twice_counts_once(year: Path) -> None:
    """--bank FILE --bank FOLDER: given order; the folder's bank that is also given as a file counts once."""
    paths = bank_files([year / "02-mini" / "question_bank.yaml", year / "02-mini", year / "01-village"])
    assert paths == [year / "02-mini" / "question_bank.yaml", year / "01-village" / "question_bank.yaml"]
    assert load_banks(paths).ids == ("mini-test", "mini-village")


def test_no_paths_is_the_default_bank_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without --bank the library is the default bank, as before."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "here")
    monkeypatch.chdir(tmp_path / "here")
    assert load_banks().ids == ("mini-test",)


def test_a_folder_without_banks_is_one_clear_error(tmp_path: Path) -> None:
    """A folder with no bank in it or in its sub-folders is refused, naming it."""
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    with pytest.raises(BankError) as err:
        load_banks([tmp_path / "empty"])
    assert err.value.message == (
        f"{tmp_path / 'empty'} holds no question bank "
        "(expected question_bank.yaml in it or in its sub-folders, one per article)"
    )


def test_an_unreadable_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder whose listing fails (permission denied) is named with the reason, no traceback."""

    def denied(self: Path) -> None:
        raise PermissionError(13, "Permission denied")

    (tmp_path / "locked").mkdir()
    monkeypatch.setattr(Path, "iterdir", denied)
    result = invoke("check", "--bank", tmp_path / "locked")
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: cannot read the folder {tmp_path / 'locked'}: Permission denied\n",
    )


def test_two_banks_with_one_id_are_one_error_naming_both_files(year: Path) -> None:
    """Bank ids must differ: a copy of a bank under another folder is refused, naming both files."""
    shutil.copytree(year / "02-mini", year / "03-copy")
    with pytest.raises(BankError) as err:
        load_banks([year])
    assert err.value.message == (
        f"{year / '02-mini' / 'question_bank.yaml'} and {year / '03-copy' / 'question_bank.yaml'} have the same "
        "bank id 'mini-test' (expected each article its own id: change bank.id in one of them)"
    )


def test_every_broken_bank_is_reported_in_one_run(year: Path) -> None:
    """Two broken banks: each one's problems, then one line counting them; one broken bank: its own error."""
    for name in ("01-village", "02-mini"):
        bank = year / name / "question_bank.yaml"
        bank.write_text(bank.read_text(encoding="utf-8").replace("    answer: C\n", "    answer: E\n", 1), "utf-8")
    result = invoke("check", "--bank", year)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{year / '01-village' / 'question_bank.yaml'}:25: question 'ren-01', field 'answer': "
        "'E' is not one of the options A–D",
        f"{year / '01-village' / 'question_bank.yaml'}: 1 error(s)",
        f"{year / '02-mini' / 'question_bank.yaml'}:50: question 'ren-01', field 'answer': "
        "'E' is not one of the options A–D",
        f"{year / '02-mini' / 'question_bank.yaml'}: 1 error(s)",
        "Error: 2 of 2 banks have errors (see above)",
    ]
    shutil.copytree(MINI2_BANK.parent, year / "01-village", dirs_exist_ok=True)
    result = invoke("check", "--bank", year)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Error: {year / '02-mini' / 'question_bank.yaml'}: 1 error(s)"


def test_check_summarises_each_bank_then_counts_them(year: Path) -> None:
    """check --bank FOLDER: one summary line per bank, then the banks' total; one bank: as before."""
    result = invoke("check", "--bank", year)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{year / '01-village' / 'question_bank.yaml'}: {MINI2_SUMMARY}\n"
        f"{year / '02-mini' / 'question_bank.yaml'}: {MINI_SUMMARY}\n"
        "2 banks OK: 28 questions in 6 parts\n"
    )
    result = invoke("check", "--bank", year / "02-mini")
    assert result.stdout == f"{year / '02-mini' / 'question_bank.yaml'}: {MINI_SUMMARY}\n"


# -- the merged bank ---------------------------------------------------------------------------


def test_merged_bank_qualifies_ids_so_one_question_id_in_two_banks_is_two_items() -> None:
    """Question ids are unique within a bank only: ren-01 in both banks is two questions of the merged bank."""
    library = load_banks([MINI_BANK, MINI2_BANK])
    bank = library.merged()
    assert bank.id == "mini-test+mini-village"
    assert bank.title == "省域治理现代化小测；乡村振兴小测"
    assert len(bank.questions) == 28 and len({q.id for q in bank.questions}) == 28
    assert bank.question("mini-test/ren-01").stem == "任剑涛认为，省域治理的重要落点是（ ）"
    assert bank.question("mini-village/ren-01").stem == "该县有多少个行政村实现农家书屋全覆盖？（ ）"
    assert bank.question("mini-village/ren-01").speech == "mini-village/li-ming"
    assert [(s.id, s.number) for s in bank.speeches] == [
        ("mini-test/intro", 0),
        ("mini-test/ren-jiantao", 1),
        ("mini-test/tian-yipeng", 2),
        ("mini-test/zhao-xianfu", 3),
        ("mini-village/li-ming", 4),
        ("mini-village/zhou-hong", 5),
    ]
    assert bank.speech("mini-village/li-ming").material == MINI2_BANK.parent.resolve() / "material/01-li-ming.txt"
    assert split_ref(qualify("mini-village", "ren-01")) == ("mini-village", "ren-01")
    assert split_ref("ren-01") == ("", "ren-01")


def test_one_bank_merged_is_that_bank_itself() -> None:
    """With one bank nothing is qualified: single-bank papers, keys and decks stay as they were."""
    library = load_banks([MINI_BANK])
    assert library.merged() is library.banks[0]
    assert library.narrow((), ("intro",)) == (library.banks[0], ("intro",))


def test_merged_fingerprint_changes_when_any_bank_changes(tmp_path: Path) -> None:
    """The merged bank's fingerprint covers every bank: editing one material file changes it."""
    shutil.copytree(MINI2_BANK.parent, tmp_path / "village")
    before = load_banks([MINI_BANK, tmp_path / "village"]).merged().fingerprint
    material = tmp_path / "village" / "material" / "02-zhou-hong.txt"
    material.write_text(material.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_banks([MINI_BANK, tmp_path / "village"]).merged().fingerprint != before


def test_narrow_picks_articles_and_speeches() -> None:
    """--article keeps those banks; --speech ID matches that speech in every bank, BANK/ID one speech."""
    library = load_banks([MINI_BANK, MINI2_BANK])
    bank, speeches = library.narrow(("mini-village",), ("li-ming",))
    assert (bank.id, speeches) == ("mini-village", ("li-ming",))
    bank, speeches = library.narrow((), ("li-ming", "mini-test/intro", "mini-village/li-ming"))
    assert (bank.id, speeches) == ("mini-test+mini-village", ("mini-village/li-ming", "mini-test/intro"))
    with pytest.raises(SelectionError) as err:
        library.narrow(("mini-tset",))
    assert err.value.message == "unknown article 'mini-tset' (expected a bank id: mini-test, mini-village)"
    with pytest.raises(SelectionError) as err:
        library.narrow((), ("mini-test/li-ming",))
    assert err.value.message == (
        "unknown speech id 'mini-test/li-ming' (expected one of: mini-test/intro, mini-test/ren-jiantao, "
        "mini-test/tian-yipeng, mini-test/zhao-xianfu, mini-village/li-ming, mini-village/zhou-hong)"
    )
    assert isinstance(library, Library)


# -- quiz across articles ------------------------------------------------------------------------


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_folder_holding_one_bank_gives_byte_identical_files(tmp_path: Path) -> None:
    """quiz --bank FILE and --bank its folder write the same bytes: one bank stays one bank."""
    for name, bank in (("file", MINI_BANK), ("folder", MINI_BANK.parent)):
        result = invoke("quiz", "--bank", bank, "--seed", "7", "--versions", "2", "-o", tmp_path / name / "q.md")
        assert result.exit_code == 0, result.output
    assert listing(tmp_path / "file") == listing(tmp_path / "folder")


def test_year_end_paper_draws_from_every_article(year: Path, tmp_path: Path) -> None:
    """quiz --bank FOLDER: the paper spreads over both banks, then their speeches; its key names items bank/question."""
    result = invoke(
        "quiz", "--bank", year, "--seed", "7", "--count", "16", "--title", "年终知识竞赛", "-o", tmp_path / "y.md"
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "quiz mini-village+mini-test-7-a06c1983: 16 questions, 78 points\n"
        f"wrote {tmp_path / 'y.md'}, {tmp_path / 'y.key.yaml'}, {tmp_path / 'y.solutions.md'}, "
        f"{tmp_path / 'y.answers.txt'}\n"
    )
    key = load_key(tmp_path / "y.key.yaml")
    assert key.bank_id == "mini-village+mini-test" and key.title == "年终知识竞赛"
    per_bank = {b: sum(i.bank == b for i in key.items) for b in ("mini-village", "mini-test")}
    # rounds over the 2 articles first (it drew 5 and 11 in rounds over the 6 speeches): the village
    # bank gives all the giveaway rules and the byline share (2 of 16) leave of its 11 facts
    assert per_bank == {"mini-village": 6, "mini-test": 10}
    assert {i.speech for i in key.items} == {
        "mini-village/li-ming",
        "mini-village/zhou-hong",
        "mini-test/intro",
        "mini-test/ren-jiantao",
        "mini-test/tian-yipeng",
        "mini-test/zhao-xianfu",
    }
    assert "# 年终知识竞赛\n" in (tmp_path / "y.md").read_text(encoding="utf-8")


def test_key_of_several_banks_reloads_byte_for_byte_and_single_bank_keys_unchanged(tmp_path: Path) -> None:
    """dump_key(load_key(text)) is the text for a key over two banks and for a single-bank key."""
    library = load_banks([MINI_BANK, MINI2_BANK])
    for bank in (library.merged(), library.banks[0]):
        (paper,) = build_papers(bank, count=12, seed=3)
        text = dump_key(paper.key())
        path = tmp_path / f"{bank.id}.key.yaml"
        path.write_text(text, encoding="utf-8")
        assert dump_key(load_key(path)) == text
    single = (tmp_path / "mini-test.key.yaml").read_text(encoding="utf-8")
    assert "/" not in "".join(line for line in single.splitlines() if line.startswith(("  question_id", "  speech")))
    both = load_key(tmp_path / "mini-test+mini-village.key.yaml")
    assert {i.bank for i in both.items} == {"mini-test", "mini-village"}


def test_quiz_article_speech_and_tag_filters(year: Path, tmp_path: Path) -> None:
    """--article BANK_ID keeps one article (its paper is that bank's own); --speech and --tag combine with it."""
    alone = invoke("quiz", "--bank", MINI2_BANK, "--seed", "5", "-o", tmp_path / "alone" / "q.md")
    picked = invoke(
        "quiz", "--bank", year, "--article", "mini-village", "--seed", "5", "-o", tmp_path / "pick" / "q.md"
    )
    assert alone.exit_code == picked.exit_code == 0
    assert listing(tmp_path / "alone") == listing(tmp_path / "pick")
    result = invoke("quiz", "--bank", year, "--speech", "intro", "--speech", "zhou-hong", "--tag", "数字表述",
                    "--seed", "5", "-o", tmp_path / "f.md")  # fmt: skip
    assert result.exit_code == 0, result.output
    key = load_key(tmp_path / "f.key.yaml")
    # zhou-01 and zhou-02 quote one source sentence, so a paper holds only one of them
    assert sorted(i.question_id for i in key.items) == ["mini-village/zhou-01", "mini-village/zhou-03"]
    result = invoke("quiz", "--bank", year, "--article", "mini-tset", "-o", tmp_path / "x.md")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: unknown article 'mini-tset' (expected a bank id: mini-village, mini-test)\n",
    )
    assert not (tmp_path / "x.md").exists()


# -- grading a key drawn from several banks ------------------------------------------------------


def fill_sheet(key_path: Path, wrong: dict[str, str]) -> str:
    """The quiz's answer sheet filled in by 张三: the key's answers, but ``wrong[question_id]`` where given."""
    key = load_key(key_path)
    sheet = key_path.with_name(key_path.name.replace(".key.yaml", ".answers.txt")).read_text(encoding="utf-8")
    lines = []
    for line in sheet.splitlines():
        if line == "姓名：":
            line = "姓名：张三"
        for item in key.items:
            if line == f"{item.number}. ":
                right = {"true": "对", "false": "错"}.get(item.answer[0], "".join(item.answer[:1] if
                         item.type == "fill_blank" else item.answer))  # fmt: skip
                line += wrong.get(item.question_id, right)
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_grade_a_key_of_two_banks_with_a_folder_of_banks(year: Path, tmp_path: Path) -> None:
    """A quiz on banks A and B, graded with --bank FOLDER (banks in another order): the exact score,
    and 解析 and reread hint of the item whose question id both banks use come from its own bank."""
    result = invoke("quiz", "--bank", MINI_BANK, "--bank", MINI2_BANK, "--speech", "li-ming", "--speech",
                    "ren-jiantao", "--count", "6", "--seed", "0", "-o", tmp_path / "q.md")  # fmt: skip
    assert result.exit_code == 0, result.output
    key = load_key(tmp_path / "q.key.yaml")
    assert [i.question_id for i in key.items] == [
        "mini-test/ren-01",
        "mini-test/attr-ren-jiantao-position",
        "mini-village/ren-01",
        "mini-test/ren-02",
        "mini-village/li-03",
        "mini-village/li-02",
    ]
    wrong = "B" if key.items[2].answer != ("B",) else "D"
    (tmp_path / "张三.answers.txt").write_text(fill_sheet(tmp_path / "q.key.yaml", {"mini-village/ren-01": wrong}))
    result = invoke("grade", tmp_path / "张三.answers.txt", "--key", tmp_path / "q.key.yaml", "--bank", year,
                    "--format", "json")  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert report["bank_note"] == ""
    (member,) = report["members"]
    assert (member["name"], member["score"], member["total"]) == ("张三", 23, 28)
    assert [i["question_id"] for i in member["items"] if i["status"] != "correct"] == ["mini-village/ren-01"]
    question = next(q for q in report["questions"] if q["question_id"] == "mini-village/ren-01")
    assert question["explanation"] == "李明介绍全县128个行政村实现农家书屋全覆盖。"
    assert question["reread"] == {
        "speaker": "李明",
        "heading": "让书香浸润乡村振兴之路",
        "source": "全县128个行政村实现农家书屋全覆盖",
    }


def test_grade_a_single_bank_key_with_a_folder_finds_its_bank(year: Path, tmp_path: Path) -> None:
    """A key of one article graded with the folder of the year's banks takes that article's bank, no warning;
    a key of a bank the folder lacks gets the usual note."""
    result = invoke("quiz", "--bank", MINI2_BANK, "--count", "4", "--seed", "2", "-o", tmp_path / "v.md")
    assert result.exit_code == 0, result.output
    (tmp_path / "王五.answers.txt").write_text(fill_sheet(tmp_path / "v.key.yaml", {}))
    args = ("grade", tmp_path / "王五.answers.txt", "--key", tmp_path / "v.key.yaml", "--format", "json")
    result = invoke(*args, "--bank", year)
    assert (result.exit_code, result.stderr) == (0, "")
    member = json.loads(result.stdout)["members"][0]
    assert (member["score"], member["total"]) == (20, 20)  # every answer right
    shutil.rmtree(year / "01-village")
    result = invoke(*args, "--bank", year)
    assert result.stderr == (
        f"warning: the bank {year / '02-mini' / 'question_bank.yaml'} is 'mini-test' but the quiz was made from "
        "'mini-village'; its 解析 and reread hints are left out, as they would be another question's (scores "
        "come from the key alone)\n"
    )


# -- handout across articles -----------------------------------------------------------------------


def test_handout_of_two_banks_is_each_banks_handout_in_turn(tmp_path: Path) -> None:
    """handout --bank A --bank B: A's speeches then B's, each with exactly the facts of its own handout."""
    for name, banks in (("a", [MINI_BANK]), ("b", [MINI2_BANK]), ("ab", [MINI_BANK, MINI2_BANK])):
        args = [a for b in banks for a in ("--bank", b)]
        result = invoke("handout", *args, "-o", tmp_path / f"{name}.md")
        assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path / 'ab.md'}: 6 speeches, 15 facts\n"
    a, b, ab = ((tmp_path / f"{n}.md").read_text(encoding="utf-8") for n in ("a", "b", "ab"))
    assert ab.splitlines()[0] == "# 学习要点 · 省域治理现代化小测；乡村振兴小测"
    body = lambda text: text.split("\n", 1)[1]  # noqa: E731 - all but the title line
    assert body(ab) == body(a) + body(b)  # B's sections follow A's, as in B's own handout


def test_handout_from_the_report_of_a_quiz_on_two_banks(year: Path, tmp_path: Path) -> None:
    """A report of a quiz on A and B (graded with the folder) gives a handout of what was missed,
    the fact of the item whose id both banks use taken from its own bank."""
    result = invoke("quiz", "--bank", MINI_BANK, "--bank", MINI2_BANK, "--speech", "li-ming", "--speech",
                    "ren-jiantao", "--count", "6", "--seed", "0", "-o", tmp_path / "q.md")  # fmt: skip
    assert result.exit_code == 0, result.output
    key = load_key(tmp_path / "q.key.yaml")
    wrong = "B" if key.items[2].answer != ("B",) else "D"
    (tmp_path / "张三.answers.txt").write_text(fill_sheet(tmp_path / "q.key.yaml", {"mini-village/ren-01": wrong}))
    result = invoke("grade", tmp_path / "张三.answers.txt", "--key", tmp_path / "q.key.yaml", "--bank", year,
                    "-o", tmp_path / "r.json")  # fmt: skip
    assert result.exit_code == 0, result.output
    result = invoke("handout", "--bank", year, "--from-report", tmp_path / "r.json", "-o", tmp_path / "h.md")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"wrote {tmp_path / 'h.md'}: 1 speech, 1 fact\n"
    text = (tmp_path / "h.md").read_text(encoding="utf-8")
    assert "## 《乡村振兴小测》李明（某县农业农村局局长）：让书香浸润乡村振兴之路\n" in text  # worst first: named
    assert (
        "1\\. 该县有多少个行政村实现农家书屋全覆盖：128个。（答对率 0%）\\\n原文：“全县128个行政村实现农家书屋全覆盖”\n"
        in text
    )
    assert "任剑涛" not in text
