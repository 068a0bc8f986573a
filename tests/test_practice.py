"""``studykit practice``: the self-check page's items, its encoding, escaping and the command (no browser here)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skpaths import MINI_BANK
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import SelectionError, StudykitError
from studykit.grade.normalize import blank_form
from studykit.practice import (
    Practice,
    build_practice,
    decode_items,
    encode_items,
    highlight,
    practice_path,
    render_practice,
)
from studykit.quiz import build_papers
from studykit.typography import for_print


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["practice", "--bank", str(MINI_BANK), *map(str, args)])


def payload(html: str) -> str:
    match = re.search(r' data-items="([A-Za-z0-9+/=]+)"', html)
    assert match, "no data-items attribute"
    return match.group(1)


@pytest.fixture(scope="module")
def practice() -> Practice:
    return build_practice(load_bank(MINI_BANK), seed=7)


def test_practice_asks_what_quiz_draws_with_the_same_options() -> None:
    """The page's items are the quiz's first paper for the same count, seed and filters, in its order."""
    bank = load_bank(MINI_BANK)
    page = build_practice(bank, count=5, seed=3, tags=("观点", "研讨会"))
    paper = build_papers(bank, count=5, seed=3, tags=("观点", "研讨会"))[0]
    assert [i.question.id for i in page.items] == [i.question.id for i in paper.items]
    assert len(page.items) == 5
    assert page.quiz_id == paper.quiz_id and page.quiz_id.startswith("mini-test-3-")
    assert page.storage_key == f"studykit-practice/{paper.quiz_id}"
    assert page.title == "省域治理现代化小测" and page.page_title == "省域治理现代化小测 · 自测"


def test_default_page_of_the_mini_bank_has_twelve_items(practice: Practice) -> None:
    """Without --count the page takes what quiz would: 12 items of the mini bank for seed 7, every type."""
    assert len(practice.items) == 12
    assert {i.type for i in practice.items} == {"single", "multiple", "true_false", "fill_blank"}


def test_the_page_has_no_external_reference_and_no_network(practice: Practice) -> None:
    """No src=/href= but to '#', no http, no <link>, <img>, <iframe> or external script: one self-contained file."""
    html = render_practice(practice)
    assert html.startswith("<!DOCTYPE html>\n") and html.endswith("</html>\n")
    assert re.findall(r"""(?:src|href)\s*=\s*["']?(?!#)""", html, re.IGNORECASE) == []
    assert "http" not in html.lower()
    for tag in ("<link", "<img", "<iframe", "<object", "<embed", "@import", "url("):
        assert tag not in html.lower()
    assert html.count("<script") == 1 and "<script>" in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_answers_and_bank_text_are_not_in_the_page_source(practice: Practice) -> None:
    """No stem, option, accepted text, 解析 or source of any item can be read in the HTML."""
    html = render_practice(practice)
    for item in practice.items:
        q = item.question
        answers = item.answer if item.type == "fill_blank" else item.correct
        for text in (q.explanation, q.source.split()[0], item.stem[:8], *item.options, *answers):
            assert text not in html, (q.id, text)


def test_encoded_items_decode_to_the_answers(practice: Practice) -> None:
    """The payload is base64 of the items' JSON XOR'd with the page key; decoded it holds each answer."""
    html = render_practice(practice)
    items = decode_items(practice, payload(html))
    assert len(items) == 12
    for item, data in zip(practice.items, items, strict=True):
        assert data["type"] == item.type and data["explanation"] == item.explanation  # as printed
        if item.question.is_choice:
            assert data["options"] == list(item.options)
            assert [item.options[n] for n in data["answer"]] == list(item.correct)  # type: ignore[attr-defined]
        elif item.type == "true_false":
            assert data["answer"] is item.question.truth
        else:
            assert data["answer"] == [for_print(a) for a in item.answer]
            assert data["forms"] == [blank_form(a) for a in item.answer]
    assert encode_items(practice) == payload(html)  # same page, same bytes
    assert render_practice(practice) == html


def test_the_source_marks_the_answer() -> None:
    """查看原文 data: the heading line and the quoted sentence as pieces, the answer marked."""
    bank = load_bank(MINI_BANK)
    page = build_practice(bank, seed=7)
    data = {i.question.id: d for i, d in zip(page.items, decode_items(page, encode_items(page)), strict=True)}
    assert data["intro-01"]["where"] == [["导语《全方位多层次深入推进省域治理现代化》", False]]
    assert data["intro-01"]["source"] == [
        ["10月17日，‘深入推进省域治理现代化’研讨会在", False],
        ["华中师范大学", True],
        ["举行。", False],
    ]
    assert data["ren-02"]["source"] == [["城市治理是国家治理的重要组成部分", True]]  # true_false: the sentence
    # the answer is marked in the heading line too, and in a derived item's source
    assert data["ren-01"]["where"] == [["任剑涛《", False], ["大都市", True], ["是省域治理重要落点》", False]]
    assert data["attr-ren-jiantao-position"]["source"] == [["任剑涛", False], ["清华大学社会科学学院教授", True]]


def test_the_page_prints_article_text_full_width_even_at_a_mark() -> None:
    """原文 and 解析 show ASCII , ; : ( ) between Chinese characters full-width, as the paper's 出处 does —
    also where a mark ends right before the comma (each piece was printed alone, so `市域,为` kept its
    ASCII comma); the accepted texts are shown as printed too, and still read as the grader reads them."""
    bank = load_bank(MINI_BANK)
    q = dataclasses.replace(
        bank.question("zhao-02"),
        stem="坚决把重大矛盾风险解决在市域、____,为省域治理现代化奠定坚实基础。",
        answer=("控制在市域", "控制在,市域"),
        explanation="魏月明指出(原文):要控制在市域;为省域治理奠定基础。",
        source="坚决把重大矛盾风险解决在市域、控制在市域,为省域治理现代化奠定坚实基础。",
    )
    page = build_practice(dataclasses.replace(bank, questions=(q,)), seed=1)
    (data,) = decode_items(page, encode_items(page))
    assert data["source"] == [
        ["坚决把重大矛盾风险解决在市域、", False],
        ["控制在市域", True],
        ["，为省域治理现代化奠定坚实基础。", False],
    ]
    assert data["explanation"] == "魏月明指出（原文）：要控制在市域；为省域治理奠定基础。"
    assert data["stem"] == ["坚决把重大矛盾风险解决在市域、", "，为省域治理现代化奠定坚实基础。"]
    assert data["answer"] == ["控制在市域", "控制在，市域"]
    assert data["forms"] == [blank_form("控制在市域"), blank_form("控制在,市域")]


def test_highlight_merges_overlaps_and_marks_every_occurrence() -> None:
    """Occurrences overlapping or touching make one mark; each occurrence is marked."""
    assert highlight("网格长楼栋长单元长", ["网格长", "楼栋长"]) == [("网格长楼栋长", True), ("单元长", False)]
    assert highlight("ababa", ["aba"]) == [("ababa", True)]
    assert highlight("大都市，大都市", ["大都市", ""]) == [("大都市", True), ("，", False), ("大都市", True)]
    assert highlight("没有", ["答案"]) == [("没有", False)]


def test_bank_text_is_escaped_in_the_page(tmp_path: Path) -> None:
    """A title holding markup is printed as text in <title> and <h1> (Jinja2 autoescape)."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "mini")
    path = tmp_path / "mini" / "question_bank.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: 省域治理现代化小测", "title: '</title><script>alert(1)</script>&amp;'"
    )
    path.write_text(text, encoding="utf-8")
    html = render_practice(build_practice(load_bank(path), seed=7))
    escaped = "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"
    assert f"<title>{escaped} · 自测</title>" in html
    assert f'<h1>{escaped}<span class="suffix"> · 自测</span></h1>' in html
    assert "<script>alert" not in html


def test_drafts_are_left_out() -> None:
    """Items marked draft never reach the page; a bank of drafts only is an error."""
    bank = load_bank(MINI_BANK)
    drafted = ("intro-01", "ren-01")
    questions = tuple(dataclasses.replace(q, draft=q.id in drafted) for q in bank.questions)
    page = build_practice(dataclasses.replace(bank, questions=questions), count=15, seed=7)
    ids = [i.question.id for i in page.items]
    assert len(ids) == 15 and not set(drafted) & set(ids)
    everything = tuple(dataclasses.replace(q, draft=True) for q in questions)
    with pytest.raises(SelectionError) as exc:
        build_practice(dataclasses.replace(bank, questions=everything))
    assert exc.value.message == (f"every question in {MINI_BANK} is a draft; a practice page needs finished ones")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "practice.html"),
        ("自测.html", "自测.html"),
        ("a/自测.HTM", "a/自测.HTM"),
        ("自测", "自测.html"),
        ("第1.5期自测", "第1.5期自测.html"),
        ("2024.10自测", "2024.10自测.html"),
    ],
)
def test_practice_path(given: str | None, expected: str) -> None:
    """-o keeps .html/.htm, gets .html added to a name without an extension; practice.html without -o."""
    assert practice_path(Path(given) if given else None) == Path(expected)


@pytest.mark.parametrize("given", ["自测.pdf", "x.md", "自测.DOCX", "q.key.yaml", "自测.txt"])
def test_practice_path_refuses_another_formats_extension(given: str) -> None:
    """-o 自测.pdf is refused naming what practice writes, as quiz refuses 测验.pdf (not 自测.pdf.html)."""
    with pytest.raises(StudykitError) as exc:
        practice_path(Path(given))
    suffix = Path(given).suffix
    assert (
        exc.value.message
        == f"output {given}: studykit practice writes one .html page, not {suffix} (use -o {Path(given).stem}.html)"
    )


@pytest.mark.parametrize("given", [".html", "a/.HTM"])
def test_practice_path_refuses_an_extension_alone(given: str) -> None:
    """-o .html names no page (it wrote the hidden file .html.html)."""
    with pytest.raises(StudykitError) as exc:
        practice_path(Path(given))
    ext = Path(given).name
    assert exc.value.message == f"output {Path(given)}: give a file name before {ext} (e.g. 自测{ext})"


def test_cli_pdf_output_is_a_usage_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`studykit practice -o 自测.pdf`: exit 2 with the message, and no 自测.pdf.html."""
    monkeypatch.chdir(tmp_path)
    result = run("--seed", "7", "-o", "自测.pdf")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: output 自测.pdf: studykit practice writes one .html page, not .pdf (use -o 自测.html)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_one_page_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`studykit practice --seed 7 -o 自测.html` writes that one file and prints its count and quiz id."""
    monkeypatch.chdir(tmp_path)
    result = run("--seed", "7", "-o", "自测.html")
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote 自测.html: 12 questions (mini-test-7-42011003)\n"
    assert result.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["自测.html"]
    page = (tmp_path / "自测.html").read_text(encoding="utf-8")
    assert page == render_practice(build_practice(load_bank(MINI_BANK), seed=7))


def test_cli_without_seed_prints_the_seed(tmp_path: Path) -> None:
    """Without --seed the seed drawn is printed so the same page can be made again."""
    result = run("--count", "3", "-o", tmp_path / "p")
    assert result.exit_code == 0, result.output
    seed = re.fullmatch(r"seed: (\d+) — rerun with --seed \1\n", result.stdout.splitlines(keepends=True)[0])
    assert seed, result.stdout
    wrote = rf"wrote {re.escape(str(tmp_path / 'p.html'))}: 3 questions \(mini-test-{seed.group(1)}-[0-9a-f]{{8}}\)"
    assert re.fullmatch(wrote, result.stdout.splitlines()[1]), result.stdout
    assert (tmp_path / "p.html").is_file()


def test_cli_unknown_tag_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    """A tag no question carries: Error naming the bank's tags, exit 1, no file."""
    result = run("--tag", "没有", "-o", tmp_path / "p.html")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: no question has the tag '没有' (tags in the bank: 会议文件, 原文出处, 发言标题, 归属, 数字表述, 研讨会, 职务, 观点)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_to_overwrite_the_bank(tmp_path: Path) -> None:
    """-o naming the bank itself is refused; the bank is untouched."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "mini")
    bank = tmp_path / "mini" / "question_bank.yaml"
    before = bank.read_bytes()
    target = tmp_path / "mini" / "question_bank.yaml.html"
    target.symlink_to(bank)
    result = CliRunner().invoke(main, ["practice", "--bank", str(bank), "-o", str(target), "--seed", "1"])
    assert result.exit_code == 1
    assert "the bank" in result.stderr
    assert bank.read_bytes() == before
