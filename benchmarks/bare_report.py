"""Context for the grade benchmark: the cost of the report's input and output alone.

Usage: ``python benchmarks/bare_report.py TABLE.csv OUT.csv SPEECHES ITEMS``.  One
``csv.reader`` pass over the branch table (as the issue's baseline does) plus one
``csv.writer`` row per member of the width ``studykit grade --format csv`` writes:
8 leading columns (名次 … 结果), one per speech (``SPEECHES``), one per item
(``ITEMS``) and 错题 — with the member's name and constant cells, no grading, no
ranking, no item analysis.  It is a floor: no CSV report of that shape written with
Python's ``csv`` module can take less, so ``studykit grade`` is shown against it as
well as against the bare read.
"""

from __future__ import annotations

import csv
import sys


def main(table: str, out: str, speeches: int, items: int) -> None:
    cells = ["2"] * (speeches + items)
    with (
        open(table, encoding="utf-8-sig", newline="") as f,
        open(out, "w", encoding="utf-8-sig", newline="") as g,
    ):
        rows = csv.reader(f)
        writer = csv.writer(g)
        next(rows, None)  # the table's header; the report has its own
        writer.writerow(["名次", "姓名", "来源", "行", "得分", "满分", "百分比", "结果", *cells, "错题"])
        for line, row in enumerate(rows, 2):
            writer.writerow([1, row[0] if row else "", table, line, "38", "38", "100.0", "及格", *cells, ""])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
