"""Signals other apps listen to.

`call_amended` is sent inside the publishing transaction (so receivers'
writes commit or roll back together with the new version) when a
coordinator published an amended version of a call::

    call_amended.send(
        sender=Call,
        call=call,                 # the Call
        old_version=old_version,   # CallVersion that was current before
        new_version=new_version,   # the new current CallVersion
        changed_numbers=["3.2"],   # numbers of sections changed, added or removed
    )

The questions app uses it to flag answers citing a changed section
("Auslegung prüfen").
"""

from django.dispatch import Signal

call_amended = Signal()
