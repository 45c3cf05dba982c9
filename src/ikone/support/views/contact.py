"""/kontakt/: the public contact form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from ikone.core.audit import Actor
from ikone.core.ratelimit import ratelimit
from ikone.knowledge.models import FooterRole
from ikone.knowledge.selectors import legal_page_url
from ikone.support import services
from ikone.support.forms import ContactForm, form_stamp


@require_http_methods(["GET", "POST"])
@ratelimit(scope="support.contact", rate="5/10m,20/d")
def contact(request: HttpRequest) -> HttpResponse:
    """Show the form; a valid message becomes a request and the sender sees
    the confirmation page. Invalid input keeps what was typed."""
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            services.contact_submit(
                data=services.ContactData(
                    name=data["name"],
                    email=data["email"],
                    organization_name=data["organization_name"],
                    topic=data["topic"],
                    subject=data["subject"],
                    message=data["message"],
                ),
                actor=Actor.from_request(request),
            )
            return redirect("support:contact_thanks")
        # A fresh stamp, so that correcting the form does not count as too fast.
        data = request.POST.copy()
        data["started"] = form_stamp()
        form.data = data
    else:
        initial = {"started": form_stamp()}
        if request.user.is_authenticated:
            initial |= {"name": request.user.get_full_name(), "email": request.user.email}
        form = ContactForm(initial=initial)
    return render(
        request,
        "support/contact.html",
        {"form": form, "privacy_url": legal_page_url(FooterRole.PRIVACY)},
    )


@require_safe
def contact_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "support/contact_thanks.html")
