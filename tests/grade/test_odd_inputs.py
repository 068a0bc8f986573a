"""Odd inputs that once gave a traceback or a hang (issue 18, item 11): each is one clean
error line, or is read correctly."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import DATA, MINI_BANK
from studykit.anki import MAX_PREVIOUS
from studykit.cli import main
from studykit.errors import KeyFileError, StudykitError
from studykit.handout import load_report
from studykit.key import AnswerKey, dump_key, load_key

REPORT = DATA / "handout" / "report.json"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_one_error_line() -> None:
    """check with its standard output on a full disk: exit 1 and one line, no traceback."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "studykit", "check", "--bank", str(MINI_BANK)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (1, "Error: cannot write the output: No space left on device\n")


def _report(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    return path


def _with(**changes: object) -> str:
    """The handout test report with ``changes`` made to its first question (``None``: the key removed)."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["questions"][0].update(changes)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not a grade report studykit wrote (nested too deeply)"),
        (_with(facility=float("nan")), "not a grade report studykit wrote (NaN is not a number a report holds)"),
        (_with(facility=2.5), "questions[1], field 'facility': 2.5 is not a share (expected 0 to 1)"),
        (
            _with(facility=1).replace('"facility": 1', '"facility": 1e999'),
            "not a grade report studykit wrote (1e999 is too large a number)",
        ),
        (
            _with(number=1).replace('"number": 1,', '"number": ' + "9" * 5000 + ","),
            "not a grade report studykit wrote (Exceeds the limit (4300 digits) for integer string conversion: "
            "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit)",
        ),
    ],
    ids=["deep", "nan", "share", "overflow", "digits"],
)
def test_a_crafted_report_for_handout_is_refused(tmp_path: Path, text: str, message: str) -> None:
    """handout --from-report with crafted JSON: one message naming the file, never RecursionError,
    and a NaN facility is never read as "nothing below the pass mark"."""
    path = _report(tmp_path, text)
    with pytest.raises(StudykitError) as err:
        load_report(path)
    tail = "; expected the JSON report of studykit grade (--format json)" if "studykit wrote" in message else ""
    assert err.value.message == f"{path}: {message}{tail}"


def test_a_crafted_report_gives_no_traceback_through_the_cli(tmp_path: Path) -> None:
    """The deep-nesting report through ``studykit handout``: exit 1, one Error line."""
    path = _report(tmp_path, "[" * 100_000 + "]" * 100_000)
    out = tmp_path / "h.md"
    result = CliRunner().invoke(main, ["handout", "--bank", str(MINI_BANK), "--from-report", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith(f"Error: {path}: not a grade report studykit wrote (nested")


def _encrypted_zip() -> bytes:
    """A zip whose collection.anki2 says it is encrypted (flag bit 0 in both headers)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("collection.anki2", b"SQLite format 3\0" + b"\0" * 100)
    data = bytearray(out.getvalue())
    data[6] |= 1  # local file header: general purpose flags
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1  # central directory: general purpose flags
    return bytes(data)


def _zip_bomb() -> bytes:
    """A zip whose collection.anki2 unpacks to more than MAX_PREVIOUS bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        info = zipfile.ZipInfo("collection.anki2", (2024, 1, 1, 0, 0, 0))
        with z.open(info, "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(MAX_PREVIOUS // len(chunk) + 1):
                member.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("make", [_encrypted_zip, _zip_bomb], ids=["encrypted", "bomb"])
def test_anki_writes_over_a_hostile_previous_package(tmp_path: Path, make: object) -> None:
    """An encrypted or zip-bomb .apkg at anki -o's path counts as no previous package: the deck is
    written (once RuntimeError, and MemoryError after 37 s and 4.2 GB)."""
    out = tmp_path / "deck.apkg"
    out.write_bytes(make())  # type: ignore[operator]
    result = CliRunner().invoke(main, ["anki", "--bank", str(MINI_BANK), "-o", str(out), "--timestamp", "1700000000"])
    assert result.exit_code == 0, result.output
    assert zipfile.ZipFile(out).namelist() == ["collection.anki2", "media"]


def test_name_column_of_5000_digits_is_no_column(tmp_path: Path, key_file: Path) -> None:
    """--name-column with a number of 5,000 digits names no column (once an uncaught ValueError)."""
    table = tmp_path / "t.csv"
    table.write_text("姓名,版本,1,2,3,4,5,6,7,8\n甲,A,B,C,ABC,ABC,对,错,x,y\n", encoding="utf-8")
    digits = "9" * 5000
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(key_file), "--name-column", digits])
    assert result.exit_code == 1
    assert f"{table}:1: no column {digits!r} for --name-column (the columns are: " in result.output


def test_a_key_item_number_of_5000_digits_is_refused(tmp_path: Path, key: AnswerKey) -> None:
    """A key whose item number has 5,000 digits is a key error naming the line (once a ValueError)."""
    path = tmp_path / "k.key.yaml"
    path.write_text(dump_key(key).replace("number: 1\n", "number: " + "9" * 5000 + "\n", 1), encoding="utf-8")
    with pytest.raises(KeyFileError) as err:
        load_key(path)
    assert "field 'number': " in err.value.message
    assert "is not an item number (expected a whole number, 1 or more, as printed on the paper)" in err.value.message
