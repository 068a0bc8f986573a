"""studykit draft: the bank folder it writes, all-or-nothing, and the command line."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from skpaths import DATA, ROOT
from studykit.bank import load_bank
from studykit.cli import main
from studykit.draft import draft_bank
from studykit.errors import DraftError

DRAFT = DATA / "draft"
SEED = ROOT.parent / "shared" / "seed" / "000_f97e59c8b30fcc71.txt"
LAYOUT1_MATERIAL = {
    "00-intro.txt": "学习园地\n\n凝心聚力推进乡村振兴\n\n11月5日，“乡村振兴大家谈”座谈会在县委党校举行。本版摘编部分发言。\n",
    "01-li-minghua.txt": "产业兴旺是重点\n\n李明华 青山县委书记\n\n"
    "产业兴旺是乡村振兴的重点。我县坚持“一村一品”，发展茶叶、柑橘、蔬菜等特色产业。\n",
    "02-ouyang-hong.txt": "生态宜居是关键\n\n欧阳红 绿水乡党委副书记、乡长\n\n"
    "生态宜居是乡村振兴的关键。一是整治人居环境，二是保护青山绿水。\n",
}


def test_draft_writes_bank_material_and_provenance(tmp_path: Path) -> None:
    """question_bank.yaml, material/NN-<id>.txt exactly as printed, sources.yaml with name, sha256, dropped lines.
    (Round 8 changed the first warning on purpose: the introduction has no speaker, so it is ``part 'intro'``,
    not ``speech 'intro'`` — 发言 in Chinese — which named every speakerless part a speech.)"""
    out = tmp_path / "2026-11"
    result = draft_bank(DRAFT / "layout1.txt", out)
    assert sorted(p.name for p in (out / "material").iterdir()) == [*sorted(LAYOUT1_MATERIAL), "sources.yaml"]
    for name, text in LAYOUT1_MATERIAL.items():
        assert (out / "material" / name).read_text(encoding="utf-8") == text
    sources = yaml.safe_load((out / "material" / "sources.yaml").read_text(encoding="utf-8"))
    assert sources == {
        "title": "凝心聚力推进乡村振兴",
        "original_file": "layout1.txt",
        "original_sha256": hashlib.sha256((DRAFT / "layout1.txt").read_bytes()).hexdigest(),
        "dropped_lines": ["精彩推荐", "下载安装手机客户端"],
        "files": [f"material/{name}" for name in LAYOUT1_MATERIAL],
    }
    bank = load_bank(out / "question_bank.yaml", cache=False)
    assert (bank.id, bank.title) == ("2026-11", "凝心聚力推进乡村振兴")
    assert [(s.id, s.speaker, s.position, s.heading) for s in bank.speeches] == [
        ("intro", "", "", "凝心聚力推进乡村振兴"),
        ("li-minghua", "李明华", "青山县委书记", "产业兴旺是重点"),
        ("ouyang-hong", "欧阳红", "绿水乡党委副书记、乡长", "生态宜居是关键"),
    ]
    curated = [q for q in bank.questions if not q.derived]
    assert len(curated) == len(result.drafts) == 10 and result.dropped == 0
    assert all(q.draft for q in curated)
    assert [q.id for q in curated][:3] == ["intro-d01", "intro-d02", "intro-d03"]
    assert bank.warnings == (
        f"{out / 'question_bank.yaml'}:9: warning: part 'intro': 3 drafts to review (accept each by deleting its 'draft: true' line)",
        f"{out / 'question_bank.yaml'}:12: warning: speech 'li-minghua': 3 drafts to review (accept each by deleting its 'draft: true' line)",
        f"{out / 'question_bank.yaml'}:17: warning: speech 'ouyang-hong': 4 drafts to review (accept each by deleting its 'draft: true' line)",
    )


def test_draft_refuses_a_folder_that_holds_a_bank(tmp_path: Path) -> None:
    """A folder with question_bank.yaml (or material/) is refused; nothing in it changes."""
    out = tmp_path / "bank"
    out.mkdir()
    (out / "question_bank.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        draft_bank(DRAFT / "layout1.txt", out)
    assert caught.value.message == (
        f"{out / 'question_bank.yaml'} already exists: {out} already holds a bank; nothing was written (give a new folder)"
    )
    assert sorted(p.name for p in out.iterdir()) == ["question_bank.yaml"]
    assert (out / "question_bank.yaml").read_text(encoding="utf-8") == "mine\n"
    (out / "question_bank.yaml").unlink()
    (out / "material").mkdir()
    with pytest.raises(DraftError) as caught:
        draft_bank(DRAFT / "layout1.txt", out)
    assert caught.value.message == (
        f"{out / 'material'} already exists: the draft's material would mix with the files there; "
        "nothing was written (give a new folder)"
    )
    assert [p.name for p in out.iterdir()] == ["material"] and not any((out / "material").iterdir())


def test_draft_into_a_folder_holding_the_article(tmp_path: Path) -> None:
    """A folder with other files but no bank (e.g. the article itself) gets the bank beside them."""
    out = tmp_path / "2026-11"
    out.mkdir()
    article = out / "材料.txt"
    article.write_bytes((DRAFT / "layout2.txt").read_bytes())
    draft_bank(article, out)
    assert sorted(p.name for p in out.iterdir()) == ["material", "question_bank.yaml", "材料.txt"]
    assert load_bank(out / "question_bank.yaml", cache=False).speeches[1].speaker == "张小红"


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the bank cannot be checked or moved into place, no folder and no temporary files remain."""
    import studykit.draft as draft_module

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draft_module, "load_bank", broken)
    with pytest.raises(DraftError, match=r"cannot write .*new: No space left on device"):
        draft_bank(DRAFT / "layout1.txt", tmp_path / "new")
    assert list(tmp_path.iterdir()) == []


def test_gbk_and_docx_articles_draft_a_bank(tmp_path: Path) -> None:
    """A GBK .txt and a .docx give the same parts and material as the UTF-8 text."""
    from docx import Document

    text = (DRAFT / "layout1.txt").read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    document = Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(str(tmp_path / "word.docx"))
    for name in ("gbk.txt", "word.docx"):
        out = tmp_path / name.replace(".", "-")
        draft_bank(tmp_path / name, out)
        for file, material in LAYOUT1_MATERIAL.items():
            assert (out / "material" / file).read_text(encoding="utf-8") == material, (name, file)


def test_cli_draft_reports_parts_and_refuses_an_existing_bank(tmp_path: Path) -> None:
    """`studykit draft ARTICLE -o DIR` prints the parts and counts; a second run is refused with exit 1."""
    out = tmp_path / "nov"
    result = CliRunner().invoke(main, ["draft", str(DRAFT / "layout2.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{out / 'question_bank.yaml'}: 3 parts (layout: post and name:), 4 drafts to review",
        "  intro: 代表之声 — 0",
        "  zhang-xiaohong: 张小红 让村民过上好日子 — 2",
        "  liu-dawei: 刘大伟 办好人民满意的教育 — 2",
        "dropped lines: 责任编辑：周阳",
        f"next: review {out / 'question_bank.yaml'} (delete the 'draft: true' line of each question you accept,"
        f" edit or delete the rest), then run: studykit check --bank {out / 'question_bank.yaml'}",
    ]
    again = CliRunner().invoke(main, ["draft", str(DRAFT / "layout2.txt"), "-o", str(out)])
    assert again.exit_code == 1
    assert again.stderr == (
        f"Error: {out / 'question_bank.yaml'} already exists: {out} already holds a bank; nothing was written (give a new folder)\n"
    )


def _density(article: Path, out: Path) -> tuple[int, int, dict[str, set[str]]]:
    result = draft_bank(article, out)
    types: dict[str, set[str]] = {}
    for d in result.drafts:
        types.setdefault(d.speech, set()).add(d.type)
    return len(result.drafts), len(article.read_text(encoding="utf-8")), types


@pytest.mark.skipif(not SEED.exists(), reason="original seed file not beside the repository")
def test_seed_drafts_are_dense_valid_and_of_every_type(tmp_path: Path) -> None:
    """On the seed: ≥ 10 drafts per 1,000 characters, all four types in every part, check 0 errors."""
    count, chars, types = _density(SEED, tmp_path / "seed")
    assert count * 1000 / chars >= 10
    assert all(t == {"single", "multiple", "true_false", "fill_blank"} for t in types.values()), types
    bank_path = tmp_path / "seed" / "question_bank.yaml"
    bank = load_bank(bank_path, cache=False)
    assert Counter(q.draft for q in bank.questions if not q.derived)[True] == count
    for q in bank.questions:
        assert "".join(q.source.split()) in "".join(bank.speech(q.speech).text.split())
    # the 24 attribution items (8 speakers × heading, post, quote) come from the machine split too:
    # drafts until a question of their speech is accepted
    derived = [q for q in bank.questions if q.derived]
    assert len(derived) == 24 and all(q.draft for q in derived)
    head, tail = bank_path.read_text(encoding="utf-8").split("  - id: ren-jiantao-d01\n", 1)
    bank_path.write_text(
        head + "  - id: ren-jiantao-d01\n" + tail.replace("    draft: true\n", "", 1), encoding="utf-8"
    )
    bank = load_bank(bank_path, cache=False)
    assert not bank.question("ren-jiantao-d01").draft
    assert sorted(q.id for q in bank.questions if q.derived and not q.draft) == [
        "attr-ren-jiantao-heading",
        "attr-ren-jiantao-position",
        "attr-ren-jiantao-quote",
    ]


def test_sections_of_one_author_are_labelled_by_their_heading(tmp_path: Path) -> None:
    """A layout-3 bank's sections are named by their headings (not 导语) in decks and reports."""
    draft_bank(DRAFT / "layout3.txt", tmp_path / "l3")
    bank = load_bank(tmp_path / "l3" / "question_bank.yaml", cache=False)
    assert [s.label for s in bank.speeches] == ["导语", "一、坚持党建引领", "二、夯实基层基础"]


def test_a_section_is_cited_as_the_article_not_the_introduction(tmp_path: Path) -> None:
    """On a paper, a layout-3 section's 出处 reads 文章“二、…”部分, not 导语《二、…》 (nor 文章《二、…》: no title)."""
    from studykit.quiz import build_papers

    draft_bank(DRAFT / "layout3.txt", tmp_path / "l3")
    bank = load_bank(tmp_path / "l3" / "question_bank.yaml", cache=False)
    paper = build_papers(bank, count=1, seed=1, speeches=("part-2",))[0]
    assert {item.source_line.split("：")[0] for item in paper.items} == {"文章“二、夯实基层基础”部分"}
