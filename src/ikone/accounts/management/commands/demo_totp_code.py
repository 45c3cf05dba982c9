"""Print the current two-factor code of the demo accounts (for trying IKONE out)."""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand

from ikone.accounts.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Zeigt den aktuellen Zwei-Faktor-Code der Demo-Zugänge koordination@ und admin@ "
        "(nur zum Ausprobieren)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
