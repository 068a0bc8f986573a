"""A Chinese secretary's month from README.zh-CN.md (round 3, zh-month): what the tool prints where
the README sends her, pinned in Chinese."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from skpaths import MINI_BANK
from studykit.cli import main

ZH = {"STUDYKIT_LANG": "zh"}


def run(args: list[str]) -> Result:
    unset: dict[str, str | None] = dict.fromkeys(("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    return CliRunner().invoke(main, args, env={**unset, **ZH}, prog_name="studykit")


def test_check_summary_counts_drafts_among_the_banks_own_questions(tmp_path: Path) -> None:
    """The number of drafts (of all the questions, derived ones included) follows the total:
    “人工编写 124 道，自动生成 15 道，其中 139 道是待审草稿” read as 139 of the 15 derived, and a
    bank written by ``studykit draft`` is not 人工编写."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "bank")
    bank = tmp_path / "bank" / "question_bank.yaml"
    text = bank.read_text(encoding="utf-8")
    for qid in ("intro-02", "ren-02"):
        text = text.replace(f"  - id: {qid}\n", f"  - id: {qid}\n    draft: true\n")
    bank.write_text(text, encoding="utf-8")
    result = run(["check", "--bank", str(bank)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{bank}：没有问题，共 17 道题，其中 2 道是待审草稿（题库里写的 9 道，按署名自动生成的 8 道），"
        "分 4 个部分 —— intro 2、ren-jiantao 4、tian-yipeng 5、zhao-xianfu 6；"
        "单选 11 道、多选 2 道、判断 2 道、填空 2 道\n"
    )
