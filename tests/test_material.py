"""material/: the article kept exactly as published, with its provenance."""

from __future__ import annotations

import hashlib

import yaml

from skpaths import ROOT

MATERIAL = ROOT / "material"
SEED = ROOT.parent / "shared" / "seed" / "000_f97e59c8b30fcc71.txt"
DROPPED = "\n\n精彩推荐\n\n下载安装手机客户端"


def _sources() -> dict[str, object]:
    return yaml.safe_load((MATERIAL / "sources.yaml").read_text(encoding="utf-8"))


def _rebuilt() -> str:
    """The article rebuilt from the material files: parts joined by one blank line, page furniture re-added."""
    files = _sources()["files"]
    assert isinstance(files, list)
    parts = [(ROOT / f).read_text(encoding="utf-8").removesuffix("\n") for f in files]
    return "\n\n".join(parts) + DROPPED


def test_material_files_are_the_intro_and_eight_speeches_in_order() -> None:
    """Nine files, named so the order and the speaker show."""
    assert sorted(p.name for p in MATERIAL.glob("*.txt")) == [
        "00-intro.txt", "01-ren-jiantao.txt", "02-tian-yipeng.txt", "03-zhao-xianfu.txt",
        "04-zhang-yanguo.txt", "05-jiang-xiaoping.txt", "06-wei-yueming.txt",
        "07-ouyang-kang.txt", "08-dai-xiaoming.txt",
    ]  # fmt: skip


def test_material_rebuilds_the_published_page_byte_for_byte() -> None:
    """Joined again, the files plus the dropped furniture hash to the original page's SHA-256."""
    digest = hashlib.sha256(_rebuilt().encode("utf-8")).hexdigest()
    assert digest == _sources()["original_sha256"]


def test_material_matches_the_seed_file_when_present() -> None:
    """Where the original seed file is beside the repo (as in CI), the rebuild equals it exactly."""
    if not SEED.exists():
        import pytest

        pytest.skip("original seed file not beside the repository")
    assert _rebuilt() == SEED.read_text(encoding="utf-8")


def test_mixed_punctuation_is_kept_as_published() -> None:
    """The source's ASCII ',' ':' beside full-width '、。“”' are not normalised."""
    ren = (MATERIAL / "01-ren-jiantao.txt").read_text(encoding="utf-8")
    assert "习近平总书记指出:“推进国家治理体系" in ren
    assert "资源中心、文教重镇、科技硬核、辐射之源等" in ren


def test_provenance_records_only_what_the_text_says() -> None:
    """sources.yaml names publication, section, event, date as written (no year), venue, format, compiler."""
    src = _sources()
    assert src["publication"] == "湖北日报"
    assert src["section"] == "党员生活"
    assert src["date"] == "10月17日"
    assert src["venue"] == "华中师范大学"
    assert src["format"] == "现场会议+云端会议"
    assert src["compiler"] == "湖北日报全媒记者 周磊"
    intro = (MATERIAL / "00-intro.txt").read_text(encoding="utf-8")
    for field in ("date", "venue", "format", "series"):
        assert str(src[field]) in intro, field
