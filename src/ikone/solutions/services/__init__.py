"""Every write of the solution catalogue. Other apps import from here."""
