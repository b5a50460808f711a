"""Views no list of terms gives: the province map, an official's career, meeting series,
a document's citations over time, articles per month. Each module turns the archive into
plain numbers and strings at build time; templates draw them as inline SVG and tables."""
