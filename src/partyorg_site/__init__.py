"""partyorg-site: a static news archive for Vietnamese articles on Party organisation-building."""

__version__ = "0.1.0"
