"""studykit._lazy: patterns compiled at their first use, the same as compiled at import."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import studykit
from studykit._lazy import GETTERS, lazy_pattern


def test_a_getter_compiles_once_at_its_first_call_and_returns_what_re_compile_does() -> None:
    """Nothing is compiled until the first call; every call returns the one pattern, equal to
    ``re.compile`` of the same text and flags (so it matches exactly what the eager one did)."""
    getter = lazy_pattern(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)?", re.ASCII)
    assert getter.cache_info().currsize == 0  # type: ignore[attr-defined]
    first = getter()
    assert getter() is first
    assert getter.cache_info().currsize == 1  # type: ignore[attr-defined]
    assert first == re.compile(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)?", re.ASCII)
    assert first.flags == re.ASCII
    assert first.fullmatch("阿依古丽·买买提") is not None
    assert first.fullmatch("Zhao") is None


def test_a_broken_pattern_raises_at_its_first_call_not_at_import() -> None:
    """A typo in a pattern surfaces when the getter is called (the next test calls them all)."""
    getter = lazy_pattern("[unclosed")
    try:
        with pytest.raises(re.error, match="unterminated character set"):
            getter()
    finally:
        GETTERS.remove(getter)  # not one of the package's


def test_every_getter_of_the_package_compiles() -> None:
    """Each lazy pattern of every studykit module compiles: a broken one cannot wait in a module
    for the rare input that reaches it."""
    for info in pkgutil.walk_packages(studykit.__path__, "studykit."):
        if info.name != "studykit.__main__":
            importlib.import_module(info.name)
    assert len(GETTERS) >= 20
    compiled = [getter() for getter in GETTERS]
    assert all(isinstance(p, re.Pattern) for p in compiled)
