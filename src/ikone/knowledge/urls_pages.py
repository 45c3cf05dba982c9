"""Wagtail's front-end addresses (wagtail.urls), with the pages served
through `routing.serve` (their route a memo); the names stay Wagtail's, so
`{% url 'wagtail_serve' '' %}`, `page.url` and the view restrictions' forms
work as before."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from ikone.knowledge import routing

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]
