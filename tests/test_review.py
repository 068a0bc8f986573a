"""错题本 review decks: exact notes per member, proven by importing them into Anki's own backend."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportResponse
from click.testing import CliRunner

from skpaths import MINI_BANK
from studykit.anki import note_guid, write_deck
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import StudykitError
from studykit.grade import GivenAnswer, GroupReport, Submission, grade_submission, summarize_group
from studykit.key import AnswerKey, KeyItem, dump_key
from studykit.model import LETTERS, Bank
from studykit.review import (
    ReviewDeck,
    check_review_bank,
    member_identities,
    review_deck_files,
    review_deck_name,
    review_namespace,
    safe_file_names,
    safe_file_stem,
    write_review_decks,
)

T1 = 1_700_000_000.0
T2 = T1 + 3600
TITLE = "省域治理现代化小测"

#: A paper's printed option order per question (shuffled against the bank's, as on a real version).
PRINTED = {
    "intro-01": ("华中科技大学", "武汉大学", "湖北大学", "华中师范大学"),
    "ren-01": ("乡村", "大都市", "社区", "县域"),
    "tian-01": ("楼栋长", "小区长", "网格长", "单元长"),
    "zhao-03": (
        "组建社区网格员专职队伍",
        "全面推行城市社区工作者“三化”建设",
        "壮大社区志愿者服务队伍",
        "实行城市社区党组织书记事业岗位管理",
    ),
    "attr-tian-yipeng-quote": ("田毅鹏", "赵显富", "任剑涛"),
}
QUIZ1 = (
    "intro-01",
    "ren-01",
    "tian-01",
    "zhao-03",
    "ren-02",
    "tian-02",
    "intro-02",
    "zhao-02",
    "attr-tian-yipeng-quote",
)
RIGHT1 = ("D", "B", "ACD", "BCD", "对", "错", "现场会议+云端会议", "1+1+11", "A")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI_BANK)


def make_key(
    bank: Bank, ids: tuple[str, ...], *, title: str = TITLE, quiz_id: str = "mini-test-3-aaaa", printed: bool = True
) -> AnswerKey:
    """A key over ``ids`` with the options printed as in :data:`PRINTED` (or in bank order)."""
    items = []
    for n, qid in enumerate(ids, 1):
        q = bank.question(qid)
        options = PRINTED.get(qid, q.options) if printed else q.options
        answer = (
            tuple(sorted(LETTERS[options.index(t)] for t in q.correct_options)) if q.is_choice else q.answer
        )  # fmt: skip
        items.append(KeyItem(n, qid, q.type, q.speech, 2, q.stem, answer, options, q.correct_options))
    return AnswerKey(quiz_id, "", title, bank.id, bank.fingerprint, tuple(items), "partial")


def grade(key: AnswerKey, sheets: dict[str, tuple[str, ...]]) -> GroupReport:
    """Grade members' answers (one text per key item, in key order) into a group report."""
    subs = [
        Submission(name, f"{name}.txt", tuple(GivenAnswer(n, t) for n, t in enumerate(answers, 1)))
        for name, answers in sheets.items()
    ]
    return summarize_group((grade_submission(s, key) for s in subs), key)


ZHANG1 = ("B", "B", "AB", "", "错", "错", "现场会议", "?", "B")
LI1 = ("D", "B", "AC", "BCD", "对", "错", "现场会议+云端会议", "1+1+12", "A")

#: 张三's deck: every note's question id and YourAnswer, in bank order.
ZHANG_NOTES = [
    ("intro-01", "C 武汉大学"),  # printed B is the bank's C
    ("intro-02", "现场会议"),
    ("ren-02", "错"),  # as the paper asks members to write it
    ("tian-01", "B、D 楼栋长；小区长"),  # printed A、B
    ("zhao-02", "无法识别：?"),
    ("zhao-03", "未作答"),
    ("attr-tian-yipeng-quote", "B 赵显富"),
]
LI_NOTES = [("tian-01", "A、B 网格长；楼栋长（少选，得一半分）"), ("zhao-02", "1+1+12")]


@pytest.fixture(scope="module")
def report1(bank: Bank) -> GroupReport:
    return grade(make_key(bank, QUIZ1), {"张三": ZHANG1, "李四": LI1, "王五": RIGHT1})


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    """A fresh, empty Anki collection."""
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> ImportResponse.Log:
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def notes_in(col: Collection, deck: str) -> list[tuple[str, str]]:
    """(QuestionID, YourAnswer) of the notes whose cards are in ``deck``, in new-card order."""
    cards = sorted((col.get_card(c) for c in col.find_cards(f'"deck:{deck}"')), key=lambda c: c.due)
    return [(c.note()["QuestionID"], c.note()["YourAnswer"]) for c in cards]


# -- what each deck holds, in real Anki --------------------------------------------------


def test_each_member_with_a_miss_gets_a_deck_of_exactly_their_misses(
    bank: Bank, report1: GroupReport, tmp_path: Path
) -> None:
    """张三 (7 misses) and 李四 (2) get decks; 王五 (no miss) none; the summary names them."""
    summary = write_review_decks(report1, bank, tmp_path / "out", timestamp=T1)
    assert summary.decks == (
        ReviewDeck("张三", "张三.apkg", f"错题本::张三::{TITLE}", tuple(q for q, _ in ZHANG_NOTES)),
        ReviewDeck("李四", "李四.apkg", f"错题本::李四::{TITLE}", ("tian-01", "zhao-02")),
    )
    assert summary.without_misses == ("王五",)
    assert sorted(os.listdir(tmp_path / "out")) == ["张三.apkg", "李四.apkg"]
    assert summary.report(tmp_path / "out") == f"{tmp_path / 'out'}: 2 review decks, 9 notes; 1 member without misses"


def test_deck_imports_with_the_wrong_answers_as_chosen(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """张三's deck imports 7 notes into a fresh collection; YourAnswer maps printed letters to the bank's."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    log = import_apkg(col, tmp_path / "张三.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (7, 0, 0)
    assert notes_in(col, f"错题本::张三::{TITLE}") == ZHANG_NOTES
    assert sorted(d.name for d in col.decks.all_names_and_ids()) == [
        "Default", "错题本", "错题本::张三", f"错题本::张三::{TITLE}",
    ]  # fmt: skip


def test_guids_are_bank_question_and_member_namespace(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """Each note's GUID is guid_for(bank id, question id, "review/<member>")."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    import_apkg(col, tmp_path / "李四.apkg")
    guids = sorted(col.get_note(n).guid for n in col.find_notes(""))
    assert guids == sorted(str(genanki.guid_for("mini-test", q, "review/李四")) for q in ("tian-01", "zhao-02"))
    assert review_namespace(" 李四\u3000") == "review/李四"


def test_back_shows_your_answer_beside_the_right_one(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """The back (the study deck's template) shows 答案 B 华中师范大学, then 你的答案 C 武汉大学."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    import_apkg(col, tmp_path / "张三.apkg")
    (nid,) = col.find_notes("QuestionID:intro-01")
    back = col.get_note(nid).cards()[0].answer()
    assert '<span class="key">B</span> 华中师范大学' in back
    assert '<span class="label">你的答案</span>C 武汉大学' in back
    assert back.index("华中师范大学</div>") < back.index("你的答案")


def test_review_notes_never_collide_with_the_study_deck(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """The study deck (17 notes) and 张三's review deck (7) in one collection: 24 notes, nothing updated."""
    write_deck(bank, tmp_path / "study.apkg", timestamp=T1)
    write_review_decks(report1, bank, tmp_path / "review", timestamp=T1)
    import_apkg(col, tmp_path / "study.apkg")
    log = import_apkg(col, tmp_path / "review" / "张三.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (7, 0, 0)
    assert col.note_count() == 24
    assert note_guid(bank.id, "intro-01") != note_guid(bank.id, "intro-01", review_namespace("张三"))


def test_second_members_deck_in_the_same_collection_adds_their_own_notes(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """李四's deck after 张三's adds 2 notes and updates none: both members' tian-01 notes keep their own answer."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    import_apkg(col, tmp_path / "张三.apkg")
    log = import_apkg(col, tmp_path / "李四.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (2, 0, 0)
    assert col.note_count() == 9
    assert notes_in(col, f"错题本::张三::{TITLE}") == ZHANG_NOTES
    assert notes_in(col, f"错题本::李四::{TITLE}") == LI_NOTES


def test_later_quiz_updates_the_members_notes_and_adds_new_ones(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """A second quiz's deck updates intro-01 (new wrong answer), adds ren-01, duplicates nothing;
    the updated note's card stays in the first quiz's deck (Anki never moves existing cards)."""
    write_review_decks(report1, bank, tmp_path / "q1", timestamp=T1)
    key2 = make_key(bank, ("intro-01", "ren-01"), title="第二次测验", quiz_id="mini-test-8-bbbb", printed=False)
    summary = write_review_decks(grade(key2, {"张三": ("D", "A")}), bank, tmp_path / "q2", timestamp=T2)
    assert summary.decks[0].deck == "错题本::张三::第二次测验"
    import_apkg(col, tmp_path / "q1" / "张三.apkg")
    log = import_apkg(col, tmp_path / "q2" / "张三.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (1, 1, 0)
    assert col.note_count() == 8
    assert notes_in(col, "错题本::张三::第二次测验") == [("ren-01", "A 县域")]
    assert notes_in(col, f"错题本::张三::{TITLE}")[0] == ("intro-01", "D 湖北大学")


def test_regrade_after_a_fixed_answer_updates_in_place_and_names_the_dropped_note(
    bank: Bank, report1: GroupReport, col: Collection, tmp_path: Path
) -> None:
    """李四's sheet fixed (tian-01 now ACD, zhao-02 now 1+1+13): re-grading into the same folder updates
    zhao-02 in place (no duplicate), and names tian-01, no longer missed, whose note Anki keeps."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    import_apkg(col, tmp_path / "李四.apkg")
    fixed = ("D", "B", "ACD", "BCD", "对", "错", "现场会议+云端会议", "1+1+13", "A")
    summary = write_review_decks(grade(make_key(bank, QUIZ1), {"李四": fixed}), bank, tmp_path, timestamp=T2)
    log = import_apkg(col, tmp_path / "李四.apkg")
    assert summary.decks[0].question_ids == ("zhao-02",)
    assert summary.decks[0].dropped == ("tian-01",)
    assert summary.report("错题本").splitlines()[0] == (
        "错题本/李四.apkg: note: 1 note of the package this replaces is not in it (tian-01); importing does not "
        "delete it from Anki: find it there with the search QuestionID:tian-01 tag:错题本 and delete it"
    )
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 0)
    assert notes_in(col, f"错题本::李四::{TITLE}") == [("tian-01", LI_NOTES[0][1]), ("zhao-02", "1+1+13")]
    # Another quiz (another title, so another deck) graded into the same folder names nothing:
    # the earlier quiz's misses are not to be deleted.
    key2 = make_key(bank, QUIZ1, title="第二次测验", quiz_id="mini-test-8-bbbb")
    ren_wrong = ("D", "A", *RIGHT1[2:])
    deck2 = write_review_decks(grade(key2, {"李四": ren_wrong}), bank, tmp_path, timestamp=T2).decks[0]
    assert (deck2.question_ids, deck2.dropped) == (("ren-01",), ())  # zhao-02, of the first quiz's deck, not named


def test_a_deck_left_for_a_member_without_misses_now_is_named(bank: Bank, report1: GroupReport, tmp_path: Path) -> None:
    """李四's answers fixed to all right: no deck is written for him, and his earlier 李四.apkg (left as it
    was, as every other file in the folder) is named so it is not handed out."""
    write_review_decks(report1, bank, tmp_path, timestamp=T1)
    before = (tmp_path / "李四.apkg").read_bytes()
    summary = write_review_decks(grade(make_key(bank, QUIZ1), {"李四": RIGHT1}), bank, tmp_path, timestamp=T2)
    assert (summary.decks, summary.stale) == ((), (("李四.apkg", "李四"),))
    assert summary.report("错题本") == (
        "错题本/李四.apkg: warning: '李四' has no misses now, so this deck, left by an earlier run, was not "
        "rewritten; delete it before handing out the decks\n错题本: 0 review decks, 0 notes; 1 member without misses"
    )
    assert (tmp_path / "李四.apkg").read_bytes() == before


def test_same_input_gives_identical_files(bank: Bank, report1: GroupReport, tmp_path: Path) -> None:
    """Same report, bank and timestamp: byte-identical packages."""
    write_review_decks(report1, bank, tmp_path / "a", timestamp=T1)
    write_review_decks(report1, bank, tmp_path / "b", timestamp=T1)
    for name in ("张三.apkg", "李四.apkg"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_review_deck_files_are_what_write_review_decks_writes(bank: Bank, report1: GroupReport, tmp_path: Path) -> None:
    """review_deck_files builds the same packages without writing anything (for one write with the report)."""
    summary, files = review_deck_files(report1, bank, tmp_path / "d", timestamp=T1)
    assert not (tmp_path / "d").exists()
    assert summary == write_review_decks(report1, bank, tmp_path / "d", timestamp=T1)
    assert list(files) == [tmp_path / "d" / "张三.apkg", tmp_path / "d" / "李四.apkg"]
    assert all(path.read_bytes() == data for path, data in files.items())


# -- file names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("张三", "张三"),
        ("欧阳 修", "欧阳 修"),
        ("  李四\u3000 ", "李四"),
        ("a/b", "a_b"),
        ('x\\y:z*?"<>|', "x_y_z______"),
        ("tab\there\nnew", "tab_here_new"),
        ("王五.", "王五"),
        ("..张三..", "张三"),
        ("...", "未命名"),
        ("", "未命名"),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("com1.txt", "com1_.txt"),
        ("Lpt9", "Lpt9_"),
        ("COM10", "COM10"),
        ("CONSOLE", "CONSOLE"),
        ("e\u0301", "\u00e9"),
        ("张" * 50, "张" * 40),
    ],
)
def test_safe_file_stem(name: str, stem: str) -> None:
    """Any member name becomes a stem valid on Windows, macOS and Linux, Chinese kept."""
    assert safe_file_stem(name) == stem


def test_duplicate_names_are_numbered_in_order() -> None:
    """Names equal after sanitising, or equal but for case, get -2, -3 … in the order given."""
    names = ["张三", "张三", "Ann", "ann", "a/b", "a_b", "张三-2", "张三"]
    assert safe_file_names(names) == [
        "张三.apkg", "张三-2.apkg", "Ann.apkg", "ann-2.apkg", "a_b.apkg", "a_b-2.apkg", "张三-2-2.apkg", "张三-3.apkg",
    ]  # fmt: skip


def test_two_members_of_one_name_keep_their_own_deck_and_notes(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """Two rows named 张三 who both missed ren-01 (A, then D): 张三.apkg and 张三-2.apkg import into one
    collection as 2 notes in 2 decks, each with its own answer — the second does not overwrite the first."""
    key = make_key(bank, ("ren-01", "intro-01"))
    subs = [Submission("张三", f"{n}.txt", (GivenAnswer(1, a), GivenAnswer(2, "D"))) for n, a in ((1, "A"), (2, "D"))]
    report = summarize_group((grade_submission(s, key) for s in subs), key)
    summary = write_review_decks(report, bank, tmp_path, timestamp=T1)
    assert [(d.member, d.file, d.deck) for d in summary.decks] == [
        ("张三", "张三.apkg", f"错题本::张三::{TITLE}"),
        ("张三", "张三-2.apkg", f"错题本::张三-2::{TITLE}"),
    ]
    logs = [import_apkg(col, tmp_path / f) for f in ("张三.apkg", "张三-2.apkg")]
    assert [(len(log.new), len(log.updated), len(log.duplicate)) for log in logs] == [(1, 0, 0), (1, 0, 0)]
    assert notes_in(col, f"错题本::张三::{TITLE}") == [("ren-01", "B 乡村")]
    assert notes_in(col, f"错题本::张三-2::{TITLE}") == [("ren-01", "A 县域")]
    assert col.get_note(col.find_notes(f'"deck:错题本::张三-2::{TITLE}"')[0]).guid == str(
        genanki.guid_for("mini-test", "ren-01", "review/张三-2")
    )
    # the first 张三 without a miss: the second keeps the deck and GUIDs of 张三-2 (his file is 张三.apkg)
    subs[0] = Submission("张三", "1.txt", (GivenAnswer(1, "B"), GivenAnswer(2, "D")))  # both right
    report = summarize_group((grade_submission(s, key) for s in subs), key)
    summary = write_review_decks(report, bank, tmp_path / "again", timestamp=T1)
    assert [(d.file, d.deck) for d in summary.decks] == [("张三.apkg", f"错题本::张三-2::{TITLE}")]
    assert member_identities(["张三", "李四", " 张三", "张三-2", "张三"]) == [
        "张三",
        "李四",
        "张三-2",
        "张三-2-2",
        "张三-3",
    ]


def test_deck_name_keeps_anki_separators_out_of_parts() -> None:
    """A '::' inside a member name or title cannot create a subdeck."""
    assert review_deck_name("张::三", "第一次::测验") == "错题本::张:三::第一次:测验"


def test_sanitised_file_names_are_reported(bank: Bank, tmp_path: Path) -> None:
    """A member whose file name differs from the name gets a line saying whose deck it is."""
    report = grade(make_key(bank, ("ren-01",)), {"a/b": ("A",), "CON": ("A",)})
    summary = write_review_decks(report, bank, tmp_path, timestamp=T1)
    assert sorted(os.listdir(tmp_path)) == ["CON_.apkg", "a_b.apkg"]
    assert summary.report("out") == (
        "out/a_b.apkg: review deck of 'a/b'\nout/CON_.apkg: review deck of 'CON'\nout: 2 review decks, 2 notes"
    )


# -- errors and writing ------------------------------------------------------------------


def test_no_bank_or_another_bank_is_an_error(bank: Bank) -> None:
    """Review decks need the quiz's bank: none, or one with another id, is a user error."""
    key = make_key(bank, ("ren-01",))
    with pytest.raises(StudykitError, match=r"^review decks need the question bank the quiz mini-test-3-aaaa was"):
        check_review_bank(key, None)
    other = AnswerKey(key.quiz_id, "", TITLE, "other-bank", "", key.items)
    with pytest.raises(StudykitError, match="is 'mini-test' but the quiz was made from 'other-bank'"):
        check_review_bank(other, bank)


def test_directory_is_created_and_a_file_in_its_place_is_an_error(
    bank: Bank, report1: GroupReport, tmp_path: Path
) -> None:
    """A missing folder (and its parents) is created; a file at DIR is an error and nothing is written."""
    write_review_decks(report1, bank, tmp_path / "a" / "b", timestamp=T1)
    assert sorted(os.listdir(tmp_path / "a" / "b")) == ["张三.apkg", "李四.apkg"]
    (tmp_path / "f").write_text("x")
    with pytest.raises(StudykitError, match="it is a file, not a folder"):
        write_review_decks(report1, bank, tmp_path / "f", timestamp=T1)


def test_a_deck_that_cannot_be_written_leaves_no_deck(
    bank: Bank, report1: GroupReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When one package cannot be written, the error names it and no deck (nor temporary file) is left."""
    real_open = os.open

    def failing_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777, **kw: object) -> int:
        if "李四" in str(path):
            raise OSError(28, "No space left on device")
        return real_open(path, flags, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", failing_open)
    with pytest.raises(StudykitError, match=r"^cannot write .*李四\.apkg: No space left on device$"):
        write_review_decks(report1, bank, tmp_path, timestamp=T1)
    assert os.listdir(tmp_path) == []


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def folder(bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key and three answer sheets (张三, 李四 with misses; 王五 without) in the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.key.yaml").write_text(dump_key(make_key(bank, QUIZ1)), encoding="utf-8")
    for name, answers in (("张三", ZHANG1), ("李四", LI1), ("王五", RIGHT1)):
        lines = [f"姓名：{name}", "测验：mini-test-3-aaaa", *(f"{n}. {a}" for n, a in enumerate(answers, 1))]
        (tmp_path / f"{name}.answers.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_cli_writes_review_decks(folder: Path) -> None:
    """`grade … --review-decks DIR` writes the decks and prints the summary on stderr after the report's line."""
    args = ["grade", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "--key", "q.key.yaml"]
    result = CliRunner().invoke(main, [*args, "--bank", str(MINI_BANK), "-o", "r.json", "--review-decks", "错题本"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "张三.answers.txt:10: warning: 张三, question 8: cannot read answer '?': expected the text of the blank; "
        "scored 0\n"
        "r.json: 3 graded\n"
        "错题本: 2 review decks, 9 notes; 1 member without misses\n"
    )
    assert sorted(os.listdir(folder / "错题本")) == ["张三.apkg", "李四.apkg"]


def test_cli_review_decks_without_the_bank_is_an_error_before_grading(folder: Path) -> None:
    """Without a bank matching the key, --review-decks fails at once: exit 1, no report, no folder."""
    result = CliRunner().invoke(
        main, ["grade", "张三.answers.txt", "--key", "q.key.yaml", "--review-decks", "错题本", "-o", "r.json"]
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: review decks need the question bank the quiz mini-test-3-aaaa was made from (bank 'mini-test'): "
        "give it with --bank\n"
    )
    assert sorted(os.listdir(folder)) == ["q.key.yaml", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt"]


def test_cli_a_deck_that_cannot_be_written_leaves_the_report_as_it_was(folder: Path) -> None:
    """Report and decks are one all-or-nothing write: a deck whose path is a folder fails the
    command before anything is replaced — the earlier report and decks keep their bytes."""
    args = ["grade", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "--key", "q.key.yaml"]
    (folder / "r.json").write_bytes(b"earlier report")
    (folder / "错题本").mkdir()
    (folder / "错题本" / "张三.apkg").write_bytes(b"earlier deck")
    (folder / "错题本" / "李四.apkg").mkdir()
    result = CliRunner().invoke(main, [*args, "--bank", str(MINI_BANK), "-o", "r.json", "--review-decks", "错题本"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "张三.answers.txt:10: warning: 张三, question 8: cannot read answer '?': expected the text of the blank; "
        "scored 0\n"
        f"Error: cannot write {Path('错题本', '李四.apkg')}: it is a folder\n"
    )
    assert (folder / "r.json").read_bytes() == b"earlier report"
    assert (folder / "错题本" / "张三.apkg").read_bytes() == b"earlier deck"
    assert sorted(os.listdir(folder / "错题本")) == ["张三.apkg", "李四.apkg"]
    assert os.listdir(folder / "错题本" / "李四.apkg") == []
    assert sorted(os.listdir(folder)) == [
        "q.key.yaml", "r.json", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "错题本",
    ]  # fmt: skip


def test_cli_a_deck_that_cannot_be_written_prints_no_report(folder: Path) -> None:
    """Without -o the decks are written before the report is printed: a deck that fails prints none."""
    args = ["grade", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "--key", "q.key.yaml"]
    (folder / "错题本" / "李四.apkg").mkdir(parents=True)
    result = CliRunner().invoke(main, [*args, "--bank", str(MINI_BANK), "--review-decks", "错题本"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(f"Error: cannot write {Path('错题本', '李四.apkg')}: it is a folder\n")
    assert sorted(os.listdir(folder / "错题本")) == ["李四.apkg"]


def test_cli_review_decks_when_the_report_cannot_be_written_writes_no_deck(folder: Path) -> None:
    """The other way round: a report that cannot be written (its folder is a file) leaves no deck."""
    args = ["grade", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "--key", "q.key.yaml"]
    (folder / "out").write_bytes(b"")
    result = CliRunner().invoke(main, [*args, "--bank", str(MINI_BANK), "-o", "out/r.json", "--review-decks", "错题本"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(f"Error: cannot write {Path('out', 'r.json')}: out is a file, not a folder\n")
    assert not (folder / "错题本").exists()


def test_cli_report_onto_a_review_deck_is_refused(folder: Path) -> None:
    """-o naming one of the decks would lose the report or the deck: refused, nothing written —
    by its name (grade writes no .apkg report), or through a link to it."""
    args = ["grade", "张三.answers.txt", "李四.answers.txt", "王五.answers.txt", "--key", "q.key.yaml"]
    result = CliRunner().invoke(
        main, [*args, "--bank", str(MINI_BANK), "-o", "错题本/张三.apkg", "--review-decks", "错题本"]
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        f"Error: output {Path('错题本', '张三.apkg')}: grade writes .txt, .csv, .json or .html (.htm) reports, "
        "not .apkg\n"
    )
    (folder / "成绩.html").symlink_to(Path("错题本", "张三.apkg"))
    result = CliRunner().invoke(main, [*args, "--bank", str(MINI_BANK), "-o", "成绩.html", "--review-decks", "错题本"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        "Error: -o 成绩.html is the review deck of '张三'; refusing to overwrite it — choose another path\n"
    )
    assert not (folder / "错题本").exists()


def test_your_answer_edge_cases(bank: Bank) -> None:
    """A survey's free-text choice, an option the bank no longer has, and a key without printed options."""
    from studykit.grade import ItemResult
    from studykit.review import your_answer

    q = bank.question("tian-01")
    item = KeyItem(1, "tian-01", "multiple", "tian-yipeng", 2, q.stem, ("A", "C", "D"), PRINTED["tian-01"])
    wrong = ItemResult(1, "tian-01", "wrong", "B、其他", ("B", "其他"), 0.0, 2.0)
    assert your_answer(item, wrong, q) == "D 小区长；其他（自填）"
    typed = dataclasses.replace(wrong, given="B、其他：街长")  # 其他〖街长〗: what the member typed is shown
    assert your_answer(item, typed, q) == "D 小区长；其他：街长"
    renamed = dataclasses.replace(item, options=("楼栋长", "街道长", "网格长", "单元长"))
    assert your_answer(renamed, dataclasses.replace(wrong, choices=("A", "B")), q) == "楼栋长；街道长"
    bare = dataclasses.replace(item, options=())
    assert your_answer(bare, dataclasses.replace(wrong, choices=("A", "B")), q) == "A、B（试卷上的字母）"


def test_questions_the_bank_lost_are_left_out_and_named(bank: Bank, tmp_path: Path) -> None:
    """A missed item the bank no longer has is left out with a warning; a member who missed only such items gets no deck."""
    key = make_key(bank, ("ren-01",))
    gone = KeyItem(2, "gone-01", "true_false", "ren-jiantao", 1, "已删的题。", ("true",))
    key = dataclasses.replace(key, items=(*key.items, gone))
    summary = write_review_decks(grade(key, {"张三": ("A", "错"), "李四": ("B", "错")}), bank, tmp_path, timestamp=T1)
    assert [(d.member, d.file, d.question_ids) for d in summary.decks] == [("张三", "张三.apkg", ("ren-01",))]
    assert os.listdir(tmp_path) == ["张三.apkg"]
    assert summary.report("out") == (
        "warning: question 'gone-01' is not in the bank; left out of the review decks\nout: 1 review deck, 1 note"
    )


def test_deck_description_prints_the_score_as_the_report_does(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deck's description gives the member's score as the grade report prints it: half
    credit of 99.75 points on a 1,300-point paper is 1099.875, not ``:g``'s 1099.88."""
    import studykit.review

    key = make_key(bank, QUIZ1)
    items = tuple(dataclasses.replace(it, points=99.75 if it.question_id == "tian-01" else 150) for it in key.items)
    report = grade(dataclasses.replace(key, items=items), {"李四": LI1})
    descriptions: list[str] = []
    build = studykit.review.build_deck

    def recording(*args: object, **kwargs: object) -> genanki.Deck:
        descriptions.append(str(kwargs["description"]))
        return build(*args, **kwargs)

    monkeypatch.setattr(studykit.review, "build_deck", recording)
    review_deck_files(report, bank, "错题本", timestamp=T1)
    assert descriptions == ["<b>李四 · 省域治理现代化小测</b><br>测验 mini-test-3-aaaa · 1099.875/1299.75 分 · 错 2 题"]


def test_cli_review_folder_name_too_long_is_an_error(folder: Path) -> None:
    """--review-decks with a folder name of 600 bytes: one error line naming it, exit 1, no report
    written (it was an OSError traceback)."""
    long = "长" * 200
    args = ["grade", "张三.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI_BANK), "-o", "r.json"]
    result = CliRunner().invoke(main, [*args, "--review-decks", long])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"Error: cannot write review decks to {long}: File name too long"
    assert not (folder / "r.json").exists()
