"""The review workflow: `draft: true` questions are checked like any other, counted by `check`,
and left out of quizzes, decks and handouts unless --include-drafts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest
from click.testing import CliRunner

from skpaths import MINI_BANK
from studykit.bank import load_bank, without_drafts
from studykit.cli import main
from studykit.errors import BankError


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    """The mini bank with ren-01 and tian-01 marked as drafts."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "mini")
    path = tmp_path / "mini" / "question_bank.yaml"
    text = path.read_text(encoding="utf-8")
    for qid in ("ren-01", "tian-01"):
        text = text.replace(f"  - id: {qid}\n", f"  - id: {qid}\n    draft: true\n")
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_counts_drafts_per_speech_as_warnings(bank_path: Path) -> None:
    """`check` prints 'N draft(s) to review' per speech with drafts, exit 0; --strict makes them errors."""
    code, out, err = _run("check", "--bank", str(bank_path))
    assert code == 0
    assert err.splitlines() == [
        f"{bank_path}:10: warning: speech 'ren-jiantao': 1 draft to review (accept it by deleting its 'draft: true' line)",
        f"{bank_path}:15: warning: speech 'tian-yipeng': 1 draft to review (accept it by deleting its 'draft: true' line)",
    ]
    assert "(9 curated, 8 derived, 2 of them drafts to review)" in out
    code, out, err = _run("check", "--bank", str(bank_path), "--strict")
    assert code == 1
    assert err.splitlines()[-1] == f"Error: {bank_path}: 0 error(s) and 2 warning(s) (--strict)"


def test_every_bank_rule_applies_to_a_draft(bank_path: Path) -> None:
    """A draft whose source is not in its material, or whose draft flag is not true/false, is an error."""
    text = bank_path.read_text(encoding="utf-8")
    text = text.replace("    source: 而大都市是省域治理的重要落点\n", "    source: 而小城镇是省域治理的重要落点\n")
    text = text.replace("  - id: tian-01\n    draft: true\n", "  - id: tian-01\n    draft: maybe\n")
    bank_path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(bank_path, cache=False)
    assert [p.message for p in caught.value.problems] == [
        "not found verbatim in material/01-ren-jiantao.txt (expected an excerpt of speech 'ren-jiantao', whitespace aside)",
        "'maybe' is not true or false (expected true, or delete the line once reviewed)",
    ]


def test_accepting_a_draft_is_deleting_its_line(bank_path: Path) -> None:
    """Without the draft line the question is an ordinary one: no warning left for that speech."""
    bank_path.write_text(
        bank_path.read_text(encoding="utf-8").replace("  - id: ren-01\n    draft: true\n", "  - id: ren-01\n"),
        encoding="utf-8",
    )
    bank = load_bank(bank_path, cache=False)
    assert [q.id for q in bank.questions if q.draft] == ["tian-01"]
    assert len(bank.warnings) == 1 and "tian-yipeng" in bank.warnings[0]


def test_without_drafts_drops_exactly_the_drafts(bank_path: Path) -> None:
    """without_drafts keeps every other question (derived ones too) and the fingerprint."""
    bank = load_bank(bank_path, cache=False)
    reviewed = without_drafts(bank)
    assert [q.id for q in bank.questions if q not in reviewed.questions] == ["ren-01", "tian-01"]
    assert reviewed.fingerprint == bank.fingerprint
    assert without_drafts(reviewed) is reviewed


def test_quiz_skips_drafts_unless_included(bank_path: Path, tmp_path: Path) -> None:
    """The quiz's key holds no draft; with --include-drafts the drafts can be drawn."""
    base = ["quiz", "--bank", str(bank_path), "--seed", "3", "--count", "15", "--format", "md"]
    code, _out, err = _run(*base, "-o", str(tmp_path / "a.md"))
    assert code == 0, err
    key = (tmp_path / "a.key.yaml").read_text(encoding="utf-8")
    assert "ren-01" not in key and "tian-01" not in key and "ren-02" in key
    code, _out, err = _run(*base, "--include-drafts", "-o", str(tmp_path / "b.md"))
    assert code == 0, err
    key = (tmp_path / "b.key.yaml").read_text(encoding="utf-8")
    assert "ren-01" in key and "tian-01" in key


def test_anki_skips_drafts_unless_included_in_real_anki(bank_path: Path, tmp_path: Path) -> None:
    """Imported into Anki, the deck has 2 notes fewer than with --include-drafts."""
    counts = []
    for n, extra in enumerate(((), ("--include-drafts",))):
        apkg = tmp_path / f"d{n}.apkg"
        code, _out, err = _run("anki", "--bank", str(bank_path), "-o", str(apkg), "--timestamp", "0", *extra)
        assert code == 0, err
        col = Collection(str(tmp_path / f"c{n}.anki2"))
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        counts.append(col.note_count())
        col.close()
    assert counts == [15, 17]


def test_handout_skips_drafts_unless_included(bank_path: Path, tmp_path: Path) -> None:
    """The handout's facts leave the drafts out, and take them with --include-drafts."""
    outputs, lines = [], []
    for n, extra in enumerate(((), ("--include-drafts",))):
        path = tmp_path / f"h{n}.md"
        code, out, err = _run("handout", "--bank", str(bank_path), "-o", str(path), *extra)
        assert code == 0, err
        outputs.append(path.read_text(encoding="utf-8"))
        lines.append(out)
    assert lines == [
        f"wrote {tmp_path / 'h0.md'}: 4 speeches, 7 facts\n",
        f"wrote {tmp_path / 'h1.md'}: 4 speeches, 9 facts\n",
    ]
    assert "任剑涛认为，省域治理的重要落点是大都市。" not in outputs[0]
    assert "1\\. 任剑涛认为，省域治理的重要落点是大都市。" in outputs[1]


def test_a_bank_nobody_has_reviewed_gives_no_paper_deck_or_handout(tmp_path: Path) -> None:
    """Right after `studykit draft`, every question is a draft — the attribution items too, since
    their speakers come from the same machine split — so quiz, anki and handout say so (exit 1,
    nothing written) instead of printing the derived items alone or an empty deck."""
    from skpaths import DATA
    from studykit.draft import draft_bank

    out = tmp_path / "new"
    draft_bank(DATA / "draft" / "layout1.txt", out)
    bank = out / "question_bank.yaml"
    assert all(q.draft for q in load_bank(bank, cache=False).questions)
    message = (
        f"Error: every question in {bank} is still a draft: review them (delete each 'draft: true' line "
        "you accept) or pass --include-drafts"
    )
    for args in (["quiz", "-o", str(tmp_path / "q.md")], ["anki", "-o", str(tmp_path / "d.apkg")],
                 ["handout", "-o", str(tmp_path / "h.md")]):  # fmt: skip
        code, _out, err = _run(*args, "--bank", str(bank))
        assert (code, err.splitlines()[-1]) == (1, message), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]
    code, _out, _err = _run("quiz", "--bank", str(bank), "--include-drafts", "-o", str(tmp_path / "q.md"))
    assert code == 0
