"""From tables to the report: parameters, charts and their one style, the evidence view, the review panel, and the build."""
