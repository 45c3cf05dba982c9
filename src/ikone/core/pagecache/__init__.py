"""Caching of rendered output with exact invalidation by the tables it was
read from (docs/adr/0006-page-cache.md).

- `tables`: which tables a statement reads or writes, one version token per
  table in a shared cache, replaced after every write (in any process).
- `memo`: a value computed once and reused while the tables it read are
  unchanged (the layout's footer, the overview's figures).
- `middleware`: whole anonymous pages, with ETag and conditional GET.
"""
