"""Helpers for grading tests, importable by name (``from gradekit import …``)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import main
from studykit.key import AnswerKey, KeyItem
from studykit.model import Bank

MINI = Path(__file__).resolve().parents[1] / "data" / "mini" / "question_bank.yaml"
#: The shipped bank (the repository's question_bank.yaml).
SHIPPED = Path(__file__).resolve().parents[2] / "question_bank.yaml"
#: The right answers of the shipped bank's standard paper (``studykit quiz --seed 7``), items 1–20 as a member
#: writes them: 1–8 单选, 9–12 多选, 13–16 判断 (对/错), 17–20 填空.
SEED7_RIGHT = (
    *"BADACDBC", "CD", "ABCE", "ABD", "ACD", "错", "对", "对", "对", "大都市", "人民利益至上", "依法治理", "可复制",
)  # fmt: skip


def make_key(bank: Bank, *, version: str = "A", multiple_scoring: str = "all-or-nothing") -> AnswerKey:
    """Eight items, 18 points: singles 2, multiples 4, true_false 1, fill_blank 2."""
    q = bank.question
    items = (
        KeyItem(1, "intro-01", "single", "intro", 2, q("intro-01").stem, ("B",), q("intro-01").options,
                ("华中师范大学",)),
        KeyItem(2, "ren-01", "single", "ren-jiantao", 2, q("ren-01").stem, ("C",), q("ren-01").options, ("大都市",)),
        KeyItem(3, "tian-01", "multiple", "tian-yipeng", 4, q("tian-01").stem, ("A", "B", "C"), q("tian-01").options,
                ("网格长", "楼栋长", "单元长")),
        KeyItem(4, "zhao-03", "multiple", "zhao-xianfu", 4, q("zhao-03").stem, ("A", "B", "C"), q("zhao-03").options,
                q("zhao-03").options[:3]),
        KeyItem(5, "ren-02", "true_false", "ren-jiantao", 1, q("ren-02").stem, ("true",)),
        KeyItem(6, "tian-02", "true_false", "tian-yipeng", 1, q("tian-02").stem, ("false",)),
        KeyItem(7, "intro-02", "fill_blank", "intro", 2, q("intro-02").stem, ("现场会议+云端会议",)),
        KeyItem(8, "zhao-02", "fill_blank", "zhao-xianfu", 2, q("zhao-02").stem, ("1+1+11", "１＋１＋１１")),
    )  # fmt: skip
    return AnswerKey(
        quiz_id="mini-test-7-abc",
        version=version,
        title="省域治理现代化小测",
        bank_id=bank.id,
        bank_fingerprint=bank.fingerprint,
        items=items,
        multiple_scoring=multiple_scoring,
    )


def grade_cli(*args: str) -> tuple[int, dict[str, float], str]:
    """Exit code, each graded member's score, and stderr of ``studykit grade ARGS --format json``."""
    result = CliRunner().invoke(main, ["grade", *args, "--format", "json"])
    scores = {m["name"]: m["score"] for m in json.loads(result.stdout)["members"]} if result.stdout else {}
    return result.exit_code, scores, result.stderr
