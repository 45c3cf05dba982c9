"""HTML views of the accounts app: the person's own account under /konto/
and organisations under /organisationen/."""
