"""Site-wide search: one index of documents from every app.

Apps describe their objects through providers (`registry.Provider`); the
index (`SearchDocument`) stores title, body, address, who may see them and
the German-stemmed text; a backend (SQLite FTS5, PostgreSQL full text or
OpenSearch) finds and ranks them. See docs/search.md and
docs/adr/0003-search.md.
"""
