"""Hostile files given where a bank, an answer key or an article is expected (round 7, fresh-break):
a FIFO, ``/dev/zero``, a 1 GB file, a zip bomb or a broken .docx each give one exact line and exit 1
at once — never a hang, a MemoryError or a traceback — and draft leaves no output folder.

The commands run as subprocesses with a timeout, so a regression that hangs fails instead of
stopping the suite; the big files are sparse (no disk is used)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from skpaths import SHIPPED_BANK

ONE_GB = 1 << 30


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``studykit ARGS`` in ``cwd``: done within 30 s (a hang fails the test)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "studykit", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=30
    )


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk: ``head``, then a hole."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", ["check", "quiz", "anki"])
def test_a_fifo_given_as_the_bank_is_refused_not_waited_on(tmp_path: Path, command: str) -> None:
    """A named pipe given as --bank used to hang every command reading a bank."""
    os.mkfifo(tmp_path / "bank.yaml")
    done = run(command, "--bank", "bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: cannot read bank.yaml: not a regular file (a pipe or a device); give the bank's YAML file\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_given_as_the_bank_is_refused_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    """/dev/zero as --bank used to be read until a MemoryError traceback."""
    done = run("check", "--bank", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: cannot read /dev/zero: not a regular file (a pipe or a device); give the bank's YAML file\n"
    )


def test_a_1_gb_bank_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 1 GB one-line bank was parsed for half a minute in some 6 GB of memory; now refused by its size."""
    sparse(tmp_path / "question_bank.yaml", ONE_GB, b"bank:\n  id: ")
    done = run("check", "--bank", "question_bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: cannot read question_bank.yaml: 1,073,741,824 bytes, more than such a file holds "
        "(at most 33,554,432); not read\n"
    )


def test_a_1_gb_answer_key_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 1 GB --key is refused by its size; nothing is graded and no report is written."""
    sparse(tmp_path / "q.key.yaml", ONE_GB, b"studykit_key: 1\nquiz_id: ")
    (tmp_path / "a.txt").write_text("姓名：张三\n1. A\n", encoding="utf-8")
    done = run("grade", "a.txt", "--key", "q.key.yaml", "-o", "report.json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: cannot read answer key q.key.yaml: 1,073,741,824 bytes, more than such a file holds "
        "(at most 33,554,432); not read\n"
    )
    assert not (tmp_path / "report.json").exists()


def _draft(tmp_path: Path, article: str) -> str:
    """draft ARTICLE -o out in ``tmp_path``: its error output; fails unless it exits 1 and writes nothing."""
    done = run("draft", article, "-o", "out", cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert not (tmp_path / "out").exists()
    return done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_draft_refuses_a_fifo(tmp_path: Path) -> None:
    """A named pipe given as the article used to hang draft."""
    os.mkfifo(tmp_path / "article.txt")
    assert _draft(tmp_path, "article.txt") == (
        "Error: article.txt: not a regular file (a pipe or a device; expected the article, a .txt or .docx)\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_draft_refuses_dev_zero(tmp_path: Path) -> None:
    """/dev/zero as the article used to end in a MemoryError traceback."""
    assert _draft(tmp_path, "/dev/zero") == (
        "Error: /dev/zero: not a regular file (a pipe or a device; expected the article, a .txt or .docx)\n"
    )


def test_draft_refuses_a_1_gb_text_by_its_size_before_reading_it(tmp_path: Path) -> None:
    """A 1 GB .txt is refused with the too-long message, without reading a gigabyte first.  (Its text
    runs past the 8,000 bytes looked at for a NUL: a file of NULs there is named as not text first.)"""
    sparse(tmp_path / "article.txt", ONE_GB, "全文".encode() * 1400)
    assert _draft(tmp_path, "article.txt") == (
        "Error: article.txt: 1,073,741,824 bytes is more than one article (expected at most 100,000 characters: "
        "draft each article of the file on its own)\n"
    )


def test_draft_names_a_big_pdf_as_a_pdf(tmp_path: Path) -> None:
    """A PDF too big to be an article is still called a PDF (its first bytes are read), not 'too long'."""
    sparse(tmp_path / "article.txt", 8 << 20, b"%PDF-1.7\n")
    assert _draft(tmp_path, "article.txt") == (
        "Error: article.txt: this is a PDF (expected .docx or .txt: copy the article's text into a .txt file)\n"
    )


def _package(path: Path, document: bytes) -> Path:
    """A .docx package whose word/document.xml is ``document`` (deflated)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr("word/document.xml", document)
    return path


def test_draft_refuses_a_docx_zip_bomb_from_its_directory(tmp_path: Path) -> None:
    """A .docx whose document.xml unpacks 1,000 times larger than packed is refused before lxml sees it
    (it used to be parsed for 14 s, then end in lxml's 'Text node too long' traceback)."""
    _package(tmp_path / "bomb.docx", b"<w:document>" + b"a" * (300 << 20) + b"</w:document>")
    packed = zipfile.ZipFile(tmp_path / "bomb.docx").getinfo("word/document.xml").compress_size
    assert _draft(tmp_path, "bomb.docx") == (
        f"Error: bomb.docx: the document unpacks to 314,573,329 bytes (word/document.xml: 314,572,825 bytes "
        f"packed into {packed:,}) — a zip bomb? not read (expected a .docx saved by Word or WPS)\n"
    )


def test_draft_finds_the_bomb_behind_a_bigger_photo(tmp_path: Path) -> None:
    """Each part is checked, not only the largest: a 3 MiB photo (packed 1 to 1) does not hide a
    document.xml of 2 MiB packed 1,000 to 1."""
    path = _package(tmp_path / "photo.docx", b"<w:document>" + b"a" * (2 << 20) + b"</w:document>")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/image1.jpeg", os.urandom(3 << 20))
    packed = zipfile.ZipFile(path).getinfo("word/document.xml").compress_size
    size = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    assert _draft(tmp_path, "photo.docx") == (
        f"Error: photo.docx: the document unpacks to {size:,} bytes (word/document.xml: 2,097,177 bytes "
        f"packed into {packed:,}) — a zip bomb? not read (expected a .docx saved by Word or WPS)\n"
    )


def test_draft_names_a_docx_whose_xml_is_broken(tmp_path: Path) -> None:
    """A package whose document.xml is cut off used to end in lxml's XMLSyntaxError traceback."""
    _package(tmp_path / "broken.docx", b"<w:document xmlns:w='http://schemas.openxmlformats.org/"
             b"wordprocessingml/2006/main'><w:body><w:p>")  # fmt: skip
    assert _draft(tmp_path, "broken.docx") == (
        "Error: broken.docx: not a Word .docx document (expected one saved by Word or WPS)\n"
    )


def test_the_shipped_bank_still_loads(tmp_path: Path) -> None:
    """The size and file-kind checks leave a real bank alone."""
    done = run("check", "--bank", str(SHIPPED_BANK), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ": OK, 201 questions" in done.stdout


def test_a_material_file_of_300_mb_is_refused_by_its_size(tmp_path: Path) -> None:
    """A speech's material file of 300 MB (a video renamed .txt, say) was read and searched for 20 s
    and the bank passed; now it is refused at the speech's line, naming the field and the limit."""
    bank = tmp_path / "question_bank.yaml"
    bank.write_bytes(SHIPPED_BANK.read_bytes())
    (tmp_path / "material").mkdir()
    for source in (SHIPPED_BANK.parent / "material").iterdir():
        (tmp_path / "material" / source.name).write_bytes(source.read_bytes())
    speech = tmp_path / "material" / "01-ren-jiantao.txt"
    size = speech.stat().st_size + (300 << 20)
    sparse(speech, size, speech.read_bytes())
    done = run("check", "--bank", "question_bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"question_bank.yaml:23: speech 'ren-jiantao', field 'material': material/01-ren-jiantao.txt holds "
        f"{size:,} bytes, more than one speech's text (expected at most 4,194,304); not read\n"
        "Error: question_bank.yaml: 1 error(s)\n"
    )


def test_yaml_nested_3000_deep_stops_at_libyaml_s_limit_with_its_line(tmp_path: Path) -> None:
    """A bank nested 3,000 mappings deep is a syntax error at the 1,000th level, not a RecursionError.
    (Its words are catalog entries, msgctxt libyaml, for the Chinese interface.)"""
    (tmp_path / "question_bank.yaml").write_text(
        "".join("  " * i + "a:\n" for i in range(3000)) + "  " * 3000 + "b\n", encoding="utf-8"
    )
    done = run("check", "--bank", "question_bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "question_bank.yaml:1000: YAML syntax error, column 2000: while increasing block level "
        "exceeded maximum nesting depth\nError: question_bank.yaml is not valid YAML\n"
    )


def _word_document(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph("十一月学习材料")
    document.save(str(path))
    return path


def test_a_word_document_given_as_the_bank_is_named_as_such(tmp_path: Path) -> None:
    """The article's .docx given as --bank said 'not UTF-8 text (save the bank as UTF-8)'."""
    _word_document(tmp_path / "材料.docx")
    done = run("quiz", "--bank", "材料.docx", "-o", "q.md", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: 材料.docx: this is a zip file, such as a Word .docx or an Excel .xlsx, not a question bank "
        "(expected the bank's YAML text, question_bank.yaml)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["材料.docx"]


def test_an_old_word_file_given_as_the_bank_is_named_as_such(tmp_path: Path) -> None:
    """An old .doc (OLE) given as --bank is named, not called text in another encoding."""
    (tmp_path / "材料.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
    done = run("check", "--bank", "材料.doc", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: 材料.doc: this is an old Office or WPS file (.doc, .xls, .wps), not a question bank "
        "(expected the bank's YAML text, question_bank.yaml)\n"
    )


def test_an_excel_workbook_given_as_the_key_is_named_as_such(tmp_path: Path) -> None:
    """The branch's .xlsx given as --key said 'if an editor saved it as GBK … save it as UTF-8 again'."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "1"])
    book.save(str(tmp_path / "支部.xlsx"))
    done = run("grade", "支部.xlsx", "--key", "支部.xlsx", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: 支部.xlsx: this is a zip file, such as a Word .docx or an Excel .xlsx, not an answer key "
        "(expected the *.key.yaml written by studykit quiz)\n"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("question_bank.yaml", "\ufeff# 题库\r\nbank:\r\n  id: x\r\n"),
        ("q.key.yaml", "studykit_key: 1\nquiz_id: x-1-abc\n"),
        ("成绩.json", '{\n  "studykit_grade_report": 1,\n  "quiz": {}\n}\n'),
    ],
)
def test_draft_refuses_the_files_studykit_writes(tmp_path: Path, name: str, text: str) -> None:
    """`studykit draft question_bank.yaml` drafted 778 questions from the bank's own YAML (and a key or
    a JSON report likewise): a file studykit wrote is named as such and nothing is written."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert _draft(tmp_path, name) == (
        f"Error: {name}: this is a studykit question bank, answer key or grade report, not an article "
        "(expected .docx or .txt: copy the article's text into a .txt file)\n"
    )


GBK_LONG = "长".encode("gbk")  # b'\xb3\xa4': a GBK file name, as a zip made on Chinese Windows unpacks on Linux


def run_bytes(*args: bytes | str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """``studykit ARGS`` with arguments that may be bytes that are not UTF-8 (as a shell passes them)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    command = [os.fsencode(sys.executable), b"-m", b"studykit", *(os.fsencode(a) for a in args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, env=env, timeout=60)


def _names_that_are_not_utf8(tmp_path: Path) -> None:
    try:
        (tmp_path / os.fsdecode(b"probe" + GBK_LONG)).touch()
        (tmp_path / os.fsdecode(b"probe" + GBK_LONG)).unlink()
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["quiz", "--seed", "7", "-o"], [b".md", b".key.yaml", b".solutions.md", b".answers.txt"]),
        (["anki", "--timestamp", "1", "-o"], [b".apkg"]),
        (["handout", "-o"], [b".md"]),
        (["practice", "--seed", "7", "-o"], [b".html"]),
    ],
)
def test_an_output_name_that_is_not_utf8_is_written(tmp_path: Path, command: list[str], written: list[bytes]) -> None:
    """`-o 长.md` typed in a GBK terminal (or a GBK folder unzipped on Linux) ended in a UnicodeEncodeError
    traceback from the journal of the all-or-nothing writer; the files are written under those bytes."""
    _names_that_are_not_utf8(tmp_path)
    target = GBK_LONG + written[0]
    done = run_bytes(*command, target, "--bank", str(SHIPPED_BANK), cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert sorted(os.listdir(os.fsencode(tmp_path))) == sorted(GBK_LONG + suffix for suffix in written)


def test_a_title_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """`--title` of bytes that are not UTF-8 ended in a traceback when the paper was encoded."""
    done = run_bytes("quiz", "--title", GBK_LONG, "-o", "q.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").splitlines()[-1] == (
        "Error: Invalid value for '--title': '\\udcb3\\udca4' is not UTF-8 text "
        "(type the title again, or set the terminal to UTF-8)"
    )
    assert os.listdir(tmp_path) == []


def test_draft_reads_a_gbk_file_name_and_the_bank_in_a_gbk_folder_checks(tmp_path: Path) -> None:
    """An article named in GBK ended in a traceback writing sources.yaml; its name is now read as GB18030
    (`长.txt`), and `check` of the bank drafted into a GBK-named folder (the bank cache could not
    encode its path: a traceback) passes."""
    _names_that_are_not_utf8(tmp_path)
    seed = Path(__file__).resolve().parents[1] / "material"
    article = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seed.glob("0*.txt")))
    (tmp_path / os.fsdecode(GBK_LONG + b".txt")).write_text(article, encoding="gb18030")
    done = run_bytes("draft", GBK_LONG + b".txt", "-o", GBK_LONG + b"dir", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    sources = (tmp_path / os.fsdecode(GBK_LONG + b"dir") / "material" / "sources.yaml").read_text(encoding="utf-8")
    assert 'original_file: "长.txt"' in sources
    done = run_bytes("check", "--bank", GBK_LONG + b"dir", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b": OK, " in done.stdout


def test_grade_with_its_standard_output_closed_says_the_report_is_lost(tmp_path: Path) -> None:
    """`studykit grade … >&-` (a cron line without a redirection) ended in an AttributeError traceback
    ('NoneType' object has no attribute 'flush'); the report has nowhere to go: one line, exit 1."""
    (tmp_path / "a.txt").write_text("姓名：张三\n1. A\n", encoding="utf-8")
    key = tmp_path / "q.key.yaml"
    assert run("quiz", "--seed", "7", "-o", "q.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path).returncode == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "studykit", "grade", "a.txt", "--key", str(key)],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, timeout=60,
        pass_fds=(), preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr.splitlines()[-1] == "Error: cannot write the report: the standard output is closed (give -o FILE)"
    )


def test_a_200_mb_sources_yaml_is_refused_by_its_size(tmp_path: Path) -> None:
    """The bank's provenance file (material/sources.yaml) of 200 MB was parsed for 4.5 s in 1.3 GB of
    memory and the bank passed; it is refused at the bank's provenance line, as a material file is."""
    (tmp_path / "question_bank.yaml").write_bytes(SHIPPED_BANK.read_bytes())
    (tmp_path / "material").mkdir()
    for source in (SHIPPED_BANK.parent / "material").iterdir():
        (tmp_path / "material" / source.name).write_bytes(source.read_bytes())
    sources = tmp_path / "material" / "sources.yaml"
    size = sources.stat().st_size + (200 << 20)
    sparse(sources, size, sources.read_bytes())
    done = run("check", "--bank", "question_bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"question_bank.yaml:14: bank, field 'provenance': cannot read material/sources.yaml: {size:,} bytes, "
        "more than such a file holds (at most 4,194,304); not read\nError: question_bank.yaml: 1 error(s)\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_quiz_refuses_a_fifo_in_its_key_s_place_without_waiting_on_it(tmp_path: Path) -> None:
    """A FIFO named like the key quiz is about to write (x.key.yaml) hung quiz: it read the old key's
    first bytes for its 'held the key of quiz …' warning before the writer refused the FIFO."""
    os.mkfifo(tmp_path / "x.key.yaml")
    done = run("quiz", "--seed", "1", "-o", "x.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path)
    assert done.returncode == 1
    assert (
        done.stderr
        == "Error: cannot write x.key.yaml: it is not a regular file (a device or a pipe); give a file name\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.key.yaml"]


def test_a_value_of_megabytes_is_quoted_with_its_middle_left_out(tmp_path: Path) -> None:
    """An article pasted into a question's speech field (3,000,000 characters) was quoted whole:
    `check` printed 26 MB. The line keeps its start (file, line, field) and its end (what was
    expected), and says how much is left out."""
    text = SHIPPED_BANK.read_text(encoding="utf-8").replace(
        "    speech: intro\n", "    speech: " + "s" * 3_000_000 + "\n", 1
    )
    (tmp_path / "question_bank.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "material").mkdir()
    for source in (SHIPPED_BANK.parent / "material").iterdir():
        (tmp_path / "material" / source.name).write_bytes(source.read_bytes())
    done = run("check", "--bank", "question_bank.yaml", cwd=tmp_path)
    assert done.returncode == 1
    line, error = done.stderr.splitlines()
    expected_tail = (
        "s' (expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu, zhang-yanguo, jiang-xiaoping, "
        "wei-yueming, ouyang-kang, dai-xiaoming)"
    )
    whole = len("question 'intro-01', field 'speech': unknown speech id '") + 3_000_000 + len(expected_tail) - 1
    assert line.startswith("question_bank.yaml:62: question 'intro-01', field 'speech': unknown speech id 'sss")
    assert f"sss … [{whole - 12_000:,} characters left out] … sss" in line
    assert line.endswith(expected_tail)
    assert len(line) < 12_100
    assert error == "Error: question_bank.yaml: 1 error(s)"


def test_an_excel_file_given_as_the_report_is_named_as_such(tmp_path: Path) -> None:
    """handout --from-report 成绩.xlsx said 'not UTF-8 text (byte 0x87: invalid start byte)'."""
    from openpyxl import Workbook

    Workbook().save(str(tmp_path / "成绩.xlsx"))
    done = run("handout", "--from-report", "成绩.xlsx", "-o", "h.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: 成绩.xlsx: this is a zip file, such as a Word .docx or an Excel .xlsx, not a grade report "
        "(expected the JSON report of studykit grade, -o REPORT.json)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["成绩.xlsx"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_folder_of_answers_names_a_fifo_a_dangling_link_and_a_link_loop(tmp_path: Path) -> None:
    """In a folder given to grade, a FIFO, a link to a sheet that was moved and a loop of links were
    passed over without a word (their members missing from the report, exit 0); each is now named
    and the good sheet beside them graded."""
    assert run("quiz", "--seed", "7", "-o", "q.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path).returncode == 0
    folder = tmp_path / "答卷"
    folder.mkdir()
    (folder / "good.txt").write_text("姓名：张三\n1. A\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "moved.txt").symlink_to("gone.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    done = run("grade", "答卷", "--key", "q.key.yaml", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[:3] == [
        "答卷/loop.txt: cannot read: Too many levels of symbolic links",
        "答卷/moved.txt: file not found",
        "答卷/pipe.txt: not a regular file",
    ]
    assert '"name": "张三"' in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_year_folder_names_a_bank_link_to_a_moved_bank_and_a_fifo(tmp_path: Path) -> None:
    """In a folder of banks, an article whose question_bank.yaml is a link to a moved bank, or a FIFO,
    was passed over without a word (`check` said OK; a year's quiz left the article out); each is now
    named and the command fails."""
    good = tmp_path / "year" / "a"
    good.mkdir(parents=True)
    (good / "question_bank.yaml").write_bytes(SHIPPED_BANK.read_bytes())
    (good / "material").mkdir()
    for source in (SHIPPED_BANK.parent / "material").iterdir():
        (good / "material" / source.name).write_bytes(source.read_bytes())
    (tmp_path / "year" / "b").mkdir()
    (tmp_path / "year" / "b" / "question_bank.yaml").symlink_to("../moved/question_bank.yaml")
    (tmp_path / "year" / "c").mkdir()
    os.mkfifo(tmp_path / "year" / "c" / "question_bank.yaml")
    done = run("check", "--bank", "year", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "no question bank at year/b/question_bank.yaml (give one with --bank PATH)\n"
        "cannot read year/c/question_bank.yaml: not a regular file (a pipe or a device); give the bank's YAML file\n"
        "Error: 2 of 3 banks have errors (see above)\n"
    )


def test_a_crafted_journal_in_a_folder_of_answers_moves_and_deletes_nothing(tmp_path: Path) -> None:
    """A studykit journal (`.studykit.PID-XXXXXXXX.journal`) shipped in a zip of answer sheets was
    'rolled back' by the next write into that folder: `grade 答卷 -o 答卷/成绩.html` deleted a file
    elsewhere that the journal named as a new target and moved another file elsewhere into the
    folder. A move is rolled back only if its temporary file and backup carry studykit's names
    beside its target, in a folder holding the journal."""
    assert run("quiz", "--seed", "7", "-o", "q.md", "--bank", str(SHIPPED_BANK), cwd=tmp_path).returncode == 0
    home = tmp_path / "home"
    home.mkdir()
    (home / "victim.txt").write_text("precious", encoding="utf-8")
    (home / "secret.txt").write_text("secret", encoding="utf-8")
    folder = tmp_path / "答卷"
    folder.mkdir()
    (folder / "good.txt").write_text("姓名：张三\n1. A\n", encoding="utf-8")
    moves = [
        [str(home / "victim.txt"), None, str(tmp_path / "nothing.tmp")],
        [str(folder / "stolen.txt"), str(home / "secret.txt"), str(tmp_path / "nothing2.tmp")],
    ]
    journal = folder / ".studykit.999999999-deadbeef.journal"
    journal.write_text(json.dumps({"studykit_journal": 1, "moves": moves}), encoding="utf-8")
    done = run("grade", "答卷", "--key", "q.key.yaml", "-o", "答卷/成绩.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (home / "victim.txt").read_text(encoding="utf-8") == "precious"
    assert (home / "secret.txt").read_text(encoding="utf-8") == "secret"
    assert sorted(p.name for p in folder.iterdir()) == [journal.name, "good.txt", "成绩.html"]
