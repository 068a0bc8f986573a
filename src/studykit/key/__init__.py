"""The answer key of one printed paper, and the blank answer sheet (答题卡) that goes with it.

``studykit quiz`` writes ``<stem>.key.yaml`` with :func:`dump_key`;
``studykit grade`` reads it back with :func:`load_key`.  The key holds what
grading needs and nothing else::

    studykit_key: 1                 # format version of this file
    quiz_id: szzl-hubei-daily-7-3f2a9c01
    version: A                      # "" for a paper printed without versions
    title: 全方位多层次深入推进省域治理现代化
    bank_id: szzl-hubei-daily
    bank_fingerprint: <sha256 hex of the bank and material files>
    scoring: {multiple: all-or-nothing}   # the default rule printed on the paper
    total_points: 50
    items:
      - number: 1                   # as printed; runs on across sections
        question_id: ren-jiantao-01
        type: single                # single | multiple | true_false | fill_blank
        speech: ren-jiantao
        points: 2
        stem: …                     # as printed, so tables can be matched by stem text
        options: [ …, … ]           # choice types: option texts in printed order
        answer: [B]                 # letters as printed on THIS version; [true]/[false]; accepted texts (one text alone: that text)
        correct: [ … ]              # choice types: the correct option texts

A quiz drawn from several banks (``studykit quiz --bank A --bank B``) identifies
each item by (bank id, question id): ``question_id`` and ``speech`` are written
``<bank id>/<id>`` (``mini-village/ren-01``; ``/`` is in no bank's own ids) and
``bank_id`` joins the banks' ids with ``+``.  A single-bank key is unchanged.

The answer sheet (``<stem>.answers.txt``, UTF-8) a member fills in::

    # studykit 答题卡 …instructions…
    姓名：
    测验：szzl-hubei-daily-7-3f2a9c01
    版本：A
    1.
    2.
    …

Lines starting with ``#`` are comments; ``姓名``/``测验``/``版本`` may also be
written ``name``/``quiz``/``version``; each answer line is a number, a
separator (``.``, ``、``, ``：``, ``:`` or space) and the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..key_model import MULTIPLE_SCORING, AnswerKey, KeyItem  # re-exported: their home is studykit.key_model
from .files import KEY_FORMAT, KEY_SUFFIX, dump_key, load_key, no_question, refuse_key_overwrite, render_answer_sheet

if TYPE_CHECKING:
    from .fields import ITEM_FIELDS, KEY_FIELDS, MAX_ITEM_POINTS, MAX_POINT_DECIMALS, SCORING_FIELDS

#: Names of :mod:`studykit.key.fields`, imported at their first use (PEP 562): the field tables and
#: their walker are for reading a key in full, which a key from the cache skips.
_FIELDS = ("ITEM_FIELDS", "KEY_FIELDS", "MAX_ITEM_POINTS", "MAX_POINT_DECIMALS", "SCORING_FIELDS")

__all__ = [
    "ITEM_FIELDS",
    "KEY_FIELDS",
    "KEY_FORMAT",
    "KEY_SUFFIX",
    "MAX_ITEM_POINTS",
    "MAX_POINT_DECIMALS",
    "MULTIPLE_SCORING",
    "SCORING_FIELDS",
    "AnswerKey",
    "KeyItem",
    "dump_key",
    "load_key",
    "no_question",
    "refuse_key_overwrite",
    "render_answer_sheet",
]


def __getattr__(name: str) -> Any:
    if name in _FIELDS:
        from . import fields

        return getattr(fields, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
