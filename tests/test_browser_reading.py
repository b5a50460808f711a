"""Chromium on the article page and the officials' index (issue 21): no serious or critical
axe violations at 1280 and 390 px; an article's measure and its captions beside the text.
Uses conftest's served site and browser (skipped, or failed in CI, as test_browser's are)."""
from __future__ import annotations

import pytest

from browsing import serious_violations


LONG_ARTICLE = "bai-viet/ban-to-chuc-trung-uong-danh-gia-cao-nghe-an-trong-cach-lam-ve-kiem-tra-sat-hach/"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", [LONG_ARTICLE, "can-bo/", "can-bo/theo-ho/"])
def test_reading_pages_have_no_serious_accessibility_violations(served, auditor, path, width):
    page = auditor.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served + path)
    assert serious_violations(page) == []
    page.close()


# The measure: how many of the paragraph's characters, at their average width, fit in its width.
MEASURE = """() => [...document.querySelectorAll('.body p:not(.caption)')]
  .filter(p => p.textContent.length > 300).map(p => {
    const text = p.textContent, line = document.createElement('span');
    line.style.whiteSpace = 'nowrap'; line.textContent = text; p.appendChild(line);
    const average = line.getBoundingClientRect().width / text.length; line.remove();
    return p.clientWidth / average; })"""


def test_an_article_reads_at_a_measure_of_60_to_75_characters_with_captions_beside(served, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + LONG_ARTICLE)
    per_line = page.evaluate(MEASURE)
    assert per_line and all(60 <= n <= 75 for n in per_line), per_line
    paragraph = page.locator(".body p:not(.caption)").first.bounding_box()
    caption = page.locator(".body .caption").first.bounding_box()
    assert caption["x"] >= paragraph["x"] + paragraph["width"]  # in the margin, beside the text
    assert page.locator(".body h2.crosshead").count() >= 1
    page.close()
    phone = browser.new_page(viewport={"width": 390, "height": 800})
    phone.goto(served + LONG_ARTICLE)
    # a phone's measure is the screen's (about 40 characters at 16 px): no sideways scrolling
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    paragraph = phone.locator(".body p:not(.caption)").first.bounding_box()
    caption = phone.locator(".body .caption").first.bounding_box()
    assert caption["x"] < paragraph["x"] + 20 and caption["y"] > paragraph["y"]  # in the text's column
    phone.close()
