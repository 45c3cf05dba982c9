"""Links for the questions templates."""

from django import template

from ikone.calls.models import Call, CallSection
from ikone.qa.views._helpers import call_url, faq_url, section_url

register = template.Library()


@register.filter
def section_link(section: CallSection, call: Call) -> str:
    """`{{ section|section_link:call }}` → /foerderaufrufe/<slug>/#<anchor>."""
    return section_url(call, section)


@register.filter
def call_link(call: Call) -> str:
    return call_url(call)


@register.filter
def faq_link(call: Call) -> str:
    return faq_url(call)
