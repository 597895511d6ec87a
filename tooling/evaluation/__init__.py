"""Quality evaluations: search (``search``) and extraction of imported files (``extraction``)."""
