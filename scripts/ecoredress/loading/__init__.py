"""Reading case files: a fast parse for validation, a round-trip parse for positions and edits."""
