"""Quality evaluations: search (``search``), extraction of imported files
(``extraction``) and tagging against a hand-tagged set (``tagging``)."""
