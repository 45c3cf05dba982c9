"""Views of the events app: `public` (list, detail, calendars, registering) and `manage*` (coordinators)."""
