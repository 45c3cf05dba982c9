"""The layout's addresses are worked out once per language
(ikone.core.urlmemo) and are the same as Django's own."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from ikone.core import urlmemo


@pytest.fixture(autouse=True)
def _empty_memo():
    urlmemo.clear()
    yield
    urlmemo.clear()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    ("name", "args"),
    [("core:search", ()), ("accounts:profile", ()), ("wagtail_serve", ("impressum/",))],
)
def test_remembered_addresses_are_djangos_in_each_language(name, args, language):
    with translation.override(language):
        assert urlmemo.reverse_memo(name, *args) == reverse(name, args=args)
        assert urlmemo.reverse_memo(name, *args) == reverse(name, args=args)


def test_the_memo_tells_the_languages_apart():
    with translation.override("de"):
        german = urlmemo.reverse_memo("core:search")
    with translation.override("en"):
        english = urlmemo.reverse_memo("core:search")
    assert german != english
    assert english == "/en" + german


def test_an_unknown_address_raises_every_time():
    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            urlmemo.reverse_memo("no-such-page")


@pytest.mark.parametrize("path", ["/kommunen/", "/kommunen/?q=berg", "/en/fragen/", "/impressum/"])
def test_translated_paths_are_djangos(path):
    with translation.override("de"):
        for code in ("de", "en"):
            assert urlmemo.translate_url_memo(path, code) == translate_url(path, code)


def test_a_new_script_prefix_is_not_served_from_the_memo(rf):
    from django.urls import set_script_prefix

    with translation.override("de"):
        plain = urlmemo.reverse_memo("core:search")
        set_script_prefix("/ikone/")
        try:
            assert urlmemo.reverse_memo("core:search") == "/ikone" + plain
        finally:
            set_script_prefix("/")


def test_changing_the_languages_empties_the_memo():
    with translation.override("de"):
        urlmemo.reverse_memo("core:search")
        assert urlmemo._reversed
        with override_settings(LANGUAGES=[("de", "Deutsch"), ("en", "English")]):
            assert not urlmemo._reversed
