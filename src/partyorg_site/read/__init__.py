"""Reading: raw bytes to clean lines, paragraphs, captions and bylines (source -> legacy encodings
-> clean -> layout, with captions, bylines, sentences, Markdown, and the page's own timestamp)."""
