"""The one exception the core raises for a user's mistake; the CLI shows it as one line."""


class QuizgenError(Exception):
    """A problem with the user's input or settings, worded for the user.

    The CLI turns it into ``Error: <message>`` and exit status 1, with no traceback.
    """
