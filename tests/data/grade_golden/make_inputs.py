"""Writes the input tables of tests/grade/test_grade_golden.py (run once; the tables are committed).

Usage: ``python tests/data/grade_golden/make_inputs.py`` from the repository root.  The
tables come from the benchmarks' generators (seeded) plus hand-made rows of every odd kind
grading meets: names that look like formulas, duplicate and missing names, a second header
row, short and over-long rows, unreadable and doubtful answers, 其他〖…〗, ┋ joins,
Traditional script, and more than 256 distinct blanks in one column.
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "benchmarks"))

from generate import make_messy_table, make_table  # noqa: E402
from studykit.key import load_key  # noqa: E402


def _rows(write: object, *args: object, **kw: object) -> list[list[str]]:
    tmp = HERE / "_tmp.csv"
    write(tmp, *args, **kw)  # type: ignore[operator]
    rows = list(csv.reader(tmp.open(encoding="utf-8-sig", newline="")))
    tmp.unlink()
    return rows


def _save(name: str, rows: list[list[str]]) -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    with gzip.GzipFile(HERE / name, "wb", mtime=0) as f:
        f.write(("\ufeff" + buf.getvalue()).encode("utf-8"))


def main() -> None:
    a = load_key(HERE / "golden-A.key.yaml")
    b = load_key(HERE / "golden-B.key.yaml")
    _save("synthetic.csv.gz", _rows(make_table, a, 2000, seed=3))
    _save("messy.csv.gz", _rows(make_messy_table, a, 2000, seed=4))
    rng = random.Random(5)
    edge = _rows(make_messy_table, a, 300, seed=6)
    width = len(edge[0])
    odd = [
        ["=HYPERLINK(1)", "A"], ["+1", "B"], ["-张", "C"], ["@x", "D"], ["\t制表", "A"],
        ["党员000001", "D"], ["党员000001", "D"], ['逗号,"引号"', "A", "AB"],
        ["", "D", "A"], ["", "", ""], [""] * width, [],
        ["张短行", "D"], ["李多列", *(["A"] * (width - 1)), "多出来"],
        ["王无法", *(["?"] * (width - 1))], ["赵半", *(["Z9"] * ((width - 1) // 2 + 1))],
        ["钱空"], ["孙其他", "其他〖不知道〗", "A┋B┋C", "A┋其他〖x〗"],
        ["周繁", "Ｄ", "ＡＢ", "對", "錯", "華中師範大學"], ["吴全", *(["ABCD"] * (width - 1))],
        ["郑疑", "A 华中师范大学", "B.湖北大学"],
    ]  # fmt: skip
    edge += [row + [""] * max(0, width - len(row)) if row and row[0] != "李多列" else row for row in odd]
    fill = [k for k, it in enumerate(a.items, 1) if it.type == "fill_blank"]
    for m in range(300):  # more than 256 distinct blanks in one column
        row = [f"填空{m:04d}"] + [""] * (width - 1)
        row[fill[0]] = f"第{m}种答法{rng.randrange(10**6)}"
        edge.append(row)
    rng.shuffle(edge[1:])  # keep the header first
    header, rest = edge[0], edge[1:]
    rng.shuffle(rest)
    _save("edge.csv.gz", [header, *rest])
    va = _rows(make_messy_table, a, 200, seed=7)
    vb = _rows(make_messy_table, b, 200, seed=8)
    rows = [["版本", *va[0]]]
    for i in range(200):
        rows.append(["A", *va[i + 1]])
        rows.append(["b" if i % 7 == 0 else "B", *vb[i + 1][:1], *vb[i + 1][1:]])
    rows[5][1] = "党员000002"
    _save("versions.csv.gz", rows)
    syn = _rows(make_table, a, 400, seed=9)
    numbered = [syn[0]]
    for i, row in enumerate(syn[1:]):
        cells = [row[0]]
        for it, cell in zip(a.items, row[1:], strict=True):
            if it.type in ("single", "multiple"):
                cell = "┋".join(str("ABCDEF".index(c) + 1) for c in cell) if cell else cell
            elif it.type == "true_false":
                cell = {"对": "1", "错": "2"}.get(cell, cell)
            cells.append("-3" if (i * 7 + len(cells)) % 23 == 0 else "-2" if (i + len(cells)) % 41 == 0 else cell)
        numbered.append(cells)
    _save("numbered.csv.gz", numbered)
    multi = next(k for k, it in enumerate(a.items) if it.type == "multiple")
    item = a.items[multi]
    ticks = [[*syn[0][: multi + 1], *(f"{item.number}({o})" for o in item.options), *syn[0][multi + 2 :]]]
    for row in syn[1:]:
        chosen = row[multi + 1]
        marks = ["1" if "ABCDEF"[j] in chosen else rng.choice(["0", ""]) for j in range(len(item.options))]
        ticks.append([*row[: multi + 1], *marks, *row[multi + 2 :]])
    _save("ticks.csv.gz", ticks)


if __name__ == "__main__":
    main()
