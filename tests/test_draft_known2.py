"""studykit draft: the draft defects left after round 6 (round 7's list), each pinned by its exact output.

Each test writes a small realistic article (or file), drafts it through the CLI as a secretary runs
``studykit draft``, and asserts the exact message, stems, keys or 出处 that come of it."""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from click.testing import CliRunner

from draftkit import draft_questions
from studykit.cli import main

ORCHARD = "村里果园有了新帮手\n\n今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、施肥、防治病虫害。\n"


def test_two_megabytes_of_random_bytes_named_txt_is_not_text(tmp_path: Path) -> None:
    """Random bytes named ``.txt`` are said to be no text, naming the file, before their size is
    weighed (2 MB said "more than one article", as if it were a collection of articles); 100 KB of them
    says the same (it said "cannot tell the text encoding")."""
    for size in (2_000_000, 100_000):
        data = random.Random(7).randbytes(size)
        assert b"\x00" in data[:8000]
        article = tmp_path / f"材料{size}.txt"
        article.write_bytes(data)
        result = CliRunner().invoke(main, ["draft", str(article), "-o", str(tmp_path / "out")])
        assert (result.exit_code, result.output) == (
            1,
            f"Error: {article}: this is not text (binary data such as a picture or a program; expected .docx or .txt)\n",
        )
        assert not (tmp_path / "out").exists()


def test_the_bank_id_is_the_output_folders_name_as_the_readme_says(tmp_path: Path) -> None:
    """``-o 2026-11`` gives the id ``2026-11``, ``-o 十一月学习`` its pinyin initials ``syyxx`` (README,
    "The bank's id")."""
    ids = []
    for name in ("2026-11", "十一月学习"):
        draft_questions(tmp_path, ORCHARD, out_name=name)
        bank = yaml.safe_load((tmp_path / name / "question_bank.yaml").read_text(encoding="utf-8"))
        ids.append(bank["bank"]["id"])
    assert ids == ["2026-11", "syyxx"]
