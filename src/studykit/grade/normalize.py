"""Reading answers as people really type them.

Every answer goes through :func:`clean` first: Unicode NFKC (full-width ``Ａ``,
``１．``, ``，`` and the ideographic space U+3000 become ``A``, ``1.``, ``,`` and a
space; the no-break space too), zero-width characters removed, whitespace
collapsed.  Then, by item type:

* choice items (:func:`read_choice`): letters in either case, with separators
  ``、，,;；/`` or none (``ACD`` = ``A、C、D``), inside brackets or followed by
  punctuation (``(A)``, ``[B]``, ``（B）``, ``D。``); or the option's text, several
  joined by ``┋`` as survey tools export them, or by ``、``/``，``/``；`` when every
  piece is exactly one option's text (``楼栋长、网格长、单元长``); ``其他〖…〗`` is a
  free-text choice that is never an option, shown as written (``其他：华中科技大学``) with a
  warning.  A letter followed by text
  (``A. 武汉大学``, ``C 实践…``, ``C实践要求`` — see :func:`_letter_and_text`) is the
  letter when the text fits its option (whole, cut short, abbreviated); when the text
  names another option, that option with a warning (letters change between versions
  of a paper, option texts do not); when it names none, the letter with a warning;
* true_false (:func:`read_truth`): 对/错 (and traditional 對/錯), 正确/错误
  (正確/錯誤), √/×, ✓/✗ (and ✔/✘), T/F, true/false, 是/否;
* fill_blank (:func:`read_blank`): any text, compared by :func:`blank_form`
  (NFKC, Traditional characters folded to Simplified one by one, no whitespace, no
  quotes, no trailing punctuation, no enclosing brackets, case-folded) with each
  accepted text of the key.

Option texts and the key's texts go through the same :func:`blank_form`, so ``網格化``
matches ``网格化`` (with a warning saying it was read in Simplified characters) while
``显着`` never matches ``显著`` (:mod:`studykit.grade.script`).

``(跳过)``, ``(空)`` and empty cells are unanswered.  What cannot be read (``？``,
``E`` on a four-option item, ``maybe`` on a true_false) is *unreadable*: the
caller scores it 0 and warns, showing it as written (``？``, not ``?``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..i18n import _, language, ngettext, retelling
from ..i18n import joined as joined_text
from ..key_model import KeyItem
from ..model import LETTERS
from ..text import LETTER_SEPARATORS as _LETTER_SEPS
from ..text import LETTER_WRAP as _LETTER_WRAP
from ..text import WHITESPACE as _WS
from ..text import blank_form as blank_form  # re-exported: its home is studykit.text
from ..text import clean as clean  # re-exported: its home is studykit.text
from ..text import fold
from .copied_stem import after_stem as _after_stem
from .copied_stem import bracketed_in_stem as _bracketed_in_stem
from .copied_stem import filled_stem as _filled_stem
from .copied_stem import in_order as _in_order
from .reading import Kind as Kind
from .reading import Reading as Reading
from .reading import read_truth as read_truth

#: What survey tools and people write for "no answer" (after :func:`clean`).
UNANSWERED = frozenset({"", "(跳过)", "(空)", "跳过", "(未答)", "未答", "(未作答)", "未作答", "-", "--", "/"})
_OTHER = re.compile(r"^其[他它]\s*[〖\[【](.*)[〗\]】]$", re.S)
_LETTER_PREFIX = re.compile(r"^([A-Za-z])\s*[.、:)\s]\s*(.+)$", re.S)
_LETTER_GLUED = re.compile(r"^([A-Za-z])([^\sA-Za-z].*)$", re.S)
_LATIN = re.compile(r"[A-Za-z]")
#: What joins option texts written for a multiple choice (after :func:`clean`).
_JOINERS = re.compile(r"\s*[、,;]\s*")
#: Joins several chosen options in a survey tool's export.
SURVEY_JOIN = "┋"


OTHER = "其他"
#: The most characters an answer may have (a stem and all its options take about 200).
MAX_ANSWER = 2_000


def _too_long(length: int) -> str:
    return _("an answer of {length:,} characters, more than the {limit:,} an answer may have; not read").format(
        length=length, limit=MAX_ANSWER
    )


def read_answer(text: str, item: KeyItem) -> Reading:
    """Read ``text`` as an answer to ``item`` (dispatching on its type).

    Cached (per interface language, as the readings' messages are in it): a branch's answers
    repeat (``A``, ``ABC``, ``对``), and readings are immutable.  An answer of more than
    :data:`MAX_ANSWER` characters is not read: it is unreadable (scored 0, with a warning),
    shown cut to its first 30 characters."""
    return _read_answer(text, item, language(), retelling())


@lru_cache(maxsize=1 << 16)
def _read_answer(text: str, item: KeyItem, lang: str, retold: bool) -> Reading:
    """:func:`read_answer` in the interface language ``lang``, its messages retellable when ``retold``
    (:func:`~studykit.i18n.retellable`; keys of the cache only)."""
    if len(text) > MAX_ANSWER:
        return Reading("unreadable", shown=_WS.sub(" ", text[:30]).strip() + "…", problem=_too_long(len(text)))
    cleaned = clean(text)
    if cleaned in UNANSWERED:
        return Reading("unanswered")
    noted = _noted(cleaned, item, lang, retold)
    if noted is not None:
        return noted
    if item.type in ("single", "multiple"):
        reading = read_choice(cleaned, item)
    elif item.type == "true_false":
        reading = read_truth(cleaned)
    else:
        filled = _filled_stem(cleaned, item.stem)  # the stem written out, the blank filled (or left empty)
        if filled == "" or filled is None:  # …而____是…落点。大都市: the stem copied, the answer after it
            filled = _after_stem(cleaned, item.stem) or filled
        reading = read_blank(cleaned if filled is None else filled)
    if reading.kind == "unreadable" and item.type != "fill_blank":
        inner = _bracketed_in_stem(cleaned, item.stem)  # the stem copied, the answer in its brackets
        if inner == "":  # the brackets left empty, as printed: not answered
            reading = Reading("unanswered")
        elif inner:
            again = read_choice(inner, item) if item.type != "true_false" else read_truth(inner)
            reading = again if again.kind == "answer" else reading
    if reading.kind == "unreadable" and item.type != "fill_blank":
        after = _after_stem(cleaned, item.stem)  # …的（　　）B: the stem copied, the answer after its bracket
        if after:
            again = read_choice(after, item) if item.type != "true_false" else read_truth(after)
            reading = again if again.kind == "answer" else reading
    if reading.kind == "unreadable":  # shown as the member wrote it, not in its NFKC form
        return replace(reading, shown=_WS.sub(" ", text).strip())
    folded = fold(cleaned)
    # Traditional, as Simplified (a true_false's 對/錯 are marks of their own, read as written: no note)
    if folded != cleaned and item.type != "true_false" and not any(clean(a) == cleaned for a in item.answer):
        note = _("read in Simplified characters: {text!r} as {folded!r}").format(text=cleaned, folded=folded)
        return replace(reading, warning=joined_text("; ", (w for w in (reading.warning, note) if w)))
    return reading


#: A note after an answer (after NFKC): ``大都市(不确定)``, ``B(我猜的)``, ``依法治理【?】`` — one bracket ending it.
_NOTE = re.compile(r"^(.*?[^\s(\[【])\s*[(\[【]([^()\[\]【】]{1,30})[)\]】]$", re.S)
#: A question mark (or several) ending an answer: ``大都市?``, ``B?`` (``？`` after NFKC).
_DOUBT = re.compile(r"^(.*?[^\s?])\s*\?+$", re.S)
#: A note before an answer (after NFKC): ``(不确定)大都市``, ``(猜的)B``, ``【?】依法治理`` — one bracket opening it.
_LEAD_NOTE = re.compile(r"^[(\[【]([^()\[\]【】]{1,30})[)\]】]\s*([^\s(\[【].*)$", re.S)


def _noted(cleaned: str, item: KeyItem, lang: str, retold: bool) -> Reading | None:
    """The reading of ``cleaned`` (an answer to ``item``) without the note a member wrote after it, warned of:
    ``大都市(不确定)`` is read as ``大都市``, ``B?`` as ``B`` — the note is no part of the answer, and a blank
    holding it would score as wrong.  ``None`` when ``cleaned`` holds no such note, or the note is part of
    the answer: a blank's accepted text (the key may hold brackets), or a choice or 判断 answer that
    reads whole (a copied stem ending in its filled bracket, ``…的(C)``).  A bracket is a note only when the
    text before it reads as an answer (then it is scored whether right or wrong)."""
    doubt = _DOUBT.match(cleaned)
    note = None if doubt else _NOTE.match(cleaned)
    if doubt is None and note is None:
        return _noted_before(cleaned, item, lang, retold)
    if note is not None and item.type == "fill_blank" and blank_form(cleaned) in accepted_forms(item):
        return None
    if note is not None and item.type != "fill_blank":
        whole = read_choice(cleaned, item) if item.type != "true_false" else read_truth(cleaned)
        if whole.kind == "answer" or _bracketed_in_stem(cleaned, item.stem) is not None:
            return None
    answer = (doubt or note).group(1)  # type: ignore[union-attr]
    reading = _read_answer(answer, item, lang, retold)
    if reading.kind != "answer":
        return None
    said = _("the answer {text!r} has a note after it ({note!r}), which is not graded: read as {answer!r}").format(
        text=cleaned, note=note.group(2) if note else "?", answer=answer
    )
    return replace(reading, warning=joined_text("; ", (w for w in (reading.warning, said) if w)))


def _noted_before(cleaned: str, item: KeyItem, lang: str, retold: bool) -> Reading | None:
    """The reading of ``cleaned`` without the note a member wrote before it (``(不确定)大都市``, ``(猜的)B``),
    warned of, as :func:`_noted` does for a note after it.  ``None`` when ``cleaned`` opens with no such
    note, or the bracket is part of the answer: a blank's accepted text, a choice or 判断 answer that
    reads whole, or a bracket that reads as an answer itself (``(A)武汉大学``: the letter and its option's
    text, not a note); and when the text after the bracket does not read as an answer."""
    note = _LEAD_NOTE.match(cleaned)
    if note is None:
        return None
    if item.type == "fill_blank":
        if blank_form(cleaned) in accepted_forms(item):
            return None
    else:
        read = read_choice if item.type != "true_false" else (lambda text, _item: read_truth(text))
        if read(cleaned, item).kind == "answer" or read(note.group(1).strip(), item).kind == "answer":
            return None
    answer = note.group(2)
    reading = _read_answer(answer, item, lang, retold)
    if reading.kind != "answer":
        return None
    said = _("the answer {text!r} has a note before it ({note!r}), which is not graded: read as {answer!r}").format(
        text=cleaned, note=note.group(1), answer=answer
    )
    return replace(reading, warning=joined_text("; ", (w for w in (reading.warning, said) if w)))


#: ``read_answer.cache_clear()`` empties the cache (of every language), as for an ``lru_cache``.
read_answer.cache_clear = _read_answer.cache_clear  # type: ignore[attr-defined]


@lru_cache(maxsize=1024)
def _option_forms(options: tuple[str, ...]) -> dict[str, int]:
    return {blank_form(opt): i for i, opt in reversed(list(enumerate(options)))}


@lru_cache(maxsize=1024)
def _option_list(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(blank_form(opt) for opt in options)


def _fit(form: str, option: str) -> int:
    """How a text (its :func:`blank_form`) fits an option's: 3 its whole text, 2 its start,
    1 an abbreviation (two characters or more of it, in order: ``网格化`` for
    ``以网格化推进社会治理精细化``), 0 not at all."""
    if form == option:
        return 3
    if option.startswith(form):
        return 2
    return 1 if len(form) >= 2 and _in_order(form, option) else 0


def _letter_and_text(part: str, options: tuple[str, ...]) -> tuple[int, str] | None:
    """A letter followed by text (``C 实践…``, ``C、实践要求``, ``C实践要求``): ``(index, warning)``,
    or ``None`` when ``part`` is no letter and text or cannot be read as one.

    * the text fits the letter's option (its whole text, its start cut short, an
      abbreviation) and is not another option's whole text: the letter, no warning;
    * else, when the text names exactly one other option — its whole text, else its
      start of two characters or more — that option, with a warning that letter and
      text differ: letters change between versions of a paper, texts do not;
    * else (the text fits several other options, only abbreviates one, or fits none)
      the letter, with a warning saying so — unless the letter is not an option or the
      text holds a Latin letter (``A 和 C``): then ``None``, nothing is guessed.

    A letter glued to the text (no separator) is read only with an option's whole text:
    ``C实践要求``, not ``C实践``."""
    glued = False
    prefixed = _LETTER_PREFIX.match(part)
    if prefixed is None:
        prefixed = _LETTER_GLUED.match(part)
        glued = True
        if prefixed is None:
            return None
    letter, text = prefixed.group(1).upper(), prefixed.group(2)
    form = blank_form(text)
    if not form:
        return None
    fits = [_fit(form, option) for option in _option_list(options)]
    best = max(fits)
    if glued and best < 3:
        return None
    own = LETTERS.index(letter)
    own_fit = fits[own] if own < len(fits) else 0
    if own_fit and (own_fit == 3 or best < 3):
        return own, ""
    # another option is named by its whole text, else by its start (two characters or more)
    named = [i for i, f in enumerate(fits) if f == 3] or [i for i, f in enumerate(fits) if f == 2 and len(form) >= 2]
    shown = text[:20]
    if len(named) == 1:
        return named[0], _(
            "the letter {letter} and the text {text!r} name different options; "
            "counted as {named}, the option the text names"
        ).format(letter=letter, text=shown, named=LETTERS[named[0]])
    if own >= len(fits) or _LATIN.search(text):
        return None
    fitting = [LETTERS[i] for i, f in enumerate(fits) if f]
    if fitting:
        return own, ngettext(
            "the text {text!r} after the letter {letter} fits option {fitting}, not {letter}; "
            "counted as {letter}, the letter written",
            "the text {text!r} after the letter {letter} fits options {fitting}, not {letter}; "
            "counted as {letter}, the letter written",
            len(fitting),
        ).format(text=shown, letter=letter, fitting="、".join(fitting))
    return own, _(
        "the text {text!r} after the letter {letter} is not the text of any option; "
        "counted as {letter}, the letter written"
    ).format(text=shown, letter=letter)


def _joined_texts(part: str, options: tuple[str, ...]) -> list[int] | None:
    """The options of ``part`` written as option texts joined by ``、``, ``，`` or ``；``
    (``楼栋长、网格长、单元长``) when every piece is exactly one option's text (an option's
    text holding ``、`` itself is one piece); else ``None``."""
    cuts = [(m.start(), m.end()) for m in _JOINERS.finditer(part)]
    if not cuts:
        return None
    forms = _option_forms(options)
    # a run of pieces reads as one option only if that option's text holds the joiners between
    # them: so a piece is joined to at most `span` more (linear, not cubic, in the length)
    span = max((sum(form.count(c) for c in "、,;") for form in forms), default=0) + 1
    starts = [0, *(end for _, end in cuts)]
    ends = [*(start for start, _ in cuts), len(part)]
    # reach[k]: how the start of piece k is reached — (the piece before it, its option) — or
    # None: not reachable; followed back from the end (no list copied per piece)
    reach: list[tuple[int, int] | None] = [(-1, -1), *([None] * len(cuts))]
    for k, begun in enumerate(reach):
        if begun is None:
            continue
        for j in range(k, min(len(ends), k + span + 1)):
            index = forms.get(blank_form(part[starts[k] : ends[j]]))
            if index is None:
                continue
            if j == len(ends) - 1:
                read = [index]
                while k > 0:
                    k, index = reach[k]  # type: ignore[misc]
                    read.append(index)
                return read[::-1]
            if reach[j + 1] is None:
                reach[j + 1] = (k, index)
    return None


def _spaced_options(part: str, options: tuple[str, ...]) -> list[int] | None:
    """The options of ``part`` written apart by white space (``探索性 多样性 创新性``,
    ``B.技术治理的有效支撑 D.网格管理经验的积累``, ``B 技术治理的有效支撑 D 网格管理经验的积累``: a letter
    alone is joined to the text after it) when every piece is one option's whole text,
    or a letter with its own option's text (:func:`_letter_and_text` without a warning);
    else ``None``: nothing is guessed."""
    pieces: list[str] = []
    for piece in part.split():  # ``B 技术治理的有效支撑``: a letter alone, then its text
        if pieces and len(pieces[-1]) == 1 and pieces[-1].isascii() and pieces[-1].isalpha() and not piece.isascii():
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    if len(pieces) < 2:
        return None
    forms = _option_forms(options)
    read: list[int] = []
    for piece in pieces:
        index = forms.get(blank_form(piece))
        if index is None:
            lettered = _letter_and_text(piece, options)
            if lettered is None or lettered[1]:
                return None
            index = lettered[0]
        read.append(index)
    return read


def _letters(part: str, n_options: int) -> tuple[list[str], str]:
    """Letters in ``part`` and "" — or [] and why not."""
    squeezed = _LETTER_SEPS.sub("", part).upper()
    if not squeezed or not re.fullmatch(r"[A-Z]+", squeezed):
        return [], "not letters"
    beyond = sorted({c for c in squeezed if LETTERS.index(c) >= n_options})
    if beyond:
        last = LETTERS[n_options - 1]
        return [], _("{letters} is not an option of this item (it has A–{last})").format(
            letters="、".join(beyond), last=last
        )
    return sorted(set(squeezed)), ""


def read_choice(cleaned: str, item: KeyItem) -> Reading:
    """Read a cleaned answer to a single or multiple item: letters or option texts."""
    n_options = len(item.options) or len(LETTERS)
    last = LETTERS[n_options - 1]
    parts = [p.strip() for p in cleaned.split(SURVEY_JOIN)] if SURVEY_JOIN in cleaned else [cleaned]
    chosen: set[str] = set()
    other = False
    free_text = ""  # what a survey's 其他〖…〗 holds, as written
    warnings: list[str] = []
    for part in parts:
        if not part:
            continue
        free = _OTHER.match(part)
        if free:
            other = True
            free_text = free_text or clean(free.group(1))
            continue
        index = _option_forms(item.options).get(blank_form(part)) if item.options else None
        if index is not None:
            chosen.add(LETTERS[index])
            continue
        letters, why = _letters(part.strip(_LETTER_WRAP) or part, n_options)
        if letters:
            chosen.update(letters)
            continue
        read = _letter_and_text(part, item.options) if item.options else None
        if read is not None:
            chosen.add(LETTERS[read[0]])
            if read[1]:
                warnings.append(read[1])
            continue
        joined = _joined_texts(part, item.options) if item.options else None
        if joined is None and item.options:
            joined = _spaced_options(part, item.options)
        if joined is not None:
            chosen.update(LETTERS[i] for i in joined)
            continue
        return Reading(
            "unreadable",
            shown=cleaned,
            problem=_("expected letters A–{last} or option texts").format(last=last) if why == "not letters" else why,
        )
    if not chosen and not other:
        return Reading("unanswered")
    letters_sorted = sorted(chosen)
    choices = (*letters_sorted, OTHER) if other else tuple(letters_sorted)
    if item.type == "single" and len(choices) > 1:  # AB, A B, a Word cell of two paragraphs A and B
        warnings.append(
            _("{count} options chosen ({chosen}) on a single-choice item, which has one answer; scored 0").format(
                count=len(choices), chosen="、".join(choices)
            )
        )
    if free_text:  # shown as the member wrote it: 其他：华中科技大学
        same = _option_forms(item.options).get(blank_form(free_text)) if item.options else None
        if same is None:
            message = _("{other} with the text {text!r}, which is not one of the options; shown as written")
        else:  # the text of an option typed under 其他: the option was not chosen, and is not counted
            message = _(
                "{other} with the text {text!r} (option {letter}'s text, typed under {other}: not counted as "
                "choosing {letter}); shown as written"
            )
        warnings.append(message.format(other=OTHER, text=free_text, letter=LETTERS[same or 0]))
        return Reading(
            "answer",
            choices,
            "、".join([*letters_sorted, f"{OTHER}：{free_text}"]),
            warning=joined_text("; ", warnings),
        )
    return Reading("answer", choices, "、".join(choices), warning=joined_text("; ", warnings))


def read_blank(cleaned: str) -> Reading:
    """Read a cleaned answer to a fill_blank item (``其他〖…〗`` gives its text)."""
    free = _OTHER.match(cleaned)
    if free:
        cleaned = clean(free.group(1))
    form = blank_form(cleaned)
    if not form:
        if cleaned and set(cleaned) <= set("?？"):
            return Reading("unreadable", shown=cleaned, problem=_("expected the text of the blank"))
        return Reading("unanswered")
    if set(form) <= set("?"):
        return Reading("unreadable", shown=cleaned, problem=_("expected the text of the blank"))
    return Reading("answer", (form,), cleaned)


@lru_cache(maxsize=1024)
def accepted_forms(item: KeyItem) -> frozenset[str]:
    """The :func:`blank_form` of every accepted text of a fill_blank ``item``."""
    return frozenset(blank_form(a) for a in item.answer)
