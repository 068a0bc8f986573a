"""``studykit draft``: a new bank, to review, from an article as received.

:func:`draft_bank` reads the article (:mod:`.reading`), drops site furniture
(:mod:`.furniture`), splits it into parts (:mod:`.split`), drafts questions with the rules
of :mod:`.candidates`, and writes the bank folder all-or-nothing (:mod:`.write`).  Every
drafted question carries ``draft: true`` and passes ``studykit check``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..bank import BANK_FILENAME, load_bank
from ..errors import BankError, DraftError
from ..i18n import _
from .candidates import Draft, draft_questions
from .names import text_slug
from .reading import Article, read_article
from .split import Part, Split, split_article
from .write import MATERIAL, SOURCES, bank_yaml, material_name, question_ids, sources_yaml, write_folder

__all__ = ["Article", "Draft", "DraftResult", "Part", "Split", "draft_bank", "read_article", "split_article"]


@dataclass(frozen=True)
class DraftResult:
    """What :func:`draft_bank` wrote: the ``bank`` file, the ``split``, the ``drafts`` kept (each
    valid under ``check``) and how many were ``dropped`` for failing a bank rule."""

    bank: Path
    split: Split
    drafts: tuple[Draft, ...]
    dropped: int = 0

    def report(self) -> str:
        """One line per part and a total, for the command line."""
        layouts = {1: _("heading, name and post"), 2: _("post and name:"), 3: _("subheadings"), 4: _("one part")}
        one = len(self.split.parts) == 1  # "1 part", not "1 parts"
        lines = [
            (
                _("{bank}: {parts} part (layout: {layout}), {n} drafts to review")
                if one
                else _("{bank}: {parts} parts (layout: {layout}), {n} drafts to review")
            ).format(bank=self.bank, parts=len(self.split.parts), layout=layouts[self.split.layout], n=len(self.drafts))
        ]
        for part in self.split.parts:
            count = sum(d.speech == part.id for d in self.drafts)
            label = f"{part.speaker} {part.heading}" if part.speaker else part.heading
            lines.append(_("  {id}: {label} — {count}").format(id=part.id, label=label, count=count))
        if self.split.dropped:
            lines.append(_("dropped lines: {lines}").format(lines="、".join(self.split.dropped)))
        lines.append(
            _(
                "next: review {bank} (delete the 'draft: true' line of each question you accept, edit or delete "
                "the rest), then run: studykit check --bank {bank}"
            ).format(bank=self.bank)
        )
        return "\n".join(lines)


def bank_id_for(out: Path, split: Split) -> str:
    """The new bank's id: the output folder's name as a slug, else the title's, else ``article``."""
    return text_slug(out.resolve().name) or text_slug(split.title) or "article"


def titled(split: Split, article: Article) -> Split:
    """``split`` with the title of a text that prints none taken from its file's name
    (``十一月学习材料.txt`` → ``十一月学习材料``), not its first words: the bank's and the paper's title."""
    lines = {line.strip() for line in article.text.split("\n")}
    name = Path(article.name).stem.strip()
    if split.title in lines or not name:
        return split
    return dataclasses.replace(split, title=name)


def draft_bank(article_path: str | Path, out: str | Path) -> DraftResult:
    """Draft a bank from the article at ``article_path`` into the new folder ``out``.

    Writes ``out/question_bank.yaml``, ``out/material/NN-<id>.txt`` and ``out/material/sources.yaml``;
    refuses (:class:`~studykit.errors.DraftError`) a folder that already holds a bank, an
    unreadable article, or one in which no question could be drafted.  A draft that fails a
    bank rule is left out (counted in ``dropped``), so the bank written checks with 0 errors."""
    out = Path(out)
    article = read_article(article_path)
    split = split_article(article.text)
    drafts = draft_questions(split.parts)
    if not drafts:
        raise DraftError(
            _("{path}: no question could be drafted (expected sentences with quotes, lists, numbers or 是)").format(
                path=article_path
            )
        )
    bank_id = bank_id_for(out, split)
    split = titled(split, article)
    files = {
        f"{MATERIAL}/{SOURCES}": sources_yaml(split, article).encode("utf-8"),
        **{material_name(n, p.id): p.text.encode("utf-8") for n, p in enumerate(split.parts)},
    }
    kept = list(drafts)

    def check(bank_path: Path) -> None:
        for _attempt in range(3):
            bank_path.write_text(bank_yaml(bank_id, split, kept, article), encoding="utf-8")
            try:
                load_bank(bank_path, cache=False)
                return
            except BankError as exc:
                bad = {
                    where.split("'")[1] for where in (p.where for p in exc.problems) if where.startswith("question '")
                }
                ids = question_ids(kept)
                if not bad & set(ids):
                    raise
                kept[:] = [d for qid, d in zip(ids, kept, strict=True) if qid not in bad]
        load_bank(bank_path, cache=False)

    write_folder(out, files, check)
    return DraftResult(out / BANK_FILENAME, split, tuple(kept), len(drafts) - len(kept))
