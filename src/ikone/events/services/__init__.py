"""Every write of the events app.

- `registration`: registering oneself or others, cancelling, the waiting
  list, cancelling an event (with notifications).
- `management*`: what coordinators do with events (create, edit, publish,
  agenda, materials, attendance, feedback).
"""
