"""Anki decks (``.apkg``) from a question bank, built with genanki.

The package holds a parent deck named after the bank's title and one subdeck per
part of the article, in bank order: ``<title>::00 导语``, ``<title>::01 第1篇`` …
(named by position, never by speaker or heading, which would answer the subdeck's
"whose speech is …" / "who said …" cards); a package of several banks holds one such
parent deck per bank (:func:`build_library_package`).  Each question becomes one note:

* ``single``/``multiple`` → note type :data:`CHOICE_MODEL` (one card);
* ``true_false`` → :data:`TRUE_FALSE_MODEL` (one card);
* ``fill_blank`` → :data:`CLOZE_MODEL`, the stem's ``____`` becoming ``{{c1::answer}}``.

Identity (what lets a re-import update the user's notes in place and keep their
review history):

* note type (model) ids are the fixed constants below;
* deck ids derive from the bank id and the speech id (:func:`deck_id_for`);
* note GUIDs derive from the bank id and the question id (:func:`note_guid`),
  never from field text, so fixing a typo in the bank updates the note.

Anki updates an existing note only when the incoming one is newer.  genanki
stamps every note (and note type) with the package's ``timestamp`` (whole
seconds): by default the current time, so a later export updates the notes a
user imported earlier; pass a fixed ``timestamp`` for reproducible packages.
Notes unchanged since the package already at the output path keep its time, so
a re-import updates only the notes whose text changed (:func:`write_package`).

Every bank text is HTML-escaped before it goes into a field; the only markup in
fields is our own (option lists, ``<mark>`` around the answer in the source, line
breaks).  Templates use nothing but field substitution and ``{{#Field}}``
sections, so cards render the same on Anki desktop, AnkiDroid and AnkiMobile.
"""

from __future__ import annotations

from ..bank.select import select_speeches as select_speeches
from ..formats import MAX_TIMESTAMP
from .note_types import CHOICE_FIELDS as CHOICE_FIELDS
from .note_types import CHOICE_MODEL as CHOICE_MODEL
from .note_types import CHOICE_MODEL_ID as CHOICE_MODEL_ID
from .note_types import CLOZE_FIELDS as CLOZE_FIELDS
from .note_types import CLOZE_MODEL as CLOZE_MODEL
from .note_types import CLOZE_MODEL_ID as CLOZE_MODEL_ID
from .note_types import CSS as CSS
from .note_types import INTRO_DECK as INTRO_DECK
from .note_types import MODELS as MODELS
from .note_types import TRUE_FALSE_FIELDS as TRUE_FALSE_FIELDS
from .note_types import TRUE_FALSE_MODEL as TRUE_FALSE_MODEL
from .note_types import TRUE_FALSE_MODEL_ID as TRUE_FALSE_MODEL_ID
from .notes import build_deck as build_deck
from .notes import build_notes as build_notes
from .notes import cloze_text as cloze_text
from .notes import deck_id_for as deck_id_for
from .notes import deck_name as deck_name
from .notes import deck_part as deck_part
from .notes import field_html as field_html
from .notes import highlight as highlight
from .notes import model_for as model_for
from .notes import note_fields as note_fields
from .notes import note_guid as note_guid
from .notes import note_tags as note_tags
from .package import MAX_PREVIOUS as MAX_PREVIOUS
from .package import DeckCount as DeckCount
from .package import DeckSummary as DeckSummary
from .package import build_library_package as build_library_package
from .package import build_package as build_package
from .package import check_timestamp as check_timestamp
from .package import dropped_line as dropped_line
from .package import package_bytes as package_bytes
from .package import summarize_package as summarize_package
from .package import write_deck as write_deck
from .package import write_package as write_package

__all__ = [
    "CHOICE_FIELDS",
    "CHOICE_MODEL",
    "CHOICE_MODEL_ID",
    "CLOZE_FIELDS",
    "CLOZE_MODEL",
    "CLOZE_MODEL_ID",
    "CSS",
    "INTRO_DECK",
    "MAX_PREVIOUS",
    "MAX_TIMESTAMP",
    "MODELS",
    "TRUE_FALSE_FIELDS",
    "TRUE_FALSE_MODEL",
    "TRUE_FALSE_MODEL_ID",
    "DeckCount",
    "DeckSummary",
    "build_deck",
    "build_library_package",
    "build_notes",
    "build_package",
    "check_timestamp",
    "cloze_text",
    "deck_id_for",
    "deck_name",
    "deck_part",
    "dropped_line",
    "field_html",
    "highlight",
    "model_for",
    "note_fields",
    "note_guid",
    "note_tags",
    "package_bytes",
    "select_speeches",
    "summarize_package",
    "write_deck",
    "write_package",
]
