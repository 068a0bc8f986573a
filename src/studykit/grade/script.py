"""Traditional Chinese characters read as Simplified, one character at a time: :func:`fold`,
whose home is :mod:`studykit.text` (the base layer's text rules); re-exported here for callers
of ``studykit.grade.script``."""

from __future__ import annotations

from ..text import fold as fold  # re-exported: its home is studykit.text
