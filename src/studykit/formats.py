"""Versions and limits of the file formats studykit writes and reads back, each defined once
(no imports: the CLI checks an option against a limit without loading the writer).
"""

from __future__ import annotations

#: The format version of the JSON grade report (``studykit_grade_report``): written by
#: :mod:`studykit.grade.report.json`, read back by :mod:`studykit.handout`.
REPORT_FORMAT = 1

#: Timestamps are seconds since 1970-01-01 UTC below 2**32 (2106-02-07): genanki stores them as
#: whole seconds and, times 1000, as note and card ids (SQLite integers), and the package's zip
#: entries carry the date (years 1980–2107).  Anki keeps them as 64-bit integers.
MAX_TIMESTAMP = 2**32
