"""Every write of the application workshop, one module per sub-domain:
`drafts` (create, copy, share, status and outcome), `sections` (save with
optimistic locking, restore), `review` (comments, mentor assessment and
recommendation), `checklist` (criteria self-assessment, documents);
A2's `financing` and `schedule`."""
