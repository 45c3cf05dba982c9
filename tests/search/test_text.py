from ikone.core.search.text import highlight, query_terms, snippet, stem, stem_text


def test_plural_and_singular_share_a_stem():
    assert stem("Förderquoten") == stem("Förderquote")
    assert stem("Kommunen") == stem("Kommune")


def test_umlauts_fold_to_the_same_stem():
    assert stem("Foerderquote") == stem("Förderquote") == stem("Forderquote")
    assert stem("FÖRDERQUOTE") == stem("förderquote")


def test_stop_words_leave_the_query():
    assert query_terms("Wie hoch ist die Förderquote?") == ["hoch", stem("Förderquote")]


def test_stop_words_with_umlauts_leave_the_query_too():
    # The list spells them without marks; folding writes "koennen".
    assert query_terms("Können wir das für Kommunen über Förderquoten?") == [
        stem("Kommunen"),
        stem("Förderquote"),
    ]


def test_stemmed_text_keeps_words_in_order():
    assert stem_text("Förderquoten der Kommunen") == f"{stem('Förderquote')} {stem('Kommune')}"


def test_highlight_marks_matches_and_escapes_everything_else():
    html = str(highlight("Die <b>Förderquote</b> & mehr", query_terms("Förderquoten")))
    assert html == "Die &lt;b&gt;<mark>Förderquote</mark>&lt;/b&gt; &amp; mehr"


def test_snippet_shows_the_match_in_a_long_text():
    text = "Vorrede " * 80 + "Die Förderquote beträgt 65 Prozent. " + "Nachrede " * 80
    result = snippet(text, query_terms("Förderquote"))
    assert result.matched
    assert "<mark>Förderquote</mark>" in result.html
    assert result.html.startswith("… ") and result.html.endswith(" …")
    assert len(result.html) < 400


def test_a_word_matches_an_equal_stem_or_a_prefix_of_four_letters_or_more():
    # "bau" (three letters) marks only itself; "förder" marks the longer words too.
    html = str(highlight("Bau Baukosten Förderung Förderquote Quote", ["bau", "forder"]))
    assert html == (
        "<mark>Bau</mark> Baukosten <mark>Förderung</mark> <mark>Förderquote</mark> Quote"
    )
    assert str(highlight("Bau", [])) == "Bau"
