"""From an article's body to rows: sentences, number phrases, casualty figures, the codebook and the stances it codes."""
