"""The audit log page for coordinators: who did what, when, to which
object, from where."""
