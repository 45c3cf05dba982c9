"""Suggestions while typing a question, and how well they are found.

Combines the lexical ranking of the site-wide index (German stems, BM25 or
ts_rank) with the semantic similarity of the sentence encoder (cosine over
stored embeddings) by weighted reciprocal-rank fusion. The evaluation set in
`qa/data/retrieval_eval.yaml` and `ikone eval_retrieval` measure all three.
"""
