"""The public Python API, end to end: bank → paper → key → graded sheet → deck."""

from __future__ import annotations

from pathlib import Path

from skpaths import MINI_BANK
from studykit import build_papers, grade_files, load_bank, load_key, write_deck
from studykit.key import KeyItem, dump_key, render_answer_sheet


def _right_answer(it: KeyItem) -> str:
    """What a member who knows the answer writes on the sheet."""
    if it.type == "true_false":
        return "对" if it.answer == ("true",) else "错"
    return "".join(it.answer) if it.type in ("single", "multiple") else it.answer[0]


def test_round_trip_through_the_public_api(tmp_path: Path) -> None:
    """A sheet answered from the key scores full marks; one wrong single-choice item costs its 5 points."""
    bank = load_bank(MINI_BANK)
    (paper,) = build_papers(bank, count=8, seed=11)
    key_path = tmp_path / "quiz.key.yaml"
    key_path.write_text(dump_key(paper.key()), encoding="utf-8")
    key = load_key(key_path)

    sheet = render_answer_sheet(key).replace("姓名：", "姓名：李四")
    lines = [f"{it.number}. {_right_answer(it)}" for it in key.items]
    for it in key.items:
        sheet = sheet.replace(f"\n{it.number}. \n", "\n" + lines[it.number - 1] + "\n")
    full = tmp_path / "full.txt"
    full.write_text(sheet, encoding="utf-8")

    first_single = next(it for it in key.items if it.type == "single")
    wrong_letter = next(letter for letter in "ABCD" if (letter,) != first_single.answer)
    one_wrong = tmp_path / "one_wrong.txt"
    one_wrong.write_text(
        sheet.replace(f"\n{lines[first_single.number - 1]}\n", f"\n{first_single.number}. {wrong_letter}\n"),
        encoding="utf-8",
    )

    report = grade_files([full, one_wrong], key, bank=bank)
    scores = {m.source.rsplit("/", 1)[-1]: m.score for m in report.members}
    assert scores == {"full.txt": key.total_points, "one_wrong.txt": key.total_points - 5}

    summary = write_deck(bank, tmp_path / "deck.apkg", timestamp=1_700_000_000)
    assert summary.notes == len(bank.questions) == 17
