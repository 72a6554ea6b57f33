"""From a page to an article: headline, publisher, wire, url, body without furniture, the printed date and the inference of a date window."""
