"""Loading and validating question banks: the shipped bank, broken banks, YAML traps."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import DATA, MINI_BANK, SHIPPED_BANK
from studykit import BankError, load_bank
from studykit.bank import squash
from studykit.cli import main

BAD = DATA / "bad"
BAD_CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


def test_shipped_bank_validates_strictly() -> None:
    """The shipped bank loads under --strict: no errors, no warnings."""
    bank = load_bank(SHIPPED_BANK, strict=True)
    assert bank.id == "szzl-hubei-daily"
    assert bank.title == "全方位多层次深入推进省域治理现代化"
    assert [s.id for s in bank.speeches] == [
        "intro", "ren-jiantao", "tian-yipeng", "zhao-xianfu", "zhang-yanguo",
        "jiang-xiaoping", "wei-yueming", "ouyang-kang", "dai-xiaoming",
    ]  # fmt: skip
    assert bank.warnings == ()


def test_shipped_bank_meets_the_coverage_rules() -> None:
    """177 curated questions, at least 15 per part (issue 15), all four types, three types per part."""
    bank = load_bank(SHIPPED_BANK)
    curated = [q for q in bank.questions if not q.derived]
    assert len(curated) == 177
    per_speech = Counter(q.speech for q in curated)
    assert per_speech == {
        "intro": 15, "ren-jiantao": 17, "tian-yipeng": 20, "zhao-xianfu": 21, "zhang-yanguo": 25,
        "jiang-xiaoping": 21, "wei-yueming": 19, "ouyang-kang": 20, "dai-xiaoming": 19,
    }  # fmt: skip
    assert min(per_speech[s.id] for s in bank.speeches) >= 15
    assert {q.type for q in curated} == {"single", "multiple", "true_false", "fill_blank"}
    for s in bank.speeches:
        assert len({q.type for q in curated if q.speech == s.id}) >= 3, s.id


def test_shipped_bank_keys_spread_evenly() -> None:
    """The 66 curated single-choice keys spread evenly over A–D: 16 or 17 each."""
    bank = load_bank(SHIPPED_BANK)
    keys = Counter(q.answer[0] for q in bank.questions if q.type == "single" and not q.derived)
    assert keys == {"A": 17, "B": 17, "C": 17, "D": 16}


def test_no_key_of_the_shipped_bank_is_printed_in_its_title() -> None:
    """A paper's default title is the bank's (全方位多层次深入推进省域治理现代化): no key (a correct option or
    an accepted blank, two characters or more) may stand in it — intro-10 once blanked 深入推进省域治理现代化,
    ren-jiantao-10 省域治理."""
    bank = load_bank(SHIPPED_BANK)
    keys = {
        (q.id, a)
        for q in bank.questions
        for a in (q.correct_options if q.is_choice else q.answer if q.type == "fill_blank" else ())
    }
    assert len(keys) > 200
    assert not [(qid, a) for qid, a in keys if len(a) >= 2 and a in bank.title]


def test_every_source_is_verbatim_in_its_own_speech() -> None:
    """Each source occurs in the cited speech's file (whitespace aside) and in no other part."""
    bank = load_bank(SHIPPED_BANK)
    for q in bank.questions:
        home = bank.speech(q.speech)
        assert squash(q.source) in squash(home.text), q.id
        if q.type == "fill_blank":
            assert squash(q.answer[0]) in squash(q.source), q.id


def test_catch_all_options_absent_from_shipped_bank() -> None:
    """No option of the shipped bank is a catch-all such as 以上都是."""
    bank = load_bank(SHIPPED_BANK)
    options = {o for q in bank.questions for o in q.options}
    assert not {o for o in options if o.startswith(("以上", "上述"))}


@pytest.mark.parametrize("case", BAD_CASES)
def test_broken_bank_reports_exact_message(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken bank in tests/data/bad gives exactly the message in <case>.txt and exit 1."""
    monkeypatch.chdir(BAD)
    result = CliRunner().invoke(main, ["check", "--bank", f"{case}.yaml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (BAD / f"{case}.txt").read_text(encoding="utf-8")


def test_bad_cases_cover_the_issue_list() -> None:
    """The broken-bank fixtures cover every error the issue names."""
    assert set(BAD_CASES) >= {
        "syntax", "unknown_type", "missing_field", "unknown_field", "duplicate_key", "duplicate_id",
        "answer_out_of_range", "multiple_one_key", "duplicate_option", "source_not_verbatim",
        "fill_answer_absent", "unknown_speech", "material_missing", "material_outside", "python_tag",
    }  # fmt: skip


def _bank_in(tmp_path: Path, questions: str, material: str = "") -> Path:
    """Write a one-speech bank with ``questions`` (YAML text) into ``tmp_path``."""
    (tmp_path / "m.txt").write_text(
        material or (MINI_BANK.parent / "material" / "01-ren-jiantao.txt").read_text("utf-8")
    )
    path = tmp_path / "bank.yaml"
    path.write_text(
        "bank:\n  id: t\n  title: 测试\nspeeches:\n  - id: s\n    heading: 大都市是省域治理重要落点\n    material: m.txt\nquestions:\n"
        + questions,
        encoding="utf-8",
    )
    return path


def test_yaml_11_values_stay_the_text_written(tmp_path: Path) -> None:
    """yes, on, no, 027, 1.10, 14:30 and 2020-10-17 are read as exactly that text."""
    material = "大都市是省域治理重要落点\n\n答案是 yes on no 027 1.10 14:30 2020-10-17 五个。\n"
    path = _bank_in(
        tmp_path,
        """  - id: a
    speech: s
    type: single
    stem: 哪个（ ）
    options: [yes, on, no, 027, 1.10, 14:30]
    answer: D
    explanation: 见原文。
    source: 答案是 yes on no 027 1.10 14:30 2020-10-17 五个。
  - id: b
    speech: s
    type: fill_blank
    stem: 日期是____。
    answer: 2020-10-17
    explanation: 见原文。
    source: 14:30 2020-10-17
""",
        material,
    )
    bank = load_bank(path)
    assert bank.question("a").options == ("yes", "on", "no", "027", "1.10", "14:30")
    assert bank.question("a").correct_options == ("027",)
    assert bank.question("b").answer == ("2020-10-17",)


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A billion-laughs document is refused, with its line, in well under a second."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nbank: *a9\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(BankError) as info:
        load_bank(path)
    elapsed = time.perf_counter() - start
    assert info.value.details == (f"{path}:7: aliases expand to more than 2,000,000 values (refused; an alias bomb?)",)
    assert elapsed < 5  # generous: the point is that it does not expand 10**9 nodes


def test_warnings_pass_by_default_and_fail_under_strict(tmp_path: Path) -> None:
    """Duplicate stems, catch-alls and missing markers are warnings; --strict makes them errors."""
    q = """  - id: {id}
    speech: s
    type: single
    stem: {stem}
    options: [县域, 大都市, 乡村, {last}]
    answer: B
    explanation: 见原文。
    source: 而大都市是省域治理的重要落点
"""
    path = _bank_in(
        tmp_path,
        q.format(id="a", stem="重要落点是（ ）", last="以上都是")
        + q.format(id="b", stem="重要落点是（ ）", last="社区")
        + q.format(id="c", stem="重要落点是什么", last="社区"),
    )
    runner = CliRunner()
    ok = runner.invoke(main, ["check", "--bank", str(path)])
    assert ok.exit_code == 0, ok.stderr
    expected_warnings = [
        f"{path}:13: warning: question 'a', field 'options': '以上都是' is a catch-all option (write a real distractor)",
        f"{path}:20: warning: question 'b', field 'stem': same stem as question 'a'",
        f"{path}:28: warning: question 'c', field 'stem': no answer marker '（ ）' (a choice stem should carry it where the answer goes)",
    ]
    assert ok.stderr.splitlines() == expected_warnings
    assert ok.stdout.startswith(f"{path}: OK, 3 questions (3 curated, 0 derived) in 1 part — ")
    strict = runner.invoke(main, ["check", "--bank", str(path), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [*expected_warnings, f"Error: {path}: 0 error(s) and 3 warning(s) (--strict)"]


def test_one_letter_over_40_percent_warns(tmp_path: Path) -> None:
    """Five single-choice keys all on A give the key-spread warning."""
    q = """  - id: q{n}
    speech: s
    type: single
    stem: 第{n}题重要落点是（ ）
    options: [大都市, 县域, 乡村]
    answer: A
    explanation: 见原文。
    source: 而大都市是省域治理的重要落点
"""
    path = _bank_in(tmp_path, "".join(q.format(n=n) for n in range(5)))
    bank = load_bank(path)
    assert bank.warnings == (
        f"{path}:8: warning: questions: A is the key of 5 of 5 single-choice items (100%; expected at most 40%)",
    )


def test_every_error_is_reported_in_one_run(tmp_path: Path) -> None:
    """Two broken questions give two located errors, not just the first."""
    path = _bank_in(
        tmp_path,
        """  - id: a
    speech: s
    type: single
    stem: 落点（ ）
    options: [县域, 大都市, 乡村]
    answer: D
    explanation: 见原文。
    source: 而大都市是省域治理的重要落点
  - id: b
    speech: nowhere
    type: true_false
    stem: 大都市是重要落点。
    answer: maybe
    explanation: 见原文。
    source: 而大都市是省域治理的重要落点
""",
    )
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert info.value.details == (
        f"{path}:14: question 'a', field 'answer': 'D' is not one of the options A–C",
        f"{path}:18: question 'b', field 'speech': unknown speech id 'nowhere' (expected one of: s)",
        f"{path}:21: question 'b', field 'answer': 'maybe' is not true or false (expected true or false)",
    )


def test_material_must_be_utf8(tmp_path: Path) -> None:
    """A GBK material file is named as not UTF-8."""
    path = _bank_in(
        tmp_path,
        "  - id: a\n    speech: s\n    type: true_false\n    stem: 是吗。\n    answer: true\n"
        "    explanation: 见原文。\n    source: 大都市\n",
    )
    (tmp_path / "m.txt").write_bytes("大都市是省域治理重要落点".encode("gbk"))
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert info.value.details == (f"{path}:7: speech 's', field 'material': m.txt is not UTF-8 text",)


def test_bank_is_frozen() -> None:
    """Bank, speeches and questions cannot be modified after loading."""
    bank = load_bank(MINI_BANK)
    with pytest.raises(AttributeError):
        bank.questions[0].stem = "x"  # type: ignore[misc]


def test_fingerprint_follows_material(tmp_path: Path) -> None:
    """Changing one character of a material file changes the bank's fingerprint."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "mini")
    copy = tmp_path / "mini" / "question_bank.yaml"
    before = load_bank(copy).fingerprint
    assert before == load_bank(MINI_BANK).fingerprint
    intro = tmp_path / "mini" / "material" / "00-intro.txt"
    intro.write_text(intro.read_text("utf-8") + "。", encoding="utf-8")
    assert load_bank(copy).fingerprint != before


def test_empty_optional_fields_take_their_defaults(tmp_path: Path) -> None:
    """tags: ~, an empty difficulty and fact: null mean "not given", not the text '~' or 'null'."""
    path = _bank_in(
        tmp_path,
        "  - id: a\n    speech: s\n    type: true_false\n    stem: 大都市是省域治理的重要落点。\n    answer: true\n"
        "    explanation: 见原文。\n    source: 而大都市是省域治理的重要落点\n    tags: ~\n    difficulty:\n    fact: null\n",
    )
    q = load_bank(path).question("a")
    assert (q.tags, q.difficulty, q.fact) == ((), 2, "")


def test_nul_byte_in_paths_is_a_user_error(tmp_path: Path) -> None:
    """A NUL byte in the bank path or a material path gives BankError, not ValueError (the latter as a control character)."""
    with pytest.raises(BankError, match="is not a valid file path"):
        load_bank(tmp_path / "a\0b.yaml")
    path = _bank_in(tmp_path, "  - id: a\n")
    path.write_text(path.read_text("utf-8").replace("material: m.txt", 'material: "m.txt\\0"'), encoding="utf-8")
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert (
        f"{path}:7: speech 's', field 'material': contains the control character U+0000 (delete it; often a paste)"
        in info.value.details
    )


def test_a_tag_on_a_key_and_a_nested_answer_are_refused(tmp_path: Path) -> None:
    """`!!python/name:…` on a key is refused; a single answer [B, [C]] is not read as B."""
    path = _bank_in(
        tmp_path,
        "  - id: a\n    speech: s\n    type: single\n    stem: 落点（ ）\n    options: [县域, 大都市, 乡村]\n"
        "    answer: [B, [C]]\n    explanation: 见原文。\n    source: 而大都市是省域治理的重要落点\n"
        "    !!python/name:os.system difficulty: 1\n",
    )
    with pytest.raises(BankError) as info:
        load_bank(path)
    assert info.value.details == (
        f"{path}:14: question 'a', field 'answer': a list is not option letters (expected one letter in A–C)",
        f"{path}:17: tag !!python/name:os.system is not allowed (plain YAML only: no tags)",
    )


def test_facts_shared_by_curated_and_derived_items() -> None:
    """Curated items restating a derived fact name it, so a paper never holds both."""
    bank = load_bank(SHIPPED_BANK)
    facts = Counter(q.fact for q in bank.questions if q.fact)
    assert facts["ren-jiantao/heading"] == 2
    assert bank.question("attr-ren-jiantao-position").fact == "ren-jiantao/position"


def _bank_with_provenance(tmp_path: Path, provenance: str) -> Path:
    """The one-speech bank of ``_bank_in`` (one valid question) citing ``sources.yaml`` holding ``provenance``."""
    path = _bank_in(
        tmp_path,
        "  - id: a\n    speech: s\n    type: fill_blank\n    stem: 而____是省域治理的重要落点\n    answer: 大都市\n"
        "    explanation: 见原文。\n    source: 而大都市是省域治理的重要落点\n",
    )
    text = path.read_text(encoding="utf-8").replace("  title: 测试\n", "  title: 测试\n  provenance: sources.yaml\n")
    path.write_text(text, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(provenance, encoding="utf-8")
    return path


def test_unknown_provenance_key_is_a_warning_naming_file_and_line(tmp_path: Path) -> None:
    """A misspelt key in the provenance file (data: for date:) warns with its file and line; --strict fails."""
    path = _bank_with_provenance(tmp_path, "publication: 湖北日报\ndata: 10月17日\nfiles: [m.txt]\n")
    warning = (
        f"{tmp_path / 'sources.yaml'}:2: warning: key 'data': unknown provenance key, ignored (expected one of: "
        "publication, section, title, event, date, venue, format, series, compiler, "
        "compiler_credit, original_file, original_sha256, dropped_lines, files)"
    )
    bank = load_bank(path)
    assert [str(w) for w in bank.warnings] == [warning]
    assert bank.provenance.publication == "湖北日报" and bank.provenance.date == ""
    result = CliRunner().invoke(main, ["check", "--bank", str(path), "--strict"])
    assert result.exit_code == 1
    assert result.stderr == f"{warning}\nError: {path}: 0 error(s) and 1 warning(s) (--strict)\n"


def test_provenance_record_keeping_keys_are_accepted(tmp_path: Path) -> None:
    """compiler_credit, original_file, original_sha256, dropped_lines and files pass --strict without a warning."""
    path = _bank_with_provenance(
        tmp_path,
        "publication: 湖北日报\ncompiler: 周磊\ncompiler_credit: (文字整理/周磊)\noriginal_file: p.txt\n"
        "original_sha256: ab12\ndropped_lines: [精彩推荐]\nfiles: [m.txt]\n",
    )
    assert load_bank(path, strict=True).warnings == ()
