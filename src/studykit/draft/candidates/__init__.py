"""Drafting rules: candidate questions read off an article's own structure.

Each rule module turns sentences of the article into :class:`Draft` questions whose source
is a whole sentence of their part, verbatim:

* :mod:`.quotes` — quoted formulations “…” and titles 《…》 → fill_blank, single;
* :mod:`.lists` — enumerations with 、 → multiple, fill_blank (a task's verb keeps its object:
  :mod:`.objects`);
* :mod:`.clauses` — parallel verb-led clauses and ；-lists → multiple;
* :mod:`.points` — numbered points 一是…二是…, 第一，…第二，…, 一要…二要…, 首先…其次…最后, and
  those of :mod:`.numbering` (第一个方面, 一方面…另一方面, （1）, ①, （一）) in a paragraph or as heading
  lines → single, true_false; runs nothing introduces are named apart (:mod:`.labels`);
* :mod:`.judgements` — ``X是Y`` → true_false (true, and false with a sibling subject), and for a
  part that lacks them a fill-in ``X是____`` and a single choice ``X是（ ）``;
* :mod:`.numbers` — numbers, counts and dates → single with near values, true_false;
* :mod:`.statements` — for a part without them, a multiple choice (and true/false items)
  of statements read off its single-choice drafts.

What the author says of themself (我谈两点认识, 我将…) is then left out (:mod:`.person`), and so is
an item whose 他/她 or quoted 我们 stands for someone its stem does not name (:mod:`.referents`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

from ...bank import MAX_LETTER_SHARE
from ...model import LETTERS
from ..split import Part
from .clauses import draft_clauses
from .judgements import draft_judgements, judgement_fallbacks
from .lists import draft_lists
from .model import LETTERS_OF, Draft
from .numbers import draft_numbers
from .person import as_said, of_self, plans_points
from .points import distinct_runs, draft_heading_points, draft_points
from .quotes import draft_quotes
from .referents import as_speakers, dangling, once_named, shows_its_count, with_referent
from .statements import draft_statements
from .text import sentences, unstacked, who

__all__ = ["Draft", "balance_keys", "draft_questions"]


def draft_questions(parts: tuple[Part, ...] | list[Part]) -> list[Draft]:
    """Every draft the rules find in ``parts``, in part order (rule order within a part)."""
    found = [s for p in parts for s in sentences(p)]
    turn = itertools.count()
    drafts = [
        *draft_quotes(found, turn),
        *draft_lists(found, turn),
        *draft_clauses(found, turn),
        *draft_points(found, turn),
        *draft_heading_points(parts, turn),
        *draft_judgements(found, turn),
        *draft_numbers(found, turn),
    ]
    named = {p.id: bool(p.speaker) for p in parts}

    def about_facts(found: list[Draft]) -> list[Draft]:  # not what the author says of themself (我谈两点认识)
        return [
            d for d in found if not plans_points(d) and (d.rule == "points" or not of_self(d, named=named[d.speech]))
        ]

    drafts = about_facts(distinct_runs(drafts))
    drafts.extend(judgement_fallbacks(found, drafts, turn))
    for part in parts:
        drafts.extend(draft_statements(part, drafts, turn))
    drafts = about_facts(drafts)
    by_id = {p.id: p for p in parts}
    drafts = [as_said(d, by_id[d.speech]) for d in drafts]  # 张强在发言中说：“我在调研中看到……”
    drafts = [as_speakers(d, by_id[d.speech]) for d in drafts]  # 《…》一文中，陈建国在会上谈到“我们…”时
    drafts = [d for d in drafts if d.rule == "points" or not _LEANING_ANSWER_RE.match(d.source)]
    drafts = [with_referent(d, by_id[d.speech]) for d in drafts]  # 她要求 → 李红梅要求, where 她 is certainly she
    drafts = [once_named(d, by_id[d.speech]) for d in drafts]  # not 王刚指出，王刚建议，…
    drafts = [
        dataclasses.replace(d, stem=unstacked(d.stem, by_id[d.speech])) for d in drafts
    ]  # not 一文指出，赵德明说，
    drafts = [d for d in drafts if not named_in_title(d, by_id[d.speech]) and not dangling(d, by_id[d.speech])]
    shown = {d.fact for d in drafts if shows_its_count(d)}  # the count's statement shares its fact
    drafts = [d for d in drafts if d.rule != "numbers" or d.fact not in shown]
    order = {p.id: n for n, p in enumerate(parts)}
    return balance_keys(share_facts(distinct(sorted(drafts, key=lambda d: order[d.speech]))))


def distinct(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without a repeat of an earlier one's type, stem and options: two rules may state one
    sentence alike (``今年是全面贯彻落实党的二十大精神的关键之年。`` as a judgement and as a number's
    true statement), and a reviewer would read the same item twice."""
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    out = []
    for d in drafts:
        key = (d.type, d.stem, d.options)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


#: An interview's answer opening with a verb whose subject is the question's (问：…有哪些重点？ 答：主要有
#: 三个方面。): alone it says nothing (``一文指出，主要有三个方面。``); it still names the points after it.
_LEANING_ANSWER_RE = re.compile(r"^答[:：]\s*(?:主要|一共|共|大致)?(?:有|是|分为|包括)[^，,；;。！？!?]*[。！？!?]$")


def named_in_title(draft: Draft, part: Part) -> bool:
    """Whether the title by which ``draft``'s stem names its article prints the key (``《东湖村：党员认领
    “微心愿”》一文指出，…认领“____”活动`` keyed 微心愿): a fill-in's answer or a correct option's
    text (without its “”《》) inside the title (:func:`.text.who`) gives the item away."""
    name = who(part)
    if not part.article or not draft.stem.startswith(name):
        return False
    if draft.type == "fill_blank":
        keys = list(draft.answer)
    elif draft.options:
        keys = [draft.options[LETTERS_OF[x]] for x in draft.answer]
    else:
        return False
    return any(len(k) >= 2 and k in name for k in (key.strip("“”《》") for key in keys))


def share_facts(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with one ``fact`` for every group that tests one list or one sentence: drafts
    sharing a fact or a source sentence (of one part) are joined, transitively, and all take the
    group's first fact (a list's fill-in showing the members its multiple choice asks for, a
    point's true/false naming the key of its single choice).  A paper takes one draft of a fact."""
    root: dict[str, str] = {}

    def find(key: str) -> str:
        while root.setdefault(key, key) != key:
            key = root[key]
        return key

    for d in drafts:
        keys = [f"s:{d.speech}:{d.source}", *([f"f:{d.fact}"] if d.fact else [])]
        for k in keys[1:]:
            a, b = find(keys[0]), find(k)
            if a != b:
                root[b] = a
    name: dict[str, str] = {}
    for d in drafts:
        name.setdefault(find(f"s:{d.speech}:{d.source}"), d.fact or f"{d.speech}/sentence-{len(name)}")
    return [dataclasses.replace(d, fact=name[find(f"s:{d.speech}:{d.source}")]) for d in drafts]


def balance_keys(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with the single choices' keys spread over the letters when one letter would hold
    more than ``check``'s share (:data:`~studykit.bank.MAX_LETTER_SHARE` of five or more): each
    single's options are rotated, their order kept, so its key is the letter used least so far
    (the n-th single's letter n on a tie).  Drafts already spread are returned unchanged."""
    singles = [d for d in drafts if d.type == "single"]
    keys = Counter(d.answer[0] for d in singles)
    if len(singles) < 5 or max(keys.values()) / len(singles) <= MAX_LETTER_SHARE:
        return drafts
    turned: dict[int, Draft] = {}
    used = [0] * len(LETTERS)
    # items of fewer options first: the letters only longer ones have (D) are left for those
    order = sorted(range(len(singles)), key=lambda n: len(singles[n].options))
    for n, d in ((n, singles[n]) for n in order):
        size, key = len(d.options), LETTERS_OF[d.answer[0]]
        target = min(range(size), key=lambda i: (used[i], (i - n) % size))
        used[target] += 1
        options = tuple(d.options[(j + key - target) % size] for j in range(size))
        turned[id(d)] = dataclasses.replace(d, options=options, answer=(LETTERS[target],))
    return [turned.get(id(d), d) for d in drafts]
