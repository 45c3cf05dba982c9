import pytest

from ikone.municipalities.search import fold, search_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zweibrücken", "zweibruecken"),
        ("ZWEIBRÜCKEN", "zweibruecken"),
        ("zweibruecken", "zweibruecken"),
        ("Kaiserslautern, Stadt", "kaiserslautern, stadt"),
        ("Großröhrsdorf", "grossroehrsdorf"),
        ("GROẞRÖHRSDORF", "grossroehrsdorf"),
        ("Öhringen", "oehringen"),
        ("Bautzen / Budyšin", "bautzen / budysin"),
        ("  Bad   Dürkheim ", "bad duerkheim"),
    ],
)
def test_fold_spells_out_umlauts_and_ignores_case(text, folded):
    assert fold(text) == folded


def test_search_text_is_the_folded_name_when_the_short_name_leads_it():
    assert search_text(name="Zweibrücken, Stadt", name_short="Zweibrücken") == (
        "zweibruecken, stadt"
    )


def test_search_text_adds_a_short_name_the_name_does_not_start_with():
    assert search_text(name="Hansestadt Lübeck", name_short="Lübeck") == (
        "luebeck hansestadt luebeck"
    )


def test_search_text_fits_the_column():
    assert len(search_text(name="Ä" * 150, name_short="Ä" * 150)) == 200
