"""Load the rule tables in `partyorg_site/data/` once per process.

Rules live in YAML so that a reader can correct a gazetteer or a title list without
touching code; this module is the only place that knows where they are.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed contents of `data/<name>.yaml`."""
    text = resources.files("partyorg_site").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    # libyaml's loader where PyYAML has it (its wheels do): the tables took 0.14 s of every
    # process's start with the pure-Python one
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """The entries of `data/<name>.txt`, one a line (lines opening with "#" are comments).
    A word list too long for YAML to read quickly: the lexicon."""
    text = resources.files("partyorg_site").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def rules_fingerprint() -> str:
    """A hash of every rule table: a cache keyed on it is invalidated when a rule changes."""
    digest = hashlib.sha256()
    for name in data_file_names():
        digest.update(name.encode() + b"\0")
        digest.update(resources.files("partyorg_site").joinpath("data", name).read_bytes())
    return digest.hexdigest()[:16]


DATA_SUFFIXES = (".yaml", ".txt")


def data_file_names() -> list[str]:
    """Every rule table in `data/` (YAML tables and word lists), by file name: read from the
    folder, so that a new table is part of the fingerprint without anyone having to list it."""
    folder = resources.files("partyorg_site").joinpath("data")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(DATA_SUFFIXES))
