"""The body's rules one at a time (cases in tests/cases/body.yaml): credits, captions,
signatures and related links split off an export's run-on body."""
from __future__ import annotations

import pytest

from conftest import case_ids, cases
from partyorg_site.read.bylines import split_signature, split_trailer
from partyorg_site.read.captions import (split_caption_sentences, split_glued_captions, split_inline_captions,
                                         split_opening_caption, split_top_caption)
from partyorg_site.read.clean import without_related_links
from partyorg_site.read.paragraphs import split_paragraphs
from partyorg_site.read.sentences import sentences

SPLITTERS = {
    "inline_credits": split_inline_captions,
    "caption_sentences": split_caption_sentences,
    "glued_captions": split_glued_captions,
}


@pytest.mark.parametrize("case", cases("body"), ids=case_ids("body", "name"))
def test_body_rule(case):
    rule, text = case["rule"], case["text"]
    if rule in SPLITTERS:
        assert SPLITTERS[rule](text) == (case["body"], case["captions"])
    elif rule == "signature":
        assert split_signature(text) == (case["body"][0], case["outlet"])
    elif rule == "trailer":
        assert split_trailer(text) == (case["body"][0], case["outlet"])
    elif rule in ("top_caption", "opening_caption"):
        rest, caption = split_top_caption(text, case["above"]) if rule == "top_caption" else split_opening_caption(text)
        assert ([rest], [caption] if caption else []) == (case["body"], case["captions"])
    elif rule == "sentences":
        assert sentences(text) == case["body"]
    elif rule == "related_links":
        assert without_related_links(text) == case["body"][0]
    else:
        raise AssertionError(f"unknown rule {rule!r}")


@pytest.mark.parametrize("case", cases("paragraphs"), ids=case_ids("paragraphs", "name"))
def test_paragraphs(case):
    text = " ".join(case["text"])
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == len(case["starts"]), [p.text[:40] for p in paragraphs]
    assert all(p.text.startswith(start) for p, start in zip(paragraphs, case["starts"]))
    assert [p.text for p in paragraphs if p.crosshead] == case["crossheads"]
    assert " ".join(p.text for p in paragraphs) == text  # nothing lost, nothing added
