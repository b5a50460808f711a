"""extract: one module per fact. Each takes cleaned text and returns values with spans."""
