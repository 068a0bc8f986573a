"""Reading an article as a secretary receives it: ``.txt`` in any encoding and line ending, or ``.docx``.

Source of the rules: charset-normalizer's ``from_bytes`` (its guess is checked by a strict
decode, so a wrong guess is an error, never mojibake); python-docx's ``Document.paragraphs``, each
paragraph's text read as grade reads an answer sheet's (:func:`studykit._docx.element_text`: text
typed with Track Changes on is there, deleted text is not).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import _cache
from .._docx import element_text
from ..bank import control_problem
from ..errors import DraftError
from ..i18n import _, os_reason

#: Encodings tried after UTF-8, in this order, when charset-normalizer has no confident guess.
FALLBACK_ENCODINGS = ("gb18030",)
#: Longest article drafted, in characters: a newspaper page is under 20,000, a congress report
#: about 32,000; a longer file is a collection (and would give thousands of drafts, slowly).
MAX_ARTICLE_CHARS = 100_000
#: Largest .docx read, in bytes: an article with its photos; its unpacked parts are checked apart.
MAX_DOCX_BYTES = 64 << 20
#: The first keys of the files studykit writes: a bank (``bank:``), a key, a JSON grade report.
_STUDYKIT_FILE_RE = re.compile(
    rb'(?m)^(?:\xef\xbb\xbf)?(?:bank:[ \t]*\r?$|studykit_key:[ \t]*\d)|^\{\s*"studykit_grade_report"'
)
#: Bytes looked at for a NUL, which no UTF-8 or GBK text holds: a file with one there is binary (git's
#: rule, ``buffer_is_binary``: a NUL in the first 8,000 bytes), unless a UTF-16/32 byte order mark opens it.
BINARY_SNIFF = 8000
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML_RE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|meta)\b", re.IGNORECASE)
#: The line under the title of a paper and its solutions that ``studykit quiz`` writes (Markdown or Word:
#: :meth:`studykit.quiz.model.Paper` ``测验编号：ID　版本：A　满分：34分``), and the opening of its answer sheet.
_QUIZ_LINE_RE = re.compile(r"(?m)^测验编号：(?P<id>\S+?)(?:\u3000版本：\S+)?\u3000满分：\S+分[ \t]*$")
_ANSWER_SHEET_HEAD = "# studykit 答题卡"


@dataclass(frozen=True)
class Article:
    """An article's text as received: ``name`` (the file name), ``sha256`` (hex, of the file's bytes),
    ``text`` (line endings turned into ``\\n``; every other character as received) and
    ``encoding`` (``"utf-8"``, ``"gb18030"``, …, or ``"docx"``)."""

    name: str
    sha256: str
    text: str
    encoding: str


def read_article(path: str | Path) -> Article:
    """Read the article at ``path``: a ``.docx`` (its paragraphs, one per line, blank lines between)
    or any other file as text (UTF-8 with or without BOM, else the encoding charset-normalizer finds,
    checked by a strict decode).  ``\\r\\n`` and ``\\r`` become ``\\n``.

    Raises :class:`~studykit.errors.DraftError` if the file cannot be read, is not text in a known
    encoding, holds a control character no document can hold (naming the line), or holds no text."""
    path = Path(path)
    docx = path.suffix.lower() == ".docx"
    try:  # a FIFO must not hang draft, nor /dev/zero or a 1 GB file fill the memory
        got = _cache.read_regular(path, limit=MAX_DOCX_BYTES if docx else 4 * MAX_ARTICLE_CHARS)
        if got is None and path.is_dir():
            raise IsADirectoryError(path)
        if got is None:
            raise DraftError(_("{path}: not a regular file (a pipe or a device; expected the article, a .txt or .docx)"
                               ).format(path=path))  # fmt: skip
        raw = got
    except _cache.TooLarge as exc:
        with open(path, "rb") as head:  # a .doc or PDF is named as such, whatever its size
            _refuse_other_formats(path, head.read(1024))
        raise DraftError(_too_many_bytes(path, exc.size)) from None
    except FileNotFoundError:
        raise DraftError(_("{path}: no such file (expected the article, a .txt or .docx)").format(path=path)) from None
    except IsADirectoryError:
        raise DraftError(_("{path} is a folder (expected the article, a .txt or .docx)").format(path=path)) from None
    except OSError as exc:
        raise DraftError(_("cannot read {path}: {reason}").format(path=path, reason=os_reason(exc))) from None
    if docx:
        text, encoding = _docx_text(path, raw), "docx"
    else:
        _refuse_other_formats(path, raw)
        text, encoding = _decode(path, raw)
    if len(text) > MAX_ARTICLE_CHARS:
        raise DraftError(_too_long(path, len(text)))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        problem = control_problem(line)
        if problem:
            raise DraftError(_("{path}:{line}: {problem}").format(path=path, line=number, problem=problem))
    if not text.strip():
        raise DraftError(_("{path}: the article is empty (expected its text)").format(path=path))
    _refuse_quiz_files(path, text)
    return Article(_file_name(path), hashlib.sha256(raw).hexdigest(), text, encoding)


def _file_name(path: Path) -> str:
    """``path``'s name as text: a name whose bytes are not UTF-8 (a GBK name, from a zip made on Chinese
    Windows and unpacked on Linux) is read as GB18030, else with U+FFFD for what cannot be read."""
    if not any("\ud800" <= c <= "\udfff" for c in path.name):
        return path.name
    raw = os.fsencode(path.name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _too_long(path: Path, size: int) -> str:
    return _(
        "{path}: {size:,} characters is more than one article (expected at most {limit:,}: "
        "draft each article of the file on its own)"
    ).format(path=path, size=size, limit=MAX_ARTICLE_CHARS)


def _refuse_other_formats(path: Path, raw: bytes) -> None:
    """Refuse a .doc, PDF, RTF or web page (known by its bytes, whatever its name), and a file too
    big to be one article even at one byte a character, before any decoding."""
    save_docx = _("expected .docx or .txt: open it in Word or WPS and save it as .docx")
    copy_text = _("expected .docx or .txt: copy the article's text into a .txt file")
    what = None
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        what = _("an old Word .doc or WPS file ({expected})").format(expected=save_docx)
    elif raw.startswith(b"{\\rtf"):
        what = _("an RTF file ({expected})").format(expected=save_docx)
    elif raw.startswith(b"%PDF-"):
        what = _("a PDF ({expected})").format(expected=copy_text)
    elif _HTML_RE.match(raw[:1024]):
        what = _("a web page, HTML ({expected})").format(expected=copy_text)
    elif _STUDYKIT_FILE_RE.search(raw[:4096]):  # `draft question_bank.yaml` drafted 778 questions from the YAML
        what = _("a studykit question bank, answer key or grade report, not an article ({expected})").format(
            expected=copy_text
        )
    if what is not None:
        raise DraftError(_("{path}: this is {what}").format(path=path, what=what))
    if raw.startswith(b"PK\x03\x04"):
        raise DraftError(
            _("{path}: this is a zip file such as a Word document (expected a .txt, or name it .docx)").format(
                path=path
            )
        )
    if b"\x00" in raw[:BINARY_SNIFF] and not raw.startswith(_WIDE_BOMS):
        raise DraftError(
            _("{path}: this is not text (binary data such as a picture or a program; expected .docx or .txt)").format(
                path=path
            )
        )
    if len(raw) > 4 * MAX_ARTICLE_CHARS:
        raise DraftError(_too_many_bytes(path, len(raw)))


def _refuse_quiz_files(path: Path, text: str) -> None:
    """Refuse a paper, its solutions, its answer sheet or answer card as ``studykit quiz`` wrote them
    (``draft q.md`` drafted questions from the paper's own stems and options), named with its 测验编号."""
    quiz = _QUIZ_LINE_RE.search(text[:4096])
    head = text.lstrip("\ufeff").strip().split("\n", 1)[0].strip()  # the title line, or the card's 答题卡
    if head.startswith(_ANSWER_SHEET_HEAD) or (quiz is not None and head == "答题卡"):
        what = _("a studykit answer sheet")
    elif quiz is None:
        return
    elif head.endswith("参考答案"):
        what = _("the solutions of a studykit quiz (测验编号 {quiz_id})").format(quiz_id=quiz["id"])
    else:
        what = _("a studykit quiz paper (测验编号 {quiz_id})").format(quiz_id=quiz["id"])
    raise DraftError(
        _("{path}: this is {what}, not an article (expected the article the quiz was made from, .docx or .txt)").format(
            path=path, what=what
        )
    )


def _too_many_bytes(path: Path, size: int) -> str:
    return _(
        "{path}: {size:,} bytes is more than one article (expected at most {limit:,} characters: "
        "draft each article of the file on its own)"
    ).format(path=path, size=size, limit=MAX_ARTICLE_CHARS)


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    """``raw`` decoded strictly: UTF-8 first, then charset-normalizer's best guess, then GB18030."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    tried = ([str(best.encoding)] if best is not None else []) + list(FALLBACK_ENCODINGS)
    for encoding in tried:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if any("\u4e00" <= c <= "\u9fff" for c in text):
            return text, encoding
    raise DraftError(
        _("{path}: cannot tell the text encoding (expected UTF-8 or GBK/GB18030 text; save it as UTF-8)").format(
            path=path
        )
    )


def _docx_text(path: Path, raw: bytes) -> str:
    """The document's paragraphs and tables in body order (a table's rows as lines, cells a tab apart),
    empty ones dropped, one blank line between;
    a document whose whole text is inside tables (an article laid out in a frame) gives its
    cells' paragraphs instead, in document order, a merged cell once."""
    import io
    import zipfile

    from docx import Document

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # its directory, before anything is unpacked
            _refuse_bomb(path, archive.infolist())
        document = Document(io.BytesIO(raw))
        paragraphs = document.paragraphs
    except DraftError:
        raise
    except Exception:  # python-docx, zipfile or lxml on a broken part: the file is named, nothing else escapes
        raise DraftError(
            _("{path}: not a Word .docx document (expected one saved by Word or WPS)").format(path=path)
        ) from None
    from docx.table import Table

    if not any(element_text(p._p).strip() for p in paragraphs):
        texts = [text for table in document.tables for text in _cell_texts(table, set()) if text.strip()]
        return "\n\n".join(texts)
    texts = []
    for item in document.iter_inner_content():  # body order: a table stands where the article prints it
        if isinstance(item, Table):
            texts.extend(_row_lines(item))
        elif (text := element_text(item._p)).strip():
            texts.append(text)
    return "\n\n".join(texts)


#: What a .docx article may unpack to: all its parts (photos too), its XML parts (lxml parses them:
#: a long article's document.xml is a few MB), and how much tighter than 100 to 1 a part over 1 MiB
#: may be packed (a real document.xml packs about 10 to 1; a zip bomb, 1,000 to 1).
MAX_DOCX_UNPACKED, MAX_DOCX_XML, MAX_DOCX_RATIO = 256 << 20, 64 << 20, 100


def _refuse_bomb(path: Path, infos: list[Any]) -> None:
    """Raise :class:`DraftError` when the archive's directory (``zipfile.ZipInfo`` items) is a zip bomb."""
    if not infos:
        return
    unpacked = sum(info.file_size for info in infos)
    xml = [info for info in infos if info.filename.lower().endswith((".xml", ".rels"))]
    tight = [i for i in infos if i.file_size > 1 << 20 and i.file_size > MAX_DOCX_RATIO * max(i.compress_size, 1)]
    if tight:
        culprit = tight[0]
    elif sum(info.file_size for info in xml) > MAX_DOCX_XML:
        culprit = max(xml, key=lambda info: info.file_size)
    elif unpacked > MAX_DOCX_UNPACKED:
        culprit = max(infos, key=lambda info: info.file_size)
    else:
        return
    raise DraftError(
        _("{path}: the document unpacks to {size:,} bytes ({name}: {part:,} bytes packed into {packed:,}) — "
          "a zip bomb? not read (expected a .docx saved by Word or WPS)").format(
            path=path, size=unpacked, name=culprit.filename, part=culprit.file_size, packed=culprit.compress_size)
    )  # fmt: skip


def _row_lines(table: Any) -> Iterator[str]:
    """A table inside the article's text as a ``.txt`` copy of it holds it: a line per row, its cells a
    tab apart (a merged cell once, a cell's paragraphs joined), empty rows left out."""
    for row in table.rows:
        seen: list[Any] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append("".join(element_text(p._p) for p in cell.paragraphs).strip())
        if any(cells):
            yield "\t".join(cells)


def _cell_texts(table: Any, seen: set[Any]) -> Iterator[str]:
    """The paragraphs of ``table``'s cells, row by row, nested tables in place (python-docx's
    ``iter_inner_content``); a merged cell, which every row and column it spans repeats, once."""
    from docx.table import Table

    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # the element itself, kept alive by the set: lxml keeps its proxy
                continue
            seen.add(cell._tc)
            for item in cell.iter_inner_content():
                yield from _cell_texts(item, seen) if isinstance(item, Table) else (element_text(item._p),)
