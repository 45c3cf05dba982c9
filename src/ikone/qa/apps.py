from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "ikone.qa"
    verbose_name = _("Fragen und Antworten")

    def ready(self) -> None:
        from ikone.calls.signals import call_amended
        from ikone.qa import receivers

        call_amended.connect(receivers.flag_answers_on_amendment, dispatch_uid="qa.flag_answers")
