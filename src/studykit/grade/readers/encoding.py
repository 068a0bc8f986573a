"""Text encodings of answer files: detection among the encodings Chinese Office, WPS and survey
tools write, the ``--encoding`` check and strict decoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ...errors import AnswerFileError
from ...i18n import _, decode_reason, os_reason
from ._common import Fail

_GB = {"gb2312", "gbk", "gb18030", "hz", "hz_gb_2312", "cp936"}


_SAMPLE = 1 << 20


# -- encodings -----------------------------------------------------------------
#: What Chinese Office/WPS, Notepad and survey tools write; detection never guesses outside these
#: (left free, charset-normalizer took short GBK files with full-width letters for Thai or Cyrillic).
CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))  # fmt: skip


def detect_encoding(path: str | Path) -> str:
    """The text encoding of ``path``, in this order:

    1. ``"utf-8-sig"``, ``"utf-32"`` or ``"utf-16"`` when the file starts with its byte-order
       mark (Excel's "CSV UTF-8" and survey downloads start with the UTF-8 one, Excel's "Unicode
       text" is UTF-16 LE with BOM): the mark declares the encoding, so the file is not decoded
       a first time to check it — a byte that is not UTF-8 after a UTF-8 mark is a read error when
       the file is read (the rows read before the decoder met it are graded; it reads about 8 KB
       ahead);
    2. ``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a mark, when that is certain
       (:func:`_utf16_without_bom`: the NUL bytes of an ASCII-heavy text all on one side);
    3. ``"utf-8-sig"`` for valid UTF-8 without a mark;
    4. else charset-normalizer's guess among :data:`CANDIDATE_ENCODINGS` only,
       ``"gb18030"`` whenever it is among the candidates (it decodes GBK and GB2312), or
       when the whole file decodes strictly as GB18030 and the guess (if any) reads no more
       of a sheet's labels than GB18030 does (a strict decode of every byte is evidence:
       charset-normalizer finds nothing in some GBK tables of ``┋``-joined option texts) —
       unless Big5 is too and only the Big5 decoding holds more of a sheet's labels
       (姓名, 測驗, 版本, 題: a Traditional sheet decodes as GB18030 into other characters).
       Its mess threshold is lifted to 1.0: full-width letters, √/× and ┋ read as
       "mess", yet a clean GB18030 decoding is what we want.

    Reads the file in 1 MiB chunks; raises :class:`~studykit.errors.AnswerFileError`
    when no candidate fits or on an OS error."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    position = 0
    bad = -1
    try:
        with open(path, "rb") as f:
            head = f.read(4)
            f.seek(0)
            for bom, name in _BOMS:
                if head.startswith(bom):
                    return name
            first = f.read(_SAMPLE)
            f.seek(0)
            unmarked = _utf16_without_bom(path, first) if b"\0" in first else None
            if unmarked:
                return unmarked
            while chunk := f.read(_SAMPLE):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad = position + exc.start
                    break
                position += len(chunk)
            else:
                try:
                    decoder.decode(b"", final=True)
                    return "utf-8-sig"
                except UnicodeDecodeError:
                    bad = max(0, position - 4)
            start = max(0, bad - 65536)
            f.seek(start)
            sample = f.read(_SAMPLE)
    except OSError as exc:
        raise AnswerFileError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None
    if start:  # begin at a line start, not inside a multi-byte character
        newline = sample.find(b"\n")
        sample = sample[newline + 1 :] if newline >= 0 else sample
    from charset_normalizer import from_bytes

    matches = from_bytes(sample, cp_isolation=CANDIDATE_ENCODINGS, threshold=1.0)
    names = [m.encoding for m in matches]
    best = matches.best()
    if not any(n in _GB for n in names) and _decodes_strictly(path, "gb18030"):
        # the detector missed it (charset-normalizer finds nothing in some GBK tables of ┋-joined
        # option texts), but the whole file is valid GB18030: believe that unless the detector's own
        # guess decodes it too and reads more of a sheet's labels
        other = best.encoding if best is not None and best.encoding not in ("ascii", "utf_8") else ""
        if not other or _labels(sample, other) <= _labels(sample, "gb18030"):
            names.append("gb18030")
            if "big5" not in names and _decodes_strictly(path, "big5"):
                names.append("big5")  # then its labels decide, as below
    if any(n in _GB for n in names):
        if "big5" in names and _labels(sample, "big5") > _labels(sample, "gb18030"):
            return "big5"  # a Big5 sheet decodes as GB18030 too, but its 姓名/測驗/版本 only as Big5
        return "gb18030"
    if best is None or best.encoding in ("ascii", "utf_8"):
        if split_encoding(path) is not None:
            # a UTF-8 download with rows typed or pasted in GBK after: as after a UTF-8 mark, the rows
            # before the first GBK one are graded and the file is named (with mixed_encoding's message)
            return "utf-8-sig"
        if _picture(path):  # a photo or screenshot of the sheet renamed .txt: no encoding to give
            raise AnswerFileError(
                _(
                    "{path}: this is a picture, not text; an answer sheet is typed as text (.txt), filled in Word "
                    "(.docx) or a table (.csv, .xlsx) — type the answers from the photo into a .txt"
                ).format(path=path)
            )
        raise AnswerFileError(
            _(
                "{path}: cannot tell the text encoding (not UTF-8, GB18030, Big5, UTF-16 or UTF-32; give --encoding, e.g. --encoding gb18030)"
            ).format(path=path)
        )
    return str(best.encoding)


#: The least share of a UTF-16 text's code units whose one byte is NUL (ASCII: digits, letters, 1. B, line
#: breaks) for :func:`_utf16_without_bom` to take it for UTF-16 without a byte-order mark.
_UTF16_ASCII_SHARE = 0.25
#: A control character no text answer file holds (tab, LF and CR are whitespace).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")


def _utf16_without_bom(path: str | Path, sample: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the file at ``path`` (``sample``: its first bytes) is
    certainly UTF-16 text without a byte-order mark (Notepad's "UTF-16 LE", some tools' exports), else
    ``None``.  Certain means: the file's length is even; its NUL bytes all stand at odd offsets (LE: the
    high byte of an ASCII character) or all at even ones (BE), on at least a quarter of the sample's
    characters (an ASCII-heavy text: question numbers, letters, line breaks); and the whole file decodes
    strictly in that byte order into text with no control character but tab, CR and LF.  No UTF-8, GB18030
    or Big5 text holds a NUL; a binary file holds them at both offsets or fails the decoding.  A UTF-16
    text of Chinese characters mostly is not recognised (give ``--encoding utf-16-le``)."""
    sample = sample[: len(sample) // 2 * 2]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    units = len(sample) // 2
    if not units or (odd and even) or max(odd, even) < _UTF16_ASCII_SHARE * units:
        return None
    encoding = "utf-16-le" if odd else "utf-16-be"
    try:
        data = Path(path).read_bytes()
        if len(data) % 2:
            return None
        text = data.decode(encoding)
    except (OSError, UnicodeDecodeError):
        return None
    return None if _CONTROL.search(text) else encoding


#: The encodings the lines after a file's UTF-8 ones may be in (:func:`split_encoding`).
_AFTER_UTF8 = ("gb18030", "big5")


def split_encoding(path: str | Path) -> tuple[int, int, str] | None:
    """``(n, lines, encoding)`` when the file at ``path`` is UTF-8 text (holding non-ASCII text) up to its
    line ``n`` and every line after it that is not ASCII decodes as ``encoding`` (GB18030 or Big5) and not
    as UTF-8 — a UTF-8 download whose later rows were typed or pasted in another program — of its
    ``lines`` lines; else ``None`` (also when some line after ``n`` is UTF-8 again: which encoding each
    line is in would be a guess).  No single encoding reads such a file whole: read as GB18030, its first
    lines turn into other characters.  Reads the whole file (on the error path only)."""
    try:
        data = Path(path).read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError:
        return None
    lines = data.split(b"\n")
    if lines and not lines[-1].strip():
        lines.pop()
    first = next((i for i, line in enumerate(lines) if not _decodes(line, "utf-8")), None)
    if not first or not any(b >= 0x80 for line in lines[:first] for b in line):
        return None  # no UTF-8 line before, or nothing in them proves UTF-8 (ASCII is both)
    rest = [line for line in lines[first:] if not line.isascii()]
    if any(_decodes(line, "utf-8") for line in rest):
        return None
    for encoding in _AFTER_UTF8:
        if all(_decodes(line, encoding) for line in rest):
            return first, len(lines), encoding
    return None


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def mixed_encoding(path: str | Path) -> str:
    """Why the file at ``path`` is not readable in one encoding, for a message, when
    :func:`split_encoding` finds its lines in two (``""`` otherwise): which lines decode in which."""
    split = split_encoding(path)
    if split is None:
        return ""
    utf8, _lines, other = split
    return _(
        "up to line {utf8} the file is UTF-8 and from line {first} on {other}: it mixes two encodings (lines "
        "typed or pasted in another program?), so no --encoding reads it whole; a program opening it shows one "
        "part garbled (乱码): retype that part, save, and grade the file again"
    ).format(utf8=utf8, first=utf8 + 1, other=other.upper())


def _decodes_strictly(path: str | Path, encoding: str) -> bool:
    """Whether the whole file at ``path`` decodes as ``encoding`` without an error and holds no NUL
    (which GB18030 would take for text, but is UTF-16 or a binary file), read in 1 MiB chunks."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_SAMPLE):
                if b"\0" in chunk:
                    return False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


#: Words an answer sheet or table carries (a sheet's labels, a table's header), in both scripts.
_LABELS = ("姓名", "测验", "測驗", "版本", "题", "題")


def _labels(sample: bytes, encoding: str) -> int:
    """How often :data:`_LABELS` occur in ``sample`` decoded as ``encoding``."""
    text = sample.decode(encoding, "ignore")
    return sum(text.count(word) for word in _LABELS)


def read_text(path: Path, encoding: str | None) -> str:
    enc = encoding or detect_encoding(path)
    try:
        return path.read_bytes().decode(enc)
    except UnicodeDecodeError as exc:
        mixed = mixed_encoding(path)
        raise Fail(
            0,
            _("not readable as {enc} (byte {start}); {why}").format(enc=enc, start=exc.start, why=mixed)
            if mixed
            else _("not readable as {enc} (byte {start}); give the right --encoding").format(enc=enc, start=exc.start),
        ) from None
    except UnicodeError as exc:  # e.g. "UTF-16 stream does not start with BOM"
        raise Fail(
            0,
            _("not readable as {enc} ({exc}); give the right --encoding").format(enc=enc, exc=decode_reason(str(exc))),
        ) from None


#: The first bytes of the pictures a phone sends (JPEG, PNG, GIF, WebP, HEIC/HEIF), by their formats' signatures.
_PICTURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")


def _picture(path: str | Path) -> bool:
    """Whether the file at ``path`` starts as a picture does (:data:`_PICTURES`, or WebP's ``RIFF….WEBP`` and
    HEIC's ``….ftypheic`` boxes); ``False`` when it cannot be read."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    webp = head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    heic = head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif")
    return head.startswith(_PICTURES) or webp or heic
