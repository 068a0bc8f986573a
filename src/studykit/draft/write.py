"""Writing a drafted bank folder: ``question_bank.yaml``, ``material/NN-<id>.txt``, ``material/sources.yaml``.

The folder is written all-or-nothing: every file goes to a temporary folder beside (or
inside) the target first, the bank is validated there, and only then is it moved into
place with :func:`os.replace`/:func:`os.rename`; a folder that already holds a bank (or a
``material/`` folder) is refused before anything is written.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..bank import BANK_FILENAME
from ..errors import DraftError
from ..i18n import _, os_reason
from .candidates import Draft
from .reading import Article
from .split import Split

MATERIAL = "material"
SOURCES = "sources.yaml"


def _q(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def material_name(number: int, part_id: str) -> str:
    """``material/00-intro.txt``, ``material/01-ren-jiantao.txt``: the file of part ``number``."""
    return f"{MATERIAL}/{number:02d}-{part_id}.txt"


def question_ids(drafts: list[Draft]) -> list[str]:
    """``<speech>-d01``, ``<speech>-d02`` … numbered within each speech in order."""
    counts: dict[str, int] = {}
    ids = []
    for d in drafts:
        counts[d.speech] = counts.get(d.speech, 0) + 1
        ids.append(f"{d.speech}-d{counts[d.speech]:02d}")
    return ids


def bank_yaml(bank_id: str, split: Split, drafts: list[Draft], article: Article) -> str:
    """The text of ``question_bank.yaml``: header comments, ``bank``, ``speeches``, ``questions``."""
    lines = [
        f"# studykit 题库草稿：由 studykit draft 从 {article.name} 生成。",
        "# 每道题都带 draft: true（待审核）。审核：题目可用就删去 draft: true 这一行；要改就直接改；",
        "# 不要的题整条删除。studykit check 会按发言列出还有多少道待审核；quiz、anki 默认不用草稿。",
        "bank:",
        f"  id: {bank_id}",
        f"  title: {_q(split.title)}",
        f"  provenance: {MATERIAL}/{SOURCES}",
        "speeches:",
    ]
    for n, part in enumerate(split.parts):
        lines.append(f"  - id: {part.id}")
        if part.speaker:
            lines += [f"    speaker: {_q(part.speaker)}", f"    position: {_q(part.position)}"]
        lines += [f"    heading: {_q(part.heading)}", f"    material: {material_name(n, part.id)}"]
    lines.append("questions:")
    for qid, d in zip(question_ids(drafts), drafts, strict=True):
        lines += [f"  - id: {qid}", f"    speech: {d.speech}", f"    type: {d.type}", "    draft: true"]
        lines.append(f"    stem: {_q(d.stem)}")
        if d.options:
            lines.append(f"    options: [{', '.join(map(_q, d.options))}]")
        if d.type in ("single", "multiple", "true_false"):
            lines.append(f"    answer: {''.join(d.answer)}")
        else:
            lines.append(f"    answer: [{', '.join(map(_q, d.answer))}]")
        lines += [f"    explanation: {_q(d.explanation)}", f"    source: {_q(d.source)}"]
        if d.tags:
            lines.append(f"    tags: [{', '.join(d.tags)}]")
        if d.fact:
            lines.append(f"    fact: {_q(d.fact)}")
    return "\n".join(lines) + "\n"


def sources_yaml(split: Split, article: Article) -> str:
    """The text of ``material/sources.yaml``: title, the original file's name and SHA-256, the lines
    dropped, the material files."""
    lines = [
        "# Provenance of the study material in this folder, written by studykit draft.",
        "# Add publication, section, date, venue … as the article prints them (nothing is inferred).",
        f"title: {_q(split.title)}",
        f"original_file: {_q(article.name)}",
        f"original_sha256: {article.sha256}",
        f"dropped_lines: [{', '.join(map(_q, split.dropped))}]",
        "files:",
        *(f"  - {material_name(n, p.id)}" for n, p in enumerate(split.parts)),
    ]
    return "\n".join(lines) + "\n"


def refuse_existing_bank(out: Path) -> None:
    """Raise :class:`DraftError` if ``out`` is a file, or a folder holding a bank or ``material/``."""
    if out.exists() and not out.is_dir():
        raise DraftError(_("{out} is a file (expected a folder for the new bank)").format(out=out))
    bank = out / BANK_FILENAME
    if bank.exists() or bank.is_symlink():
        raise DraftError(
            _("{path} already exists: {out} already holds a bank; nothing was written (give a new folder)").format(
                path=bank, out=out
            )
        )
    material = out / MATERIAL
    if material.exists() or material.is_symlink():  # a bank's material without its bank file: still not ours to mix
        raise DraftError(
            _(
                "{path} already exists: the draft's material would mix with the files there; "
                "nothing was written (give a new folder)"
            ).format(path=material)
        )


def write_folder(out: Path, files: dict[str, bytes], check: Callable[[Path], None]) -> None:
    """Write ``files`` (path relative to ``out`` → bytes) as a new bank folder ``out``, all-or-nothing.

    ``check(temp_bank_path)`` runs on the complete temporary folder before it is moved into place
    (it raises to stop).  Raises :class:`DraftError` if ``out`` already holds a bank or cannot be
    written; on any error nothing of the new bank is left behind."""
    refuse_existing_bank(out)
    fresh = not out.exists()
    parent = out.parent if fresh else out
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".studykit-draft-", dir=parent))
        mask = os.umask(0)
        os.umask(mask)
        temp.chmod(0o777 & ~mask)  # mkdtemp's folder is private; the bank folder is an ordinary one
    except OSError as exc:
        blocking = next((p for p in (out, *out.parents) if p.exists() and not p.is_dir()), None)
        if blocking is not None:  # mkdir says only 'File exists' or 'Not a directory'
            raise DraftError(
                _("cannot write {out}: {file} is a file (expected a folder, or a new name)").format(
                    out=out, file=blocking
                )
            ) from None
        raise DraftError(_("cannot write {out}: {reason}").format(out=out, reason=os_reason(exc))) from None
    moved: list[Path] = []
    try:
        for rel, data in files.items():
            path = temp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        check(temp / BANK_FILENAME)
        if fresh:
            os.rename(temp, out)
            return
        refuse_existing_bank(out)
        for name in (MATERIAL, BANK_FILENAME):
            os.rename(temp / name, out / name)
            moved.append(out / name)
    except OSError as exc:
        for path in moved:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        raise DraftError(_("cannot write {out}: {reason}").format(out=out, reason=os_reason(exc))) from None
    finally:
        shutil.rmtree(temp, ignore_errors=True)
