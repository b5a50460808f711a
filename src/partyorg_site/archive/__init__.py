"""The archive: front matter overrides, cross-article resolution, the record cache, and the
taxonomies that index the records."""
