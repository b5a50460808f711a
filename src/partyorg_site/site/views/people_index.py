"""The officials' index as Vietnamese lists of people are read: by given name (tên, the
name's last word), then middle and family names, in Vietnamese alphabetical order, with a
letter bar by the given name's initial; and, on a second page, by family name. Beside each
name, the title printed most recently and its date, so that two people of one given name
can be told apart at a glance."""
from __future__ import annotations

from typing import Any

from partyorg_site.archive.taxonomies import Taxonomy, Term
from partyorg_site.vietnamese import given_name_order, initial_letter, vietnamese_order

# The index's second page, A-Z by family name. Official pages are named by their slug, and
# no Vietnamese name slugs to this ("Theo" is no family name).
FAMILY_ORDER = "theo-ho"


def by_given_name(taxonomy: Taxonomy) -> list[tuple[str, list[Term]]]:
    """The people grouped by their given name's first letter (Ă, Â, Đ, Ư ... are letters
    of their own), each group in given-name order."""
    terms = sorted(taxonomy.terms.values(), key=lambda t: (given_name_order(t.label), t.key))
    return _grouped(terms, lambda term: term.label.split()[-1] if term.label.split() else "")


def by_family_name(taxonomy: Taxonomy) -> list[tuple[str, list[Term]]]:
    """The people grouped by their family name's first letter, A-Z by the whole name."""
    terms = sorted(taxonomy.terms.values(), key=lambda t: (vietnamese_order(t.label), t.key))
    return _grouped(terms, lambda term: term.label)


def _grouped(terms: list[Term], filed_under) -> list[tuple[str, list[Term]]]:
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(initial_letter(filed_under(term)), []).append(term)
    return list(groups.items())


def latest_titles(taxonomy: Taxonomy) -> dict[str, dict[str, Any]]:
    """Per official's key: the first title printed with their name in the newest article
    that prints one (a term's articles are newest first), and that article's date; people
    never printed with a title are left out."""
    latest = {}
    for key, term in taxonomy.terms.items():
        for record in term.articles:
            titles = term.notes.get(record.slug)
            if titles:
                latest[key] = {"title": titles[0], "date": record.date}
                break
    return latest
