"""``studykit anki``: packages proven by importing them into Anki's own backend (the ``anki`` package)."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import random
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportResponse
from click.testing import CliRunner

from skpaths import MINI2_BANK
from studykit import anki as sk_anki
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import SelectionError, StudykitError
from studykit.library import load_banks
from studykit.model import Bank, Provenance

MINI = Path(__file__).parent / "data" / "mini"
T1 = 1_700_000_000.0
T2 = T1 + 3600

TITLE = "省域治理现代化小测"
DECKS = [
    TITLE,
    f"{TITLE}::00 导语",
    f"{TITLE}::01 第1篇",
    f"{TITLE}::02 第2篇",
    f"{TITLE}::03 第3篇",
]
MODEL_NAMES = {"studykit 选择题 (v1)", "studykit 判断题 (v1)", "studykit 填空题 Cloze (v1)"}


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    """A private copy of the mini bank, safe to edit."""
    shutil.copytree(MINI, tmp_path / "mini")
    return tmp_path / "mini" / "question_bank.yaml"


@pytest.fixture
def bank(bank_path: Path) -> Bank:
    return load_bank(bank_path)


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    """A fresh, empty Anki collection."""
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> ImportResponse.Log:
    """Import with Anki's defaults (update notes and note types if newer) and return the log."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def studykit_models(col: Collection) -> list[str]:
    return sorted(m.name for m in col.models.all_names_and_ids() if m.name.startswith("studykit"))


def package_rows(path: Path, tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Notes, cards, note type ids and deck ids stored in a package, read with sqlite3."""
    db = tmp_path / f"{path.name}.anki2"
    with zipfile.ZipFile(path) as apkg:
        db.write_bytes(apkg.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        models, decks = conn.execute("SELECT models, decks FROM col").fetchone()
        return {
            "notes": conn.execute("SELECT id, guid, mid, mod, flds, tags FROM notes ORDER BY id").fetchall(),
            "cards": conn.execute("SELECT id, nid, did, ord, due FROM cards ORDER BY id").fetchall(),
            "models": sorted((int(k), v["name"]) for k, v in json.loads(models).items()),
            "decks": sorted((int(k), v["name"]) for k, v in json.loads(decks).items()),
        }
    finally:
        conn.close()


# -- the deck in real Anki ---------------------------------------------------------------


def test_package_members_are_deflated_and_still_import(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """Every member of the .apkg is deflated (a ZipInfo defaults to stored), smaller than stored, and imports."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    with zipfile.ZipFile(tmp_path / "mini.apkg") as apkg:
        members = apkg.infolist()
        assert [m.filename for m in members] == ["collection.anki2", "media"]
        assert {m.compress_type for m in members} == {zipfile.ZIP_DEFLATED}
        database = members[0]
        assert database.compress_size * 3 < database.file_size
    log = import_apkg(col, tmp_path / "mini.apkg")
    assert (len(log.new), col.note_count()) == (17, 17)


def test_collection_header_names_no_sqlite_version(bank: Bank, tmp_path: Path) -> None:
    """The collection is built in memory and serialized: its header's change counter,
    version-valid-for and SQLite version number (bytes 24-27, 92-99) are zero, so the package
    does not record which SQLite library wrote it; sqlite3 reads every note back."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    with zipfile.ZipFile(tmp_path / "mini.apkg") as apkg:
        database = apkg.read("collection.anki2")
    assert database[:16] == b"SQLite format 3\0"
    assert (database[24:28], database[92:100]) == (bytes(4), bytes(8))
    assert len(package_rows(tmp_path / "mini.apkg", tmp_path)["notes"]) == 17


def test_import_adds_one_note_per_question(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """A fresh import adds 17 notes and 17 cards: 13 choice, 2 true/false, 2 cloze."""
    summary = sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    log = import_apkg(col, tmp_path / "mini.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (17, 0, 0)
    assert (col.note_count(), col.card_count()) == (17, 17)
    assert (summary.notes, summary.cards) == (17, 17)
    per_model = Counter(col.get_card(cid).note_type()["name"] for cid in col.find_cards(""))
    assert per_model == {"studykit 选择题 (v1)": 13, "studykit 判断题 (v1)": 2, "studykit 填空题 Cloze (v1)": 2}


def test_deck_names_and_cards_per_deck(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """The parent deck is the bank's title; each speech's subdeck holds its questions."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "mini.apkg")
    assert sorted(d.name for d in col.decks.all_names_and_ids()) == sorted(["Default", *DECKS])
    per_deck = Counter(col.decks.name(col.get_card(cid).did) for cid in col.find_cards(""))
    assert per_deck == {DECKS[1]: 2, DECKS[2]: 4, DECKS[3]: 5, DECKS[4]: 6}


#: The shipped bank's deck ids (parent, then intro and the eight speeches): derived from the bank
#: id and the speech ids, never from the deck names, so renaming a subdeck keeps its id.
SHIPPED_DECK_IDS = [2115370563, 1659025430, 1322563337, 1810988405, 1228606442, 2128826749, 1451774358,
                    1948056089, 1369431069, 1764437109]  # fmt: skip


def test_shipped_subdecks_never_answer_their_own_cards(col: Collection, tmp_path: Path) -> None:
    """Imported into Anki, no subdeck's name (parent title included) holds an answer (option text or blank) of a card in it,
    and no deck name holds a speaker, post or heading; the subdecks are 00 导语, 01 第1篇 … 08 第8篇 with
    the deck ids of the speech ids."""
    from skpaths import SHIPPED_BANK

    shipped = load_bank(SHIPPED_BANK)
    summary = sk_anki.write_deck(shipped, tmp_path / "shipped.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "shipped.apkg")
    title = shipped.title
    names = [f"{title}::00 导语", *(f"{title}::{n:02d} 第{n}篇" for n in range(1, 9))]
    assert [d.name for d in summary.decks] == [title, *names]
    assert [d.deck_id for d in sk_anki.build_package(shipped).decks] == SHIPPED_DECK_IDS  # Anki renumbers on import
    ids = {d.name for d in col.decks.all_names_and_ids()}
    assert ids == {"Default", title, *names}
    bylines = {p for s in shipped.speeches if s.speaker for p in (s.speaker, s.position, s.heading)}
    assert not [(n, b) for n in ids for b in bylines if b in n]
    checked = 0
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        name = col.decks.name(card.did)  # the full name, parent title included
        q = shipped.question(card.note()["QuestionID"])
        answers = q.correct_options if q.is_choice else q.answer if q.type == "fill_blank" else ()
        assert not [a for a in answers if len(a) >= 2 and a in name], (name, q.id)
        checked += 1
    assert checked == summary.cards == len(shipped.questions)


def test_new_cards_come_in_bank_order(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """Sorting the new cards by due position gives the bank's question order."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "mini.apkg")
    cards = sorted((col.get_card(cid) for cid in col.find_cards("")), key=lambda c: c.due)
    assert [c.note()["QuestionID"] for c in cards] == [q.id for q in bank.questions]


def test_tags_are_speech_type_difficulty_and_bank_tags(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """Each note is tagged with its bank and speech id (bank::speech), type, 难度N and the bank's tags,
    none with a space."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "mini.apkg")
    tags = {col.get_note(nid)["QuestionID"]: sorted(col.get_note(nid).tags) for nid in col.find_notes("")}
    assert tags["ren-01"] == ["mini-test::ren-jiantao", "single", "观点", "难度1"]
    assert tags["zhao-02"] == ["fill_blank", "mini-test::zhao-xianfu", "数字表述", "难度2"]
    assert tags["attr-tian-yipeng-position"] == ["mini-test::tian-yipeng", "single", "归属", "职务", "难度1"]
    assert len(col.find_notes("tag:难度3")) == 1
    assert len(col.find_notes("tag:mini-test")) == len(bank.questions)  # the article's tag holds its parts


def test_every_card_renders_stem_and_answer(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """Every card's question shows the stem and its answer shows the answer, source and 解析, without errors."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "mini.apkg")
    seen = set()
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        q = bank.question(card.note()["QuestionID"])
        question, answer = card.question(), card.answer()
        for side in (question, answer):
            assert "templates/errors" not in side and "{{" not in side, q.id
            assert 'lang="zh-CN"' in side
        if q.type == "fill_blank":
            before, _, after = q.stem.partition("____")
            assert html.escape(before) in question and html.escape(after) in question
            assert "[...]" in question and html.escape(q.answer[0]) not in question
            assert f'<span class="cloze" data-ordinal="1">{html.escape(q.answer[0])}</span>' in answer
        else:
            assert html.escape(q.stem) in question
        if q.is_choice:
            assert all(html.escape(o) in question for o in q.options)
            assert f'<span class="key">{q.answer_text}</span>' in answer
            assert all(html.escape(o) in answer for o in q.correct_options)
        if q.type == "true_false":
            assert f'<span class="key">{q.answer_text}</span>' in answer
        assert html.escape(q.explanation) in answer
        marked = q.correct_options if q.is_choice else q.answer if q.type == "fill_blank" else ()
        assert ("<mark>" in answer) == any(m in q.source for m in marked), q.id
        seen.add(q.id)
    assert seen == {q.id for q in bank.questions}


def test_back_shows_source_with_answer_marked_and_speaker(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """The back marks the answer in the source sentence and names speaker, post and heading."""
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    import_apkg(col, tmp_path / "mini.apkg")
    (nid,) = col.find_notes("QuestionID:ren-01")
    answer = col.get_note(nid).cards()[0].answer()
    assert '<div class="source">而<mark>大都市</mark>是省域治理的重要落点</div>' in answer
    assert '<div class="cite">任剑涛（清华大学社会科学学院教授） 《大都市是省域治理重要落点》</div>' in answer
    assert '<span class="key">C</span> 大都市' in answer


def test_deck_description_names_the_source(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """The parent deck's description gives the title and the provenance (publication, section, event)."""
    provenance = Provenance(publication="湖北日报", section="党员生活", event="研讨会", date="10月17日")
    sk_anki.write_package(sk_anki.build_package(dataclasses.replace(bank, provenance=provenance)), tmp_path / "p.apkg")
    import_apkg(col, tmp_path / "p.apkg")
    desc = col.decks.by_name(TITLE)["desc"]
    assert desc == "<b>省域治理现代化小测</b><br>湖北日报·党员生活，10月17日，研讨会"


def test_speech_option_selects_subdecks(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """--speech keeps only the named speeches' subdecks, in bank order whatever the option order."""
    summary = sk_anki.write_deck(bank, tmp_path / "two.apkg", speeches=("zhao-xianfu", "intro"), timestamp=T1)
    assert [(d.name, d.notes, d.cards) for d in summary.decks] == [(DECKS[0], 0, 0), (DECKS[1], 2, 2), (DECKS[4], 6, 6)]
    log = import_apkg(col, tmp_path / "two.apkg")
    assert len(log.new) == 8


def test_unknown_speech_is_an_error_and_writes_nothing(bank: Bank, tmp_path: Path) -> None:
    """An unknown speech id raises SelectionError naming the known ids; no file appears."""
    with pytest.raises(SelectionError) as err:
        sk_anki.write_deck(bank, tmp_path / "x.apkg", speeches=("nobody",))
    assert str(err.value) == "unknown speech 'nobody' (expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu)"
    assert not (tmp_path / "x.apkg").exists()


# -- identity and updates --------------------------------------------------------------


def test_edited_stem_updates_exactly_one_note(bank_path: Path, col: Collection, tmp_path: Path) -> None:
    """After editing one stem, re-exporting later and re-importing updates 1 note, adds 0, keeps the card."""
    out = tmp_path / "mini.apkg"
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    import_apkg(col, out)
    (nid,) = col.find_notes("QuestionID:ren-01")
    card_id = col.get_note(nid).cards()[0].id

    text = bank_path.read_text(encoding="utf-8")
    bank_path.write_text(text.replace("任剑涛认为，省域治理", "任剑涛认为：省域治理"), encoding="utf-8")
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T2)
    log = import_apkg(col, out)

    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 16)
    assert log.updated[0].fields[0] == "任剑涛认为：省域治理的重要落点是（ ）"
    assert col.get_note(nid)["Stem"] == "任剑涛认为：省域治理的重要落点是（ ）"
    assert col.get_note(nid).cards()[0].id == card_id
    assert (col.note_count(), col.card_count()) == (17, 17)
    assert studykit_models(col) == sorted(MODEL_NAMES)


def test_bank_edits_update_add_and_name_the_removed_note(bank_path: Path, col: Collection, tmp_path: Path) -> None:
    """A 解析 fixed, a question added and one removed: re-importing updates 1 note and adds 1 (nothing
    duplicated); the removed question's note stays in Anki (importing never deletes), and the export
    names it with the search that finds it."""
    out = tmp_path / "mini.apkg"
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    import_apkg(col, out)
    text = bank_path.read_text(encoding="utf-8")
    ren02 = text[text.index("  - id: ren-02\n") : text.index("  - id: tian-01\n")]
    added = ren02.replace("ren-02", "ren-99").replace("任剑涛指出，城市治理", "任剑涛认为，城市治理")
    text = text.replace(ren02, added).replace("任剑涛指出大都市是", "任剑涛明确指出大都市是")
    bank_path.write_text(text, encoding="utf-8")

    summary = sk_anki.write_deck(load_bank(bank_path), out, timestamp=T2)
    log = import_apkg(col, out)

    assert summary.dropped == ("ren-02",)
    assert summary.report(out).splitlines()[-1] == (
        "note: 1 note of the package this replaces is not in it (ren-02); importing does not delete it "
        "from Anki: find it there with the search QuestionID:ren-02 -tag:错题本 and delete it"
    )
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (1, 1, 15)
    assert [n.fields[-2] for n in log.new] == ["ren-99"]
    assert (
        col.get_note(col.find_notes("QuestionID:ren-01")[0])["Explanation"]
        == "任剑涛明确指出大都市是省域治理的重要落点。"
    )
    assert [col.get_note(n)["QuestionID"] for n in col.find_notes("QuestionID:ren-02 -tag:错题本")] == ["ren-02"]
    assert col.note_count() == 18
    assert sk_anki.write_deck(load_bank(bank_path), out, timestamp=T2).dropped == ()  # said once, as it happens
    # Only the decks the new package fills: an export of one speech onto the whole deck names none of
    # the other speeches' notes (deleting them is not what the user wants).
    assert sk_anki.write_deck(load_bank(bank_path), out, speeches=["tian-yipeng"], timestamp=T2).dropped == ()


def test_changed_note_is_newer_even_with_an_older_timestamp(bank_path: Path, tmp_path: Path) -> None:
    """A changed note gets a modification time after the previous package's, whatever --timestamp says."""
    out = tmp_path / "mini.apkg"
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T2)
    text = bank_path.read_text(encoding="utf-8")
    bank_path.write_text(text.replace("任剑涛认为，省域治理", "任剑涛认为：省域治理"), encoding="utf-8")
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    mods = Counter(row[3] for row in package_rows(out, tmp_path)["notes"])
    assert mods == {int(T2): 16, int(T2) + 1: 1}


def test_same_timestamp_gives_identical_packages(bank: Bank, tmp_path: Path) -> None:
    """Two exports with the same --timestamp are byte-identical: same notes, GUIDs, model and deck ids."""
    sk_anki.write_deck(bank, tmp_path / "a.apkg", timestamp=T1)
    sk_anki.write_deck(bank, tmp_path / "b.apkg", timestamp=T1)
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
    assert package_rows(tmp_path / "a.apkg", tmp_path) == package_rows(tmp_path / "b.apkg", tmp_path)


def test_reexport_onto_an_identical_package_gives_its_bytes_and_imports(
    bank: Bank, col: Collection, tmp_path: Path
) -> None:
    """Exporting the same notes with the same timestamp onto the package they made (where the
    comparison with the previous package is skipped) gives that package's bytes, and imports."""
    out = tmp_path / "mini.apkg"
    sk_anki.write_deck(bank, out, timestamp=T1)
    first = out.read_bytes()
    sk_anki.write_deck(bank, out, timestamp=T1)
    assert out.read_bytes() == first
    assert Counter(row[3] for row in package_rows(out, tmp_path)["notes"]) == {int(T1): 17}
    log = import_apkg(col, out)
    assert (len(log.new), col.note_count(), col.card_count()) == (17, 17, 17)


def test_previous_package_zipped_otherwise_is_still_read(bank_path: Path, tmp_path: Path) -> None:
    """The same database zipped at another level (so the files differ): it is read and found
    identical (the export is the first one's bytes); an edited bank still moves one note's time."""
    out = tmp_path / "mini.apkg"
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    first = out.read_bytes()
    with zipfile.ZipFile(out) as apkg:
        members = [(info, apkg.read(info)) for info in apkg.infolist()]
    with zipfile.ZipFile(out, "w") as apkg:
        for info, data in members:
            apkg.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    assert out.read_bytes() != first
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    assert out.read_bytes() == first
    text = bank_path.read_text(encoding="utf-8")
    bank_path.write_text(text.replace("任剑涛认为，省域治理", "任剑涛认为：省域治理"), encoding="utf-8")
    with zipfile.ZipFile(out, "w") as apkg:
        for info, data in members:
            apkg.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    sk_anki.write_deck(load_bank(bank_path), out, timestamp=T1)
    assert Counter(row[3] for row in package_rows(out, tmp_path)["notes"]) == {int(T1): 16, int(T1) + 1: 1}


def test_identical_previous_package_with_a_repeated_guid_is_still_compared(bank: Bank, tmp_path: Path) -> None:
    """Two notes of one GUID (only a Python caller can build that): re-exported onto the identical
    package, the second is compared with the first's row, as always, and gets the later time."""
    first, second = sk_anki.build_notes(bank, [bank.question("ren-01"), bank.question("ren-02")])
    second.guid = first.guid
    deck = genanki.Deck(sk_anki.deck_id_for("mini-test"), TITLE)
    deck.add_note(first)
    deck.add_note(second)
    out = tmp_path / "twins.apkg"
    sk_anki.write_package(genanki.Package([deck]), out, timestamp=T1)
    sk_anki.write_package(genanki.Package([deck]), out, timestamp=T1)
    assert [row[3] for row in package_rows(out, tmp_path)["notes"]] == [int(T1), int(T1) + 1]


def test_note_guid_is_genanki_guid_for() -> None:
    """note_guid computes genanki.guid_for(bank id, question id[, namespace]) itself: equal for
    20,000 random ids (ASCII, CJK, the ``__`` join inside an id, empty parts)."""
    rng = random.Random(17)
    alphabet = "abcxyz-_0123456789 党支部学习:/"
    for _ in range(20_000):
        bank_id, question_id = ("".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(2))
        namespace = rng.choice(["", "review/张三", "a__b"])
        parts = (bank_id, question_id, namespace) if namespace else (bank_id, question_id)
        assert sk_anki.note_guid(bank_id, question_id, namespace) == genanki.guid_for(*parts)


def test_ids_do_not_depend_on_time(bank: Bank, tmp_path: Path) -> None:
    """GUIDs, note type ids and deck ids are the same at any timestamp and derive from bank and question ids."""
    sk_anki.write_deck(bank, tmp_path / "a.apkg", timestamp=T1)
    sk_anki.write_deck(bank, tmp_path / "b.apkg", timestamp=T2)
    a, b = package_rows(tmp_path / "a.apkg", tmp_path), package_rows(tmp_path / "b.apkg", tmp_path)
    assert [n[1] for n in a["notes"]] == [n[1] for n in b["notes"]]
    assert a["models"] == b["models"]
    assert a["decks"] == b["decks"]
    assert sorted(n[1] for n in a["notes"]) == sorted(genanki.guid_for("mini-test", q.id) for q in bank.questions)
    ours = [m for m in a["models"] if m[1] in MODEL_NAMES]
    assert ours == [(1155415960, "studykit 判断题 (v1)"), (1208201777, "studykit 填空题 Cloze (v1)"),
                    (1881833840, "studykit 选择题 (v1)")]  # fmt: skip
    assert (sk_anki.deck_id_for("mini-test"), DECKS[0]) in a["decks"]
    assert (sk_anki.deck_id_for("mini-test", "ren-jiantao"), DECKS[2]) in a["decks"]
    assert all((1 << 30) <= did < (1 << 31) for did, name in a["decks"] if name != "Default")


def test_note_type_fields_never_change() -> None:
    """The fields of the v1 note types are frozen: changing them breaks users' collections (see anki.py)."""
    common = ("Explanation", "Source", "Speaker", "Heading", "QuestionID", "YourAnswer")
    assert ("Stem", "Options", "Type", "Answer", *common) == sk_anki.CHOICE_FIELDS
    assert ("Stem", "Answer", *common) == sk_anki.TRUE_FALSE_FIELDS
    assert ("Text", "Accepted", *common) == sk_anki.CLOZE_FIELDS
    assert [[f["name"] for f in m.fields] for m in sk_anki.MODELS] == [
        list(sk_anki.CHOICE_FIELDS),
        list(sk_anki.TRUE_FALSE_FIELDS),
        list(sk_anki.CLOZE_FIELDS),
    ]


def test_review_namespace_gives_distinct_guids(bank: Bank) -> None:
    """Notes built under a namespace (review decks) get GUIDs distinct from the study deck's, and show YourAnswer."""
    q = bank.question("ren-01")
    (plain,) = sk_anki.build_notes(bank, [q])
    (review,) = sk_anki.build_notes(bank, [q], namespace="review/张三", your_answers={"ren-01": "A <县域>"})
    assert plain.guid == genanki.guid_for("mini-test", "ren-01")
    assert review.guid == genanki.guid_for("mini-test", "ren-01", "review/张三") != plain.guid
    assert plain.fields[sk_anki.CHOICE_FIELDS.index("YourAnswer")] == ""
    assert review.fields[sk_anki.CHOICE_FIELDS.index("YourAnswer")] == "A &lt;县域&gt;"


# -- fields ----------------------------------------------------------------------


def test_bank_text_is_escaped_and_cloze_syntax_is_neutralised(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """HTML, ``::`` and ``}}`` in bank text reach the card as text; the cloze still hides exactly the answer."""
    odd = "a::b}}<i>&{{c2::x}}"
    q = dataclasses.replace(bank.question("intro-02"), stem="以{{c1::甲}}<b>“____”</b>形式", answer=(odd, "乙"))
    choice = dataclasses.replace(bank.question("intro-01"), stem="<script>x</script>（ ）")
    questions = tuple({"intro-02": q, "intro-01": choice}.get(x.id, x) for x in bank.questions)
    sk_anki.write_package(
        sk_anki.build_package(dataclasses.replace(bank, questions=questions), ["intro"]), tmp_path / "o.apkg"
    )
    log = import_apkg(col, tmp_path / "o.apkg")
    assert len(log.new) == 2 and col.card_count() == 2
    (cloze_nid,) = col.find_notes("QuestionID:intro-02")
    card = col.get_note(cloze_nid).cards()[0]
    assert "以&#123;&#123;c1::甲&#125;&#125;&lt;b&gt;“<span" in card.question()
    assert "[...]</span>”&lt;/b&gt;形式" in card.question()
    answer_span = card.answer().split('<span class="cloze" data-ordinal="1">')[1].split("</span>")[0]
    assert html.unescape(answer_span) == odd
    assert html.unescape(card.question()).count("{{c1::甲}}") == 1  # the stem's braces stay text
    (choice_nid,) = col.find_notes("QuestionID:intro-01")
    assert "&lt;script&gt;x&lt;/script&gt;（ ）" in col.get_note(choice_nid).cards()[0].question()
    assert col.get_note(cloze_nid)["Accepted"] == "乙"


def test_highlight_merges_overlaps_and_escapes() -> None:
    """Overlapping needles become one <mark>; text and needles are escaped."""
    assert sk_anki.highlight("a<b>c b<b>", ["<b>", "b<b"]) == "a<mark>&lt;b&gt;</mark>c <mark>b&lt;b&gt;</mark>"
    assert sk_anki.highlight("网格长和楼栋长", ["网格长", "长和楼"]) == "<mark>网格长和楼</mark>栋长"
    assert sk_anki.highlight("一\n二", []) == "一<br>二"


def test_cloze_without_blank_appends_the_deletion(bank: Bank) -> None:
    """A fill_blank stem lacking ____ gets the cloze appended, so the note still has a card."""
    q = dataclasses.replace(bank.question("intro-02"), stem="研讨会的形式")
    assert sk_anki.cloze_text(q) == "研讨会的形式 {{c1::现场会议+云端会议}}"


# -- safety ----------------------------------------------------------------------


def test_failed_export_keeps_existing_deck(bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export that fails midway leaves the existing .apkg byte-for-byte and no temporary file."""
    out = tmp_path / "out" / "mini.apkg"
    out.parent.mkdir()
    sk_anki.write_deck(bank, out, timestamp=T1)
    before = out.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(genanki.Package, "write_to_db", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        sk_anki.write_deck(bank, out, timestamp=T2)
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["mini.apkg"]


def test_no_temporary_files_left_behind(bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing a package leaves nothing in the system's temporary folder."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    assert list(scratch.iterdir()) == []


def test_package_gets_a_normal_file_mode(bank: Bank, tmp_path: Path) -> None:
    """The package is readable like any new file (umask applied), not 0600 like a temporary file."""
    mask = os.umask(0o022)
    try:
        sk_anki.write_deck(bank, tmp_path / "mini.apkg", timestamp=T1)
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "mini.apkg").stat().st_mode) == 0o644


def test_unwritable_folder_is_a_user_error(bank: Bank, tmp_path: Path) -> None:
    """A file where the output folder should be raises StudykitError naming the path."""
    (tmp_path / "nowhere").write_bytes(b"")
    with pytest.raises(StudykitError, match=r"cannot write .*nowhere/x\.apkg: .*/nowhere is a file, not a folder"):
        sk_anki.write_deck(bank, tmp_path / "nowhere" / "x.apkg")


def test_cli_creates_missing_folders_like_quiz(bank_path: Path, tmp_path: Path) -> None:
    """`studykit anki -o missing/dir/deck.apkg` creates the folders, as `studykit quiz -o` does."""
    out = tmp_path / "missing" / "dir" / "deck.apkg"
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "-o", str(out), "--timestamp", str(T1)])
    assert result.exit_code == 0, result.output
    assert zipfile.ZipFile(out).namelist() == ["collection.anki2", "media"]


def test_cli_folder_at_output_path_is_an_error(bank_path: Path, tmp_path: Path) -> None:
    """`-o deck.apkg` naming an existing folder is a usage error (exit 2), not a traceback."""
    (tmp_path / "deck.apkg").mkdir()
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "-o", str(tmp_path / "deck.apkg")])
    assert result.exit_code == 2
    assert (
        f"Error: Invalid value for '-o' / '--output': File '{tmp_path / 'deck.apkg'}' is a directory." in result.output
    )


# -- command line ------------------------------------------------------------------


def test_cli_prints_exact_summary(bank_path: Path, tmp_path: Path) -> None:
    """`studykit anki` writes the package and prints the notes and cards per deck."""
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "-o", str(out), "--timestamp", str(T1)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote {out}: 17 notes, 17 cards in 4 decks\n"
        f"  {DECKS[1]}: 2 notes, 2 cards\n"
        f"  {DECKS[2]}: 4 notes, 4 cards\n"
        f"  {DECKS[3]}: 5 notes, 5 cards\n"
        f"  {DECKS[4]}: 6 notes, 6 cards\n"
    )
    assert out.read_bytes() == _reference_package(bank_path, tmp_path)


def _reference_package(bank_path: Path, tmp_path: Path) -> bytes:
    ref = tmp_path / "reference.apkg"
    sk_anki.write_deck(load_bank(bank_path), ref, timestamp=T1)
    return ref.read_bytes()


def test_cli_default_output_is_bank_id(bank_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the package is <bank id>.apkg in the current folder; --speech selects subdecks."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "--speech", "ren-jiantao"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote mini-test.apkg: 4 notes, 4 cards in 1 deck\n  {DECKS[2]}: 4 notes, 4 cards\n"
    assert (tmp_path / "mini-test.apkg").is_file()


def test_cli_bad_bank_writes_nothing(bank_path: Path, tmp_path: Path) -> None:
    """A bank with an error prints check's message, exits 1 and leaves no package."""
    text = bank_path.read_text(encoding="utf-8")
    bank_path.write_text(text.replace("    answer: C\n", "    answer: E\n", 1), encoding="utf-8")
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{bank_path}:50: question 'ren-01', field 'answer': 'E' is not one of the options A–D\n"
        f"Error: {bank_path}: 1 error(s)\n"
    )
    assert not out.exists()
    assert list(tmp_path.glob("*.apkg")) == []


def test_cli_rejects_unknown_speech_and_wrong_suffix(bank_path: Path, tmp_path: Path) -> None:
    """An unknown --speech exits 1 and a non-.apkg -o exits 2, each with a message; nothing is written."""
    runner = CliRunner()
    result = runner.invoke(main, ["anki", "--bank", str(bank_path), "-o", str(tmp_path / "d.apkg"), "--speech", "x"])
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: unknown speech 'x' (expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu)\n"
    )
    result = runner.invoke(main, ["anki", "--bank", str(bank_path), "-o", str(tmp_path / "d.zip")])
    assert result.exit_code == 2
    assert f"'{tmp_path / 'd.zip'}' does not end in .apkg (Anki imports only .apkg packages)" in result.stderr
    assert list(tmp_path.glob("d.*")) == []


@pytest.mark.parametrize("value", ["5000000000", "1e20", "nan", "inf", "-inf", "-1", "4294967296"])
def test_cli_timestamp_outside_what_anki_stores_is_a_usage_error(bank_path: Path, tmp_path: Path, value: str) -> None:
    """--timestamp beyond 2**32 s, not finite or negative: a usage error naming the range, no traceback, no file."""
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "-o", str(out), "--timestamp", value])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--timestamp': '{value}' is not a time Anki can store "
        "(expected seconds since 1970 from 0 to below 4294967296, i.e. before 2106-02-07)"
    )
    assert not out.exists()


def test_cli_timestamp_that_is_not_a_number_is_a_usage_error(bank_path: Path, tmp_path: Path) -> None:
    """--timestamp abc says it is not a number of seconds."""
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "--timestamp", "abc"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for '--timestamp': 'abc' is not a number of seconds"


def test_latest_timestamp_imports_into_anki(bank: Bank, col: Collection, tmp_path: Path) -> None:
    """A package stamped one second before 2**32 (the largest allowed) imports with every note at that time."""
    stamp = sk_anki.MAX_TIMESTAMP - 1
    sk_anki.write_deck(bank, tmp_path / "late.apkg", timestamp=stamp)
    assert len(import_apkg(col, tmp_path / "late.apkg").new) == 17
    assert {col.get_note(nid).mod for nid in col.find_notes("")} == {stamp}


def test_library_rejects_a_timestamp_anki_cannot_store(bank: Bank, tmp_path: Path) -> None:
    """write_deck with a timestamp of 2**32 raises StudykitError and writes nothing; the CLI's limit is the same."""
    with pytest.raises(StudykitError, match=r"^timestamp 4294967296 is not a time Anki can store"):
        sk_anki.write_deck(bank, tmp_path / "x.apkg", timestamp=2**32)
    assert list(tmp_path.glob("*.apkg")) == []
    from studykit import cli

    assert cli.MAX_TIMESTAMP == sk_anki.MAX_TIMESTAMP


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_export_onto_a_pipe_is_refused_not_a_hang(tmp_path: Path) -> None:
    """-o onto a named pipe: the previous package is not read from it (that blocked forever); the
    writer refuses it, exit 1."""
    import subprocess
    import sys

    pipe = tmp_path / "deck.apkg"
    os.mkfifo(pipe)
    proc = subprocess.run(
        [sys.executable, "-m", "studykit", "anki", "--bank", str(MINI / "question_bank.yaml"), "-o", str(pipe)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "STUDYKIT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert proc.returncode == 1
    assert proc.stderr.decode() == (
        f"Error: cannot write {pipe}: it is not a regular file (a device or a pipe); give a file name\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


# -- several banks (issue 13: one collection of a year's articles) ------------------------------------

MINI2_TITLE = "乡村振兴小测"


def test_two_banks_import_as_two_parent_decks_with_their_speeches(
    bank_path: Path, col: Collection, tmp_path: Path
) -> None:
    """anki --bank A --bank B: one parent deck per article (its bank's title), its speeches' subdecks beneath."""
    result = CliRunner().invoke(
        main, ["anki", "--bank", str(bank_path), "--bank", str(MINI2_BANK), "-o", str(tmp_path / "year.apkg"),
               "--timestamp", str(T1)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"wrote {tmp_path / 'year.apkg'}: 28 notes, 28 cards in 6 decks"
    log = import_apkg(col, tmp_path / "year.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (28, 0, 0)
    per_deck = Counter(col.decks.name(col.get_card(cid).did) for cid in col.find_cards(""))
    assert per_deck == {
        DECKS[1]: 2,
        DECKS[2]: 4,
        DECKS[3]: 5,
        DECKS[4]: 6,
        f"{MINI2_TITLE}::01 第1篇": 6,
        f"{MINI2_TITLE}::02 第2篇": 5,
    }
    assert {d.name for d in col.decks.all_names_and_ids()} >= {TITLE, MINI2_TITLE}
    # one question id in both banks is two notes with their own GUIDs
    ren = sorted(col.get_note(n)["Stem"] for n in col.find_notes("QuestionID:ren-01"))
    assert ren == ["任剑涛认为，省域治理的重要落点是（ ）", "该县有多少个行政村实现农家书屋全覆盖？（ ）"]


def test_adding_a_bank_adds_only_its_notes_and_keeps_review_history(
    bank_path: Path, col: Collection, tmp_path: Path
) -> None:
    """Export bank A alone and import it; review a card; export A+B to the same file and import:
    exactly B's 11 notes are added, none of A's 17 is added or updated, and the review stays."""
    deck = tmp_path / "学习.apkg"
    runner = CliRunner()
    result = runner.invoke(main, ["anki", "--bank", str(bank_path), "-o", str(deck), "--timestamp", str(T1)])
    assert result.exit_code == 0, result.output
    log = import_apkg(col, deck)
    assert (len(log.new), col.note_count()) == (17, 17)
    a_guids = {col.get_note(n).guid for n in col.find_notes("")}
    col.decks.select(col.decks.id_for_name(TITLE))
    card = col.sched.getCard()
    card.start_timer()
    col.sched.answerCard(card, 3)  # Good: the card leaves the new queue and gets a review log entry
    reviewed = col.get_card(card.id)
    assert (reviewed.reps, col.db.scalar("SELECT count() FROM revlog")) == (1, 1)

    result = runner.invoke(
        main, ["anki", "--bank", str(bank_path), "--bank", str(MINI2_BANK), "-o", str(deck), "--timestamp", str(T2)]
    )
    assert result.exit_code == 0, result.output
    log = import_apkg(col, deck)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (11, 0, 17)
    b_guids = {sk_anki.note_guid("mini-village", q.id) for q in load_bank(MINI2_BANK).questions}
    assert len(b_guids) == 11
    assert {col.get_note(n).guid for n in col.find_notes("")} == a_guids | b_guids
    assert (col.note_count(), col.card_count()) == (28, 28)
    after = col.get_card(card.id)
    assert (after.nid, after.reps, after.type, after.ivl) == (reviewed.nid, 1, reviewed.type, reviewed.ivl)
    assert col.db.scalar("SELECT count() FROM revlog") == 1


def test_speech_option_with_two_banks_matches_each_bank(bank_path: Path, tmp_path: Path) -> None:
    """--speech ID takes that speech in every bank having it; BANK/ID one speech; unknown ones are refused."""
    library = load_banks([bank_path, MINI2_BANK])
    summary = sk_anki.write_deck(library, tmp_path / "x.apkg", speeches=["intro", "mini-village/zhou-hong"])
    assert [(d.name, d.notes) for d in summary.decks] == [
        (TITLE, 0),
        (DECKS[1], 2),
        (MINI2_TITLE, 0),
        (f"{MINI2_TITLE}::02 第2篇", 5),
    ]
    with pytest.raises(SelectionError) as err:
        sk_anki.write_deck(library, tmp_path / "y.apkg", speeches=["zhou"])
    assert err.value.message.startswith("unknown speech id 'zhou' (expected one of: mini-test/intro, ")
    assert not (tmp_path / "y.apkg").exists()


def test_two_banks_of_one_title_are_refused_before_anything_is_written(bank_path: Path, tmp_path: Path) -> None:
    """Two articles with one title would share one parent deck in Anki: refused, naming both banks."""
    shutil.copytree(MINI2_BANK.parent, tmp_path / "village")
    other = tmp_path / "village" / "question_bank.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("title: 乡村振兴小测", f"title: {TITLE}"), "utf-8")
    result = CliRunner().invoke(main, ["anki", "--bank", str(bank_path), "--bank", str(other), "-o",
                                       str(tmp_path / "x.apkg")])  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {bank_path} and {other} have the same title '{TITLE}': their decks would merge in Anki "
        "(expected each article its own title: change bank.title in one of them)\n",
    )
    assert not (tmp_path / "x.apkg").exists()
