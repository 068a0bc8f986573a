"""Quiz papers: select questions from a bank, shuffle options per version, build the answer key.

The one entry point is :func:`build_papers`::

    bank = load_bank("question_bank.yaml")
    papers = build_papers(bank, count=20, seed=7, versions=2)   # papers A and B
    key = papers[0].key()                                       # an AnswerKey for dump_key

The standard paper (no ``count``, ``mix`` or type filter) is :data:`DEFAULT_MIX` at
:data:`DEFAULT_POINTS`: 8 单选 × 5 + 4 多选 × 6 + 4 判断 × 4 + 4 填空 × 5 = 20 items,
满分 100.  ``mix`` sets the items per type; ``count`` alone draws that many of any type
(as before); ``total`` scales the points of the types ``points`` leaves open so the paper
totals it exactly.

Selection (the same for every version of one quiz):

* filters are combined with AND; the values of one filter with OR
  (``types=("single", "multiple")`` keeps both types);
* questions are drawn speech by speech in rounds (one from each speech that
  still has a matching question, those holding fewest first, ties in a seeded
  order), so no speech is left out when the count allows and none gets more than
  one extra while another still has an item that may join the paper; a bank
  merging several articles (:mod:`studykit.library`) is drawn article by article
  the same way (each round one item from each article, from its speech holding
  fewest), so each month's article is tested however many speeches it has;
* an item that would give away, or be given away by, one already drawn is passed
  over (:mod:`studykit._giveaway`: same fact, same source sentence, its key
  printed in the other's stem, or a speaker as its key and named in the other's
  stem); a draw left short is redrawn in another seeded order (up to
  :data:`STRICT_DRAWS`), and only a paper no such draw fills takes passed-over
  items, never two of one fact;
* byline items — who gave which speech, whose post is what, who said a sentence
  (the derived attribution items and the curated ones sharing their ``fact``) —
  fill at most :data:`MAX_BYLINE_SHARE` of a paper (rounded down), unless the
  other items cannot fill it (then as many as they leave, or, where only relaxing
  the giveaway rules fills an explicit count, as that draw takes them);
* the paper groups the items by type (单项选择题, 多项选择题, 判断题, 填空题) and,
  inside a section, follows the article (speech order, then bank order);
  numbering runs on across sections.

Versions differ only in the order of the options: each version shuffles them
with its own seeded generator and the key follows.  Catch-all options
(以上都是, 以上都不对 …) stay last.  The position of each single-choice key is
assigned from the least-used letters first (ties broken at random), so within
one paper no letter holds more than its share of the single-choice keys plus one.

Everything depends only on the bank, the options and the seed: the same input
gives the same papers.  String seeds for :class:`random.Random` are hashed with
SHA-512, which is stable across runs and platforms.
"""

from __future__ import annotations

from ..bank import BLANK_RE, CHOICE_MARKER, is_catch_all
from .build import PRINTED_MARKER, build_papers
from .draw import (
    STRICT_DRAWS,
    byline_ids,
    default_count,
    giveaway_pairs,
    mix_shortfall,
)
from .model import (
    DEFAULT_COUNT,
    DEFAULT_POINTS,
    DEFAULT_TOTAL,
    MAX_BYLINE_SHARE,
    MAX_POINTS,
    MULTIPLE_RULE,
    ORDINALS,
    SEED_LIMIT,
    Item,
    Paper,
    Section,
    format_points,
    parse_points,
    pick_seed,
)

__all__ = [
    "BLANK_RE",
    "CHOICE_MARKER",
    "DEFAULT_COUNT",
    "DEFAULT_POINTS",
    "DEFAULT_TOTAL",
    "MAX_BYLINE_SHARE",
    "MAX_POINTS",
    "MULTIPLE_RULE",
    "ORDINALS",
    "PRINTED_MARKER",
    "SEED_LIMIT",
    "STRICT_DRAWS",
    "Item",
    "Paper",
    "Section",
    "build_papers",
    "byline_ids",
    "default_count",
    "format_points",
    "giveaway_pairs",
    "is_catch_all",
    "mix_shortfall",
    "parse_points",
    "pick_seed",
]
