"""studykit draft: the defects a new user found drafting two news reports (round 6).

Each test drafts a small excerpt of the user's article through the CLI (``studykit draft``), reads
the bank back and pins the exact stems, keys and counts drafted of it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from draftkit import draft_questions
from studykit.draft.candidates.model import Draft
from studykit.draft.candidates.referents import shows_its_count


def _draft(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """Draft ``text`` through the CLI, check the bank, and return its questions."""
    return draft_questions(tmp_path, text, article="新闻.txt", check=True)[1]


def _asked(questions: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(q["type"], q["stem"], q.get("options"), q["answer"]) for q in questions if not q.get("derived")]


TITLE = "青山镇召开冬季农村党员集中培训会"
POINTS = "一是带头学习党的二十届三中全会精神，二是带头发展特色种植产业，三是带头化解邻里矛盾纠纷"
SHE = f"""{TITLE}

培训会上，镇党委书记李红梅作动员讲话。她说：“我们今年把培训课堂搬到田间地头，让党员在实践中学本领。”她要求，全镇党员要做到三个带头：{POINTS}。

青山镇是全省乡村振兴示范镇。
"""
NAME = f"《{TITLE}》一文"
ASKED = f"{NAME}在谈到“全镇党员要做到三个带头”时，列举的"
THREE = ["带头学习党的二十届三中全会精神", "带头发展特色种植产业", "带头化解邻里矛盾纠纷"]
POINT_ITEMS = [
    ("single", ASKED + "第一点是（ ）", THREE, "A"),
    ("single", ASKED + "第二点是（ ）", THREE, "B"),
    ("single", ASKED + "第三点是（ ）", THREE, "C"),
    ("true_false", ASKED + "第二点是“带头发展特色种植产业”。", None, True),
    ("true_false", ASKED + "第一点是“带头发展特色种植产业”。", None, False),
]


def test_a_sentence_whose_subject_is_she_names_her(tmp_path: Path) -> None:
    """``她要求，全镇党员…``: 她 is 李红梅, the one person the passage names; ``一文指出，她要求，…`` named
    nobody and was dropped (round 6), it now names her (round 7: ``李红梅要求，…``, the source verbatim
    with 她); the points, whose stem names the passage by words without 她, stay.  The multiple's option
    read off a point names no article (it printed 《…》一文 again inside 下列说法符合《…》一文的有)."""
    questions = _draft(tmp_path, SHE)
    she = f"{NAME}指出，李红梅要求，全镇党员要做到三个带头："
    assert _asked(questions) == [
        *POINT_ITEMS,
        ("true_false", f"{NAME}指出，青山镇是全省乡村振兴示范镇。", None, True),
        ("single", she + POINTS.replace("二十届三中全会", "（ ）"),
         ["二十届三中全会", "二十届二中全会", "二十届四中全会", "十九届三中全会"], "A"),
        ("true_false", she + POINTS.replace("三中全会", "二中全会") + "。", None, False),
        ("fill_blank", f"{NAME}指出，青山镇是____。", None, ["全省乡村振兴示范镇"]),
        ("multiple", f"下列说法符合{NAME}的有（ ）",
         [she[len(NAME) + 3 :] + POINTS.replace("三中全会", "二中全会"), ASKED[len(NAME) :] + "第一点是" + THREE[0],
          she[len(NAME) + 3 :] + POINTS.replace("三中全会", "四中全会"), she[len(NAME) + 3 :] + POINTS], "BD"),
    ]  # fmt: skip
    assert not any("她" in q["stem"] or any("她" in o for o in q.get("options", [])) for q in questions)
    assert {q["source"] for q in questions if "李红梅要求" in q["stem"]} == {
        f"她要求，全镇党员要做到三个带头：{POINTS}。"
    }


def test_a_sentence_whose_subject_is_he_names_the_one_person_of_the_text(tmp_path: Path) -> None:
    """A 通讯 naming 李德民 only in its subtitle: ``上任第一天，他就挨家挨户走访，3个月…`` gave 4 items
    with 他 (round 5), none (round 6); 他 is the one person the text names, so the 4 items name him."""
    questions = draft_questions(
        tmp_path,
        "扎根山村二十年的“老支书”\n——记东湖村党支部书记李德民\n\n上任第一天，他就挨家挨户走访，3个月走遍了全村218户。\n",
        check=True,
    )[1]
    said = "《扎根山村二十年的“老支书”》一文指出，上任第一天，李德民就挨家挨户走访，"
    assert [q["stem"] for q in questions] == [
        said + "（ ）走遍了全村218户",
        said + "3个月走遍了全村218户。",
        said + "3个月走遍了全村（ ）",
        said + "3个月走遍了全村208户。",
    ]


def test_a_count_whose_points_follow_in_the_stem_is_not_asked(tmp_path: Path) -> None:
    """``要做到（ ）带头：一是…，二是…，三是…`` with 两个/四个/五个/三个 showed its key; the count is
    not asked nor stated (2 items fewer), and 二十届三中全会 inside 一是 is still asked."""
    text = f"{TITLE}\n\n会议要求，全镇党员要做到三个带头：{POINTS}。\n\n青山镇是全省乡村振兴示范镇。\n"
    questions = _draft(tmp_path, text)
    said = f"{NAME}指出，会议要求，全镇党员要做到三个带头："
    numbers = [x for x in _asked(questions) if x[1].startswith(said)]
    assert numbers == [
        ("single", said + POINTS.replace("二十届三中全会", "（ ）"),
         ["二十届三中全会", "二十届二中全会", "二十届四中全会", "十九届三中全会"], "A"),
        ("true_false", said + POINTS.replace("三中全会", "二中全会") + "。", None, False),
    ]  # fmt: skip
    assert _asked(questions)[:5] == POINT_ITEMS
    assert len(questions) == 10
    assert not any(set(q.get("options", [])) & {"两个", "四个", "五个"} for q in questions)


SPEAKER = (
    "河口村党支部开展主题党日活动\n\n{who}在会上说：“我们村今年新建了5个党员先锋岗，开展了政策宣讲、技能培训、"
    "文艺演出等志愿服务。下一步，我们要做好三件事：一是抓好冬季防火，二是关心困难群众，三是办好村民议事会。”"
    "\n\n河口村是全县文明村。\n"
)
VILLAGE = "《河口村党支部开展主题党日活动》一文"
VILLAGE_ITEMS = [
    ("true_false", f"{VILLAGE}指出，河口村是全县文明村。", None, True),
    ("fill_blank", f"{VILLAGE}指出，河口村是____。", None, ["全县文明村"]),
]


def test_a_speakers_we_is_quoted_as_the_speakers(tmp_path: Path) -> None:
    """``陈建国在会上说：“…我们要做好三件事：一是…”``: the points were asked ``《…》一文在谈到“我们要做好
    三件事”时``, the speaker's 我们 as the article's; the stem now names who says it, by the words
    before 说 as printed."""
    said = f"{VILLAGE}中，村党支部书记陈建国在会上谈到“我们要做好三件事”时，列举的"
    three = ["抓好冬季防火", "关心困难群众", "办好村民议事会"]
    assert _asked(_draft(tmp_path, SPEAKER.format(who="村党支部书记陈建国"))) == [
        ("single", said + "第一点是（ ）", three, "A"),
        ("single", said + "第二点是（ ）", three, "B"),
        ("single", said + "第三点是（ ）", three, "C"),
        ("true_false", said + "第二点是“关心困难群众”。", None, True),
        ("true_false", said + "第一点是“关心困难群众”。", None, False),
        VILLAGE_ITEMS[0],
        # round 7: a number in a speaker's words is theirs, quoted (it was not drafted)
        ("single", f"{VILLAGE}中，村党支部书记陈建国在会上说：“我们村今年新建了（ ）党员先锋岗，开展了政策宣讲、"
         "技能培训、文艺演出等志愿服务。”", ["4个", "6个", "3个", "5个"], "D"),
        ("true_false", f"{VILLAGE}中，村党支部书记陈建国在会上说：“我们村今年新建了5个党员先锋岗，开展了政策宣讲、"
         "技能培训、文艺演出等志愿服务。”", None, True),
        VILLAGE_ITEMS[1],
    ]  # fmt: skip


def test_a_speakers_we_with_no_name_before_it_is_not_drafted(tmp_path: Path) -> None:
    """``他在会上说：“…我们要做好三件事…”``: the words before 说 name nobody either (他), so the
    points are not drafted (5 items fewer), nor is anything with 他."""
    assert _asked(_draft(tmp_path, SPEAKER.format(who="他"))) == VILLAGE_ITEMS


def test_an_articles_own_we_still_introduces_its_points(tmp_path: Path) -> None:
    """An article written as ``我们重点抓好三件事：一是…`` (no quotation) is the article's 我们: its
    points are drafted as before, ``…一文在谈到“我们重点抓好三件事”时``."""
    text = (
        "河口村党支部开展主题党日活动\n\n我们重点抓好三件事：一是抓好冬季防火，二是关心困难群众，三是办好村民议事会。"
        "\n\n河口村是全县文明村。\n"
    )
    stems = [q["stem"] for q in _draft(tmp_path, text) if q["type"] == "single"]
    assert stems[:3] == [
        f"《河口村党支部开展主题党日活动》一文在谈到“我们重点抓好三件事”时，列举的第{n}点是（ ）" for n in "一二三"
    ]


@pytest.mark.parametrize(
    ("stem", "shown"),
    [
        ("会议要求，党员要做到（ ）带头：一是带头学习，二是带头致富，三是带头调解", True),
        ("抓好（ ）工作：第一，抓学习；第二，抓服务", True),
        ("体现在（ ）方面：①把方向；②聚力量", True),
        ("包括（ ）内容：（1）理论学习；（2）实践锻炼", True),
        ("要处理好（ ）关系，一方面要抓发展，另一方面要保稳定", True),
        ("会议要求，一是带头学习党的（ ）精神，二是带头致富，三是带头调解", False),  # inside the first point
        ("全镇（ ）村的186名农村党员参加培训", False),
        ("做到（ ）带头：一是带头学习", False),  # one marker: no run shown
    ],
)
def test_which_count_stems_show_their_key(stem: str, shown: bool) -> None:
    """:func:`shows_its_count` on number items' stems: a run of points from its first marker after
    the （ ） shows the count; a number inside the first point, or a single marker, does not."""
    draft = Draft("part-1", "single", stem, ("A",), "", "", "numbers", ("三个", "两个", "四个"))
    assert shows_its_count(draft) is shown
    assert shows_its_count(dataclasses.replace(draft, rule="points")) is False
