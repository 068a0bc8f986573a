"""Write studykit's message template, ``src/studykit/locale/studykit.pot``.

It holds every msgid the interface can show:

1. studykit's own ``_()`` / ``ngettext()`` calls, extracted by Babel with ``babel.cfg``;
2. click's own messages (``Usage:``, ``Error: {message}``, ``No such option: {name}`` …),
   extracted by Babel from the installed click package — click translates them with the
   global text domain, which the CLI points at studykit's catalog;
3. every help text, short help and metavar of the ``studykit`` command tree, walked with
   :func:`studykit._clihelp.help_messages` (the decorators' texts stay English and are
   translated when help is shown).

Then update and compile the Chinese catalog (see README.md, "Translations")::

    python tools/extract_messages.py
    pybabel update -D studykit -i src/studykit/locale/studykit.pot -d src/studykit/locale
    pybabel compile -D studykit -d src/studykit/locale
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

import studykit
from studykit._clihelp import help_messages
from studykit.cli import main

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "src" / "studykit" / "locale" / "studykit.pot"
#: click's msgids that reach ``_()`` through a variable, which extraction cannot see
#: (``extra["required"] = "required"``, then ``_(extra["required"])`` in an option's help).
CLICK_INDIRECT = ("required",)


def build_catalog() -> Catalog:
    """The template: studykit's messages, click's, then the help texts (first place wins)."""
    catalog = Catalog(
        project="studykit", version=studykit.__version__, fuzzy=False, creation_date=datetime(2026, 1, 1, tzinfo=UTC)
    )
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, method_map, options_map):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    click_dir = Path(click.__file__).parent
    for filename, lineno, message, _comments, _context in extract_from_dir(click_dir):
        if message not in catalog:
            catalog.add(message, None, [(f"click/{filename}", lineno)], auto_comments=["click's own message"])
    for message in CLICK_INDIRECT:
        if message not in catalog:
            catalog.add(message, None, auto_comments=["click's own message, passed to _() in a variable"])
    for message, where in help_messages(main):
        if message in catalog:
            if where not in catalog[message].auto_comments:
                catalog[message].auto_comments.append(where)
        else:
            catalog.add(message, None, auto_comments=[where])
    return catalog


if __name__ == "__main__":
    catalog = build_catalog()
    with POT.open("wb") as out:
        write_po(out, catalog, width=0, omit_header=False)
    print(f"wrote {POT.relative_to(ROOT)}: {len(catalog)} messages")
