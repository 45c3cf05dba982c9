"""Suggestions while typing a question, and how well they are found.

Combines the lexical ranking of the site-wide index (German stems, BM25 or
ts_rank) with the semantic similarity of the sentence encoder (cosine over
stored embeddings): candidates are ordered by a convex combination of the
two scores (`ranking.combine`); weighted reciprocal-rank fusion decides
whether the best is confident. The development set in
`qa/data/retrieval_eval.yaml` and `ikone eval_retrieval` measure all three.
"""
