"""feeds._xml: the text of the feeds and the sitemap, escaped for XML 1.0."""
from __future__ import annotations

import pytest

from partyorg_site.site.feeds import _xml

CASES = [
    ("tinh/nghe-an/", "tinh/nghe-an/"),  # a URL: as it is
    ("Hội nghị giao ban", "Hội nghị giao ban"),
    ("A & B <c> d", "A &amp; B &lt;c&gt; d"),
    ("tab\tand\nlines\r", "tab\tand\nlines\r"),  # the control characters XML keeps
    ("bell\x07 nul\x00 esc\x1b", "bell nul esc"),  # those it cannot carry are dropped
    ("odd\ufffe\uffff end", "odd end"),
    ("mixed\x0b & <b>", "mixed &amp; &lt;b&gt;"),
    ("", ""),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[repr(c[0])[:30] for c in CASES])
def test_xml_escapes_and_drops_what_xml_cannot_carry(text, expected):
    assert _xml(text) == expected
