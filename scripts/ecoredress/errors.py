"""Errors meant for the user: printed as a Chinese message, never as a traceback."""


class UserError(Exception):
    """A problem the user can fix. The message says what went wrong and what to do."""

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
