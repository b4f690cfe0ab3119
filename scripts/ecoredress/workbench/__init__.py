"""The staff workbench: the internal site of every case and duty, and form editing of the case files.

It sits above ``publish`` (it reuses the portal's engine, templates, escape and swap) and below ``commands``.
Nothing here reaches the public portal: ``ecoredress site build`` without ``--internal`` never calls it.
"""
