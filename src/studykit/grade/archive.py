"""The guard both zip-based answer files share — an ``.xlsx`` workbook
(:mod:`studykit.grade.workbook`) and a ``.docx`` 答题卡 (:mod:`studykit.grade.readers.docx_sheet`):
the archive's directory is checked before any part of it is unpacked, so a zip bomb is refused at
once.  Each format keeps its own limits (:class:`ZipLimits`) and says in its own words which one
the file breaks (:class:`Breach`)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Literal

#: A file of the archive is checked for its packing ratio only above this size (1 MiB): small
#: XML parts pack far tighter than any format's ratio, harmlessly.
RATIO_FROM = 1 << 20


@dataclass(frozen=True)
class ZipLimits:
    """What one format's archive may hold: at most ``members`` files unpacking to at most
    ``unpacked`` bytes together, none of over :data:`RATIO_FROM` bytes unpacked more than
    ``ratio`` times larger than packed."""

    members: int
    unpacked: int
    ratio: int = 100


@dataclass(frozen=True)
class Breach:
    """The first limit of :class:`ZipLimits` an archive breaks: ``limit`` names it; ``count`` is its
    files, ``total`` the bytes they unpack to; ``name`` and ``size`` the file concerned (the largest,
    for ``members`` and ``unpacked``; the one packed too tightly, for ``ratio``, then ``ratio`` its
    unpacked size over its packed size, rounded down)."""

    limit: Literal["members", "unpacked", "ratio"]
    count: int
    total: int
    name: str
    size: int
    ratio: int = 0


def breach(archive: zipfile.ZipFile, limits: ZipLimits) -> Breach | None:
    """The first of ``limits`` that ``archive``'s directory breaks — too many files, then too many
    bytes unpacked, then a file packed too tightly (a zip bomb) — or ``None``.  Reads the directory
    only (sizes as the archive declares them), never a file's contents."""
    infos = archive.infolist()
    count, total = len(infos), sum(info.file_size for info in infos)
    biggest = max(infos, key=lambda info: info.file_size, default=None)
    name, size = (biggest.filename, biggest.file_size) if biggest else ("", 0)
    if count > limits.members:
        return Breach("members", count, total, name, size)
    if total > limits.unpacked:
        return Breach("unpacked", count, total, name, size)
    for info in infos:
        packed = max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and info.file_size > limits.ratio * packed:
            return Breach("ratio", count, total, info.filename, info.file_size, info.file_size // packed)
    return None
