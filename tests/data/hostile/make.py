"""Hostile and broken workbooks and sheets for ``test_hostile.py``, built by hand (``zipfile``).

Run ``python tests/data/hostile/make.py`` to rewrite the small files kept in this folder; the
large ones (zip bombs) are only built by the test, in a temporary folder (:data:`GENERATED`).
Each case ``NAME.SUFFIX`` has ``NAME.txt`` beside it: the exact one-line message ``grade``
gives for it (``{file}`` stands for the path as given).  Every table answers the key of
``tests/grade/gradekit.py``'s ``make_key`` (8 items, version A)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
#: A member who answers every item right (as make_key's answers), and one who answers nothing right.
GOOD = ["甲", "A", "B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11"]
HEADER = ["姓名", "版本", "1", "2", "3", "4", "5", "6", "7", "8"]


def _column(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row(number: int, cells: list[str]) -> str:
    """One ``<row>`` of inline-string cells."""
    inner = "".join(
        f'<c r="{_column(i)}{number}" t="inlineStr"><is><t>{text}</t></is></c>'
        for i, text in enumerate(cells, 1)
        if text
    )
    return f'<row r="{number}">{inner}</row>'


def members(count: int) -> str:
    """The header and ``count`` member rows, each right on every item."""
    rows = [row(1, HEADER)]
    rows += [row(i + 2, [f"党员{i + 1}", *GOOD[1:]]) for i in range(count)]
    return "".join(rows)


def sheet(data: str, *, dimension: str = "", prolog: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"{HEAD}{prolog}{SHEET_OPEN}{dim}<sheetData>{data}</sheetData></worksheet>"


def workbook(sheet_xml: str | bytes, **extra: str | bytes) -> bytes:
    """An .xlsx of one worksheet holding ``sheet_xml`` (plus ``extra`` members, name → bytes)."""
    return _zip_of(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": RELS,
            "xl/workbook.xml": WORKBOOK,
            "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
            "xl/worksheets/sheet1.xml": sheet_xml,
            **extra,
        }
    )


def _bomb_rows() -> bytes:
    """About 100 MB of empty ``<row/>`` (the 103 KB file of the report, which took 37 s)."""
    return sheet(members(1) + "<row/>" * 17_000_000).encode()


def _big_cell() -> bytes:
    """One cell of 40 MB (the 300 MB cell of the report, scaled down)."""
    return sheet(members(1) + row(3, ["乙", "A", "A" * 40_000_000])).encode()


def _random_cell() -> bytes:
    """One cell of 150,000 varied characters: it packs small, yet no cell holds that much."""
    text = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(150_000))
    return sheet(members(1) + row(3, ["乙", "A", text])).encode()


def _gigabyte() -> bytes:
    """A good sheet beside 30 images of 10 MB each (blank): 300 MB unpacked, over the total limit."""
    blank = b" " * 10_000_000
    return workbook(sheet(members(1)), **{f"xl/media/image{i}.png": blank for i in range(30)})


def _entity_sheet(declaration: str, use: str) -> str:
    prolog = f"<!DOCTYPE worksheet [{declaration}]>"
    return sheet(members(1) + row(3, ["乙", "A", use]), prolog=prolog)


LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
)

#: name → bytes of the file, for the files kept in this folder.
KEPT: dict[str, Callable[[], bytes]] = {
    "xfd_cell.xlsx": lambda: workbook(sheet(members(2) + row(1048576, [""] * 16383 + ["x"]))),
    "far_row.xlsx": lambda: workbook(sheet(members(2) + '<row r="5000000"><c r="A5000000"><v>1</v></c></row>')),
    "stale_dimension.xlsx": lambda: workbook(sheet(members(5), dimension="A1:J3")),
    "wide_row.xlsx": lambda: workbook(sheet(members(1) + row(3, ["乙", *[""] * 5000, "x"]))),
    "xxe.xlsx": lambda: workbook(_entity_sheet('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;")),
    "billion_laughs.xlsx": lambda: workbook(_entity_sheet(LAUGHS, "&lol9;")),
    "truncated.xlsx": lambda: workbook(sheet(members(3)))[:600],
    "mismatched_tag.xlsx": lambda: workbook(sheet(members(2)).replace("</row>", "</rwo>", 2)),
    "bad_dimension.xlsx": lambda: workbook(sheet(members(2), dimension="A1:J3").replace("ref=", "rfe=")),
    "bad_number.xlsx": lambda: workbook(
        sheet(members(2)).replace('<c r="A3" t="inlineStr"><is><t>党员2</t></is></c>', '<c r="A3"><v>1e9x</v></c>')
    ),
    "long_cell.xlsx": lambda: workbook(sheet(members(1) + row(3, ["乙", "A", "A" * 40_000]))),
    "utf16.xlsx": lambda: workbook(sheet(members(1)).replace('"UTF-8"', '"UTF-16"').encode("utf-16")),
    "not_a_zip.xlsx": lambda: "姓名,1,2\n甲,A,B\n".encode(),
    "no_workbook.xlsx": lambda: _zip_of({"a.txt": b"hello"}),
}
KEPT.update(
    {
        # an option's text 600 times, joined by 、, then X: once cubic to read (17 KB took 42-75 s)
        "joined_options.csv": lambda: (
            "姓名,版本,1,2,3,4,5,6,7,8\n乙,A,B,C," + "网格长、" * 600 + "X,ABC,对,错,现场会议+云端会议,1+1+11\n"
        ).encode(),
        # a line of 3,000 full-width letters: once quadratic to read (120 KB took 43 s)
        "fullwidth.answers.txt": lambda: (
            "姓名：丙\n测验：mini-test-7-abc\n版本：A\n1．" + "Ａ" * 3000 + "\n2．Ｃ\n"
        ).encode(),
        # numbers of 5,000 digits (Python refuses to convert over 4,300: once a ValueError)
        "digits_line.answers.txt": lambda: (
            "姓名：丁\n测验：mini-test-7-abc\n版本：A\n1. B\n" + "9" * 5000 + ". A\n"
        ).encode(),
        "digits_header.csv": lambda: (
            "姓名,版本,1,2,3,4,5,6,7,8," + "9" * 5000 + "\n戊,A,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11,A\n"
        ).encode(),
    }
)
#: name → bytes, built only by the test (too large to keep, even compressed).
GENERATED: dict[str, Callable[[], bytes]] = {
    "empty_rows.xlsx": lambda: workbook(_bomb_rows()),
    "big_sheet.yaml": lambda: "姓名: 己\nanswers:\n  1: B\n".encode() + b"#" * (1 << 20) + b"\n",
    "many_rows.xlsx": lambda: workbook(
        sheet(members(2) + "".join(f'<row r="{i}" ht="15"/>' for i in range(4, 250_004)) + row(250_004, ["x"]))
    ),
    "huge_cell.xlsx": lambda: workbook(_big_cell()),
    "random_cell.xlsx": lambda: workbook(_random_cell()),
    "gigabyte.xlsx": _gigabyte,
}


def _zip_of(members: dict[str, str | bytes]) -> bytes:
    """A zip of ``members`` (name → content), dated 2024-01-01 so that it is the same each time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED, 9)
    return out.getvalue()


def build(folder: Path, cases: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Write ``cases`` into ``folder``; their paths."""
    paths = []
    for name, make in cases.items():
        path = folder / name
        path.write_bytes(make())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for path in build(HERE, KEPT):
        print(f"{path.name}: {path.stat().st_size} bytes", file=sys.stderr)
