"""/bewerbungen/api-zugang/: the person's own API token for /api/v1/applications/.

One token per person (Django REST framework's authtoken). Creating a new
one replaces the old; revoking deletes it. The key is shown in full only
right after it was created.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ikone.applications.services import api_tokens
from ikone.core.audit import Actor

SESSION_KEY = "applications_new_api_token"


@login_required
@require_http_methods(["GET", "POST"])
def api_access(request: HttpRequest) -> HttpResponse:
    """Show whether the person has a token; create, replace or revoke it."""
    actor = Actor.from_request(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            request.session[SESSION_KEY] = api_tokens.api_token_replace(actor=actor).key
            messages.success(
                request, _("Neuer Schlüssel erstellt. Ein alter Schlüssel gilt nicht mehr.")
            )
        elif action == "revoke":
            api_tokens.api_token_revoke(actor=actor)
            messages.success(request, _("Schlüssel gelöscht."))
        return redirect("applications:api_access")
    current = api_tokens.api_token_get(user=request.user)
    new_key = request.session.pop(SESSION_KEY, None)
    shown = new_key if current is not None and new_key == current.key else None
    context = {"token": current, "new_key": shown}
    return render(request, "applications/export/api_access.html", context)
