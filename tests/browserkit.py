"""Headless Chromium for the browser tests (the practice page, print layout): Debian's ``chromium``
and ``chromium-driver`` driven through selenium, and a page printed to PDF as a secretary's browser
prints it (A4, no browser headers and footers).

:func:`require_chromium` skips a test module where Chromium is missing, except in CI
(``CI=true``), where that is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def require_chromium() -> None:
    """Skip the calling test module without chromium and chromedriver; fail instead under ``CI=true``."""
    if CHROMIUM and CHROMEDRIVER:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(
            "CI=true but chromium / chromedriver are missing: the browser tests must run in CI "
            "(apt-get install chromium chromium-driver; .ci/run does)",
            pytrace=False,
        )
    pytest.skip(
        "needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)", allow_module_level=True
    )


@contextmanager
def chromium(*, logs: bool = False) -> Iterator[Any]:
    """One headless Chromium (a selenium WebDriver) with a fresh profile, quit and removed afterwards;
    ``logs``: the page's console and network logs kept (``driver.get_log("browser")``)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="studykit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # an explicit driver path: selenium does not run Selenium Manager (which would download one)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def print_pdf(driver: Any, page: Path) -> bytes:
    """``page`` printed to PDF by Chromium as from its print dialog: the page's own ``@page`` size and
    margins, no browser header or footer, backgrounds printed."""
    driver.get(page.resolve().as_uri())
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}
    )
    return base64.b64decode(pdf["data"])


def pdf_pages(pdf: bytes) -> int:
    """How many pages Chromium's PDF has (its page tree's ``/Count``)."""
    counts = [int(n) for n in re.findall(rb"/Count (\d+)", pdf)]
    assert counts, "no page count in the PDF"
    return max(counts)
