"""Editing case files in place: a ruamel round trip that keeps comments, key order, quoting and line endings."""
