"""Attribution questions derived from the speeches records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from skpaths import SHIPPED_BANK
from studykit import load_bank
from studykit.attribution import quotable
from studykit.model import Speech

SPEAKERS = {
    "ren-jiantao": ("任剑涛", "清华大学社会科学学院教授", "大都市是省域治理重要落点"),
    "tian-yipeng": ("田毅鹏", "吉林大学哲学社会学院院长、教授", "以网格化推进社会治理精细化"),
    "zhao-xianfu": ("赵显富", "湖北省民政厅党组成员、副厅长", "社会治理重心在城乡社区"),
    "zhang-yanguo": ("张艳国", "江西师范大学党委副书记、教授", "把大数据融入智慧社区建设"),
    "jiang-xiaoping": ("姜晓萍", "四川大学公共管理学院党委书记、教授", "把握城市社会治理的关键要素"),
    "wei-yueming": ("魏月明", "湖北省委政法委副书记", "加快推进市域社会治理现代化"),
    "ouyang-kang": ("欧阳康", "华中科技大学国家治理研究院院长、教授", "将抗疫经验转化为社会善治举措"),
    "dai-xiaoming": ("戴小明", "中央党校教师培训学院院长、教授", "省域治理是国家治理在地方的延伸"),
}


def test_three_derived_questions_per_speaker_with_stable_ids() -> None:
    """Each of the eight speakers gets heading, position and quote items; the intro gets none."""
    bank = load_bank(SHIPPED_BANK)
    derived = [q.id for q in bank.questions if q.derived]
    assert derived == [f"attr-{sid}-{kind}" for sid in SPEAKERS for kind in ("heading", "position", "quote")]


def test_derived_answers_are_true_for_all_eight_speakers() -> None:
    """The key names the right speaker or post; distractors are other speakers' names or posts."""
    bank = load_bank(SHIPPED_BANK)
    names = {v[0] for v in SPEAKERS.values()}
    posts = {v[1] for v in SPEAKERS.values()}
    for sid, (speaker, position, heading) in SPEAKERS.items():
        h = bank.question(f"attr-{sid}-heading")
        assert heading in h.stem
        assert h.correct_options == (speaker,)
        assert set(h.options) <= names and len(h.options) == 4
        p = bank.question(f"attr-{sid}-position")
        assert speaker in p.stem
        assert p.correct_options == (position,)
        assert set(p.options) <= posts and len(set(p.options)) == 4
        q = bank.question(f"attr-{sid}-quote")
        assert q.correct_options == (speaker,)
        assert q.source in bank.speech(sid).text
        assert speaker not in q.stem


def test_derived_keys_spread_over_the_letters() -> None:
    """The 24 derived keys rotate over A–D: each letter holds exactly 6."""
    bank = load_bank(SHIPPED_BANK)
    keys = Counter(q.answer[0] for q in bank.questions if q.derived)
    assert keys == {"A": 6, "B": 6, "C": 6, "D": 6}


def test_derivation_is_deterministic() -> None:
    """Two loads derive identical questions."""
    first = [q for q in load_bank(SHIPPED_BANK).questions if q.derived]
    second = [q for q in load_bank(SHIPPED_BANK).questions if q.derived]
    assert first == second


def test_quotes_start_a_sentence_hold_no_heading_and_cite_no_one() -> None:
    """Each "who said" item quotes text that begins a sentence of its speech, holds no five-character
    run of the speech's heading, and is no citation (指出/强调/提出 or a 《document》)."""
    bank = load_bank(SHIPPED_BANK)
    for sid, (_, _, heading) in SPEAKERS.items():
        q = bank.question(f"attr-{sid}-quote")
        text = bank.speech(sid).text
        before = text[: text.index(q.source)].rstrip()
        assert before[-1] in "。！？；\n" or before.endswith(bank.speech(sid).position), sid
        assert not any(heading[i : i + 5] in q.source for i in range(len(heading) - 4)), sid
        assert not any(w in q.source for w in ("指出", "强调", "提出", "《")), sid


def _speech(text: str, heading: str = "大都市是省域治理重要落点") -> Speech:
    return Speech(id="s", speaker="甲", position="教授", heading=heading, material=Path("m.txt"), text=text, number=1)


def test_quotable_refuses_mid_sentence_headings_and_citations() -> None:
    """The three refusals, each on its own: mid-sentence, the heading, someone else's words."""
    text = "甲说:乙丙丁。大都市是省域治理的重要落点,是一句。党的十九大报告指出,加强社区治理。城市很大,人很多。"
    speech = _speech(text)
    assert quotable("城市很大,人很多。", speech)
    assert not quotable("人很多。", speech)  # starts after a comma
    assert not quotable("大都市是省域治理的重要落点,是一句。", speech)  # 大都市是省 … of the heading
    assert not quotable("党的十九大报告指出,加强社区治理。", speech)  # a citation
    assert not quotable("不在文中。", speech)


def test_a_padded_name_is_written_without_its_padding_in_stems_and_options() -> None:
    """王　刚 (a page pads a two-character name to the width of three) is 王刚 in every stem,
    option and 解析 of the 'who' items, as the draft's own stems write it; the position
    item's source stays the byline as printed."""
    from studykit.attribution import derive_attribution_questions, display_name

    speeches = [
        Speech("wang-gang", "治理有效聚民心", Path("a.txt"), "", 1, "王　刚", "石桥村党总支书记"),
        Speech("li-xiaohong", "产业兴旺强根基", Path("b.txt"), "", 2, "李小红", "某乡党委书记"),
    ]
    items = {q.id: q for q in derive_attribution_questions("b", speeches, [])}
    heading, position = items["attr-wang-gang-heading"], items["attr-wang-gang-position"]
    assert sorted(heading.options) == ["李小红", "王刚"]
    assert heading.options[ord(heading.answer[0]) - ord("A")] == "王刚"
    assert heading.explanation == "“治理有效聚民心”是石桥村党总支书记王刚的发言。"
    assert position.stem == "本版署名中，王刚的身份是（ ）"
    assert position.source == "王　刚 石桥村党总支书记"
    assert sorted(items["attr-li-xiaohong-heading"].options) == ["李小红", "王刚"]
    assert (display_name("王 刚"), display_name("Mary Smith"), display_name("欧阳 Li")) == (
        "王刚",
        "Mary Smith",
        "欧阳 Li",
    )
