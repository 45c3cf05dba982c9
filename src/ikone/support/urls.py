from django.urls import path

from ikone.support.views import contact, queue, requests

app_name = "support"

# Included at the site root: /kontakt/ and /unterstuetzung/….
urlpatterns = [
    path("kontakt/", contact.contact, name="contact"),
    path("kontakt/danke/", contact.contact_thanks, name="contact_thanks"),
    path("unterstuetzung/", requests.request_list, name="list"),
    path("unterstuetzung/neu/", requests.request_create, name="create"),
    path("unterstuetzung/warteschlange/", queue.queue, name="queue"),
    path("unterstuetzung/kennzahlen/", queue.figures, name="figures"),
    path("unterstuetzung/<int:pk>/", requests.request_detail, name="detail"),
    path("unterstuetzung/<int:pk>/nachricht/", requests.request_message, name="message"),
    path("unterstuetzung/<int:pk>/bearbeitung/", requests.request_handle, name="handle"),
    path("unterstuetzung/<int:pk>/status/", requests.request_status, name="status"),
]
