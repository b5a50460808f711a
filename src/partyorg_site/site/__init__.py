"""The site: URLs, pages rendered through the templates, search index, feeds, and the writer
that swaps a complete new build into place."""
