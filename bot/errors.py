"""Errors the CLI turns into one-line messages instead of tracebacks."""


class UserError(Exception):
    """A problem the user can fix (bad flag, file, config, password); exit status 2."""

    exit_code = 2
