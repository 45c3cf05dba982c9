from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ikone.network.services import retention_apply


class Command(BaseCommand):
    help = (
        "Delete or anonymise what the retention periods no longer allow to keep "
        "(run once a day); prints the count per data category."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for rule, count in retention_apply().items():
            self.stdout.write(f"{rule}: {count}")
