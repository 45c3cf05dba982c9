from django.urls import path

from ikone.events import urls_manage
from ikone.events.views import public

app_name = "events"

# Order matters: feed.ics before <slug>.ics before <slug>/.
urlpatterns = [
    path("", public.event_list, name="list"),
    *urls_manage.before_slug,  # neu/, verwaltung/ (E2)
    path("feed.ics", public.event_feed, name="feed"),
    path("<slug:slug>.ics", public.event_ics, name="ics"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/anmelden/", public.event_register, name="register"),
    path(
        "<slug:slug>/anmeldungen/<int:pk>/stornieren/",
        public.registration_cancel,
        name="cancel_registration",
    ),
    *urls_manage.per_event,  # <slug>/verwaltung/…, materials, feedback (E2)
]
