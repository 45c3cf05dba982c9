"""Readiness checks contributed by other parts of the workshop (financing,
schedule). Every module here is imported at start-up and registers its
checks with `ikone.applications.readiness.register`."""
