"""A stem that names its article, for a paper drawing on several articles (``quiz --bank 2025/``).

A bank's stems name their article's parts the way one article's paper can: ``导语指出，…``,
``文章指出，…``, ``本版发言“…”的发言者是（ ）`` (:mod:`studykit.attribution`).  On a paper mixing
articles these no longer say which article is meant, so a stem opening with such a word (or
``下列说法符合导语…``) gets its article's title: ``《以学促干》导语指出，…``, ``《以学促干》一文指出，…``,
``《以学促干》中的发言“…”的发言者是（ ）``.  A stem naming a speaker, an event or a quotation is left
as it is.  With one bank (no :attr:`~studykit.model.Speech.article`) every stem is unchanged.
"""

from __future__ import annotations

#: What stands for "this article" → how it reads with the title ``{t}``, tried in order.
_GENERIC: tuple[tuple[str, str], ...] = (
    ("本版发言者中", "《{t}》的发言者中"),
    ("本版发言", "《{t}》中的发言"),
    ("本版署名中", "《{t}》的署名中"),
    ("本版", "《{t}》"),
    ("导语", "《{t}》导语"),
    ("本文", "《{t}》一文"),
    ("文章", "《{t}》一文"),
)
#: Words before the generic one that still make it the stem's subject (``下列说法符合导语的有``).
_LEADS = ("", "下列说法符合", "下列说法不符合", "根据")


def name_article(stem: str, article: str) -> str:
    """``stem`` with its opening 导语 / 文章 / 本文 / 本版 (after :data:`_LEADS`) naming ``article``;
    ``stem`` itself when ``article`` is ``""`` or the stem opens otherwise.

    >>> name_article("文章指出，要坚持“四下基层”。", "以学促干")
    '《以学促干》一文指出，要坚持“四下基层”。'
    >>> name_article("下列说法符合导语的有（ ）", "以学促干")
    '下列说法符合《以学促干》导语的有（ ）'
    >>> name_article("李明华指出，…", "以学促干")
    '李明华指出，…'
    """
    if not article:
        return stem
    for lead in _LEADS:
        if not stem.startswith(lead):
            continue
        rest = stem[len(lead) :]
        for word, named in _GENERIC:
            if rest.startswith(word):
                return lead + named.format(t=article) + rest[len(word) :]
    return stem
