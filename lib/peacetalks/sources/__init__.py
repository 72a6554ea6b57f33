"""Reading what analysts bring: article files and folders, CSV/JSON Lines archives, saved HTML pages, and the analyst's own files (catalog, events, review)."""
