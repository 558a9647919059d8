"""quizgen: turn an article into questions people learn from."""

__version__ = "0.1.0"
