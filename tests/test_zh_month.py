"""A Chinese secretary's month from README.zh-CN.md (round 3, zh-month): what the tool prints where
the README sends her, pinned in Chinese."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from skpaths import MINI_BANK
from studykit.cli import main
from studykit.draft.candidates.lists import find_lists
from studykit.draft.candidates.text import sentences
from studykit.draft.furniture import is_furniture
from studykit.draft.split import Part

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


def _paper(tmp_path: Path) -> tuple[Path, str]:
    """A paper from the mini bank (seed 7) and a card answering every item right."""
    result = run(["quiz", "--bank", str(MINI_BANK), "--seed", "7", "--count", "4", "-o", str(tmp_path / "q.md")])
    assert result.exit_code == 0, result.output
    key = yaml.safe_load((tmp_path / "q.key.yaml").read_text(encoding="utf-8"))
    lines = ["姓名：张建华", f"测验：{key['quiz_id']}"]
    for item in key["items"]:
        answer = item["answer"]
        if item["type"] == "true_false":
            lines.append(f"{item['number']}. {'对' if answer == ['true'] else '错'}")
        else:
            lines.append(f"{item['number']}. {answer[0] if item['type'] == 'fill_blank' else ''.join(answer)}")
    return tmp_path / "q.key.yaml", "\n".join(lines) + "\n"


def test_a_word_file_or_photo_in_the_answers_folder_is_named_not_passed_over(tmp_path: Path) -> None:
    """Members send their answers as a Word file or a photo, and 问卷星 as an old .xls: in a folder
    given to grade these were left out without a word (exit 0, the members missing from the report).
    Each is named now; the .xls fails (save it as .xlsx), the rest is graded."""
    key, card = _paper(tmp_path)
    answers = tmp_path / "答卷"
    answers.mkdir()
    (answers / "张建华.txt").write_text(card, encoding="utf-8")
    (answers / "王五.docx").write_bytes(b"PK\x03\x04")
    (answers / "李四.jpg").write_bytes(b"\xff\xd8\xff")
    (answers / "问卷星.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (answers / "~$王五.docx").write_bytes(b"")
    result = run(["grade", str(answers), "--key", str(key)])
    assert result.exit_code == 1
    assert result.stderr == (  # a .docx is read now (an answer sheet filled in Word): this one is broken
        f"{answers / '李四.jpg'}: 警告：无法识别的文件类型（应为 .txt、.md、.yaml 或 .docx 答题卡，.csv 或 .xlsx 汇总表）\n"
        f"{answers / '王五.docx'}: 不是 Word .docx 文档（应为用 Word 或 WPS 保存的文档）\n"
        f"{answers / '问卷星.xls'}: 这是旧版 Excel .xls 工作簿（请另存为 .xlsx 或 CSV）\n"
        f"错误：有的答卷无法评分：{answers / '王五.docx'}、{answers / '问卷星.xls'}（见上文）；报告包含其余答卷\n"
    )
    assert f"张建华（{answers / '张建华.txt'}）：20/20 分，100.0%，及格\n" in result.stdout


def test_a_list_framed_cong_zhong_has_its_members_without_the_frame() -> None:
    """从A、B、C中: 从 and 中 bound the list, so the first member is not 注重从致富能手 nor the last
    大学毕业生中选拔 (a drafted multiple choice offered 注重从致富能手 as an option)."""
    part = Part("zhao-xiaoyan", "锻造干部队伍", "锻造干部队伍\n\n赵晓燕 县委组织部副部长\n\n"
                "在“选”上，注重从致富能手、外出务工经商人员、退役军人、大学毕业生中选拔村党组织书记，"
                "今年全县新选拔村党组织书记23名。同时，要加大从致富能手、外出务工经商人员、退役军人中发展党员的力度。",
                "赵晓燕", "县委组织部副部长")  # fmt: skip
    found = find_lists(sentences(part))
    assert [(li.members, li.open) for li in found] == [
        (("致富能手", "外出务工经商人员", "退役军人", "大学毕业生"), False),
        (("致富能手", "外出务工经商人员", "退役军人"), False),
    ]


def test_the_papers_own_folder_grades_without_its_bank_and_word_files(tmp_path: Path) -> None:
    """Graded in the folder quiz wrote into, the paper's 参考答案 (beside its key) is passed over, and a
    question_bank.yaml there is not read as an answer sheet (it failed with “字段 'answers'：缺失” and
    exit 1).  (The paper and card beside the key are read: see tests/grade/test_grade_docx.py.)"""
    key, card = _paper(tmp_path)
    (tmp_path / "q.solutions.docx").write_bytes(b"PK\x03\x04")  # the quiz's 参考答案: passed over
    shutil.copy(MINI_BANK, tmp_path / "question_bank.yaml")
    (tmp_path / "张建华.txt").write_text(card, encoding="utf-8")
    result = run(["grade", str(tmp_path), "--key", str(key)])
    assert result.exit_code == 0
    assert result.stderr == f"{tmp_path / 'q.answers.txt'}: 警告：空白答题卡（没填姓名，也没填答案）；已跳过\n"
    assert f"张建华（{tmp_path / '张建华.txt'}）：20/20 分，100.0%，及格\n" in result.stdout


def test_a_pages_closing_credit_is_dropped_not_the_last_speakers_words() -> None:
    """（本版稿件由县委组织部组织科整理） under the last speech went into that speaker's material; it is
    the page's credit, dropped and listed like 责任编辑：… . A sentence that merely mentions 本版 stays."""
    assert is_furniture("（本版稿件由县委组织部组织科整理）")
    assert is_furniture("(本版文字由市委党校提供)")
    assert not is_furniture("本版现摘编刊发部分同志的发言。")
    assert not is_furniture("（本版稿件由县委组织部整理，有删节。另有三篇发言将于下期刊发，敬请关注）")
