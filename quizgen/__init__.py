"""quizgen: turn an article into questions people learn from."""

import time as _time

__version__ = "0.1.0"

# When this process first imported quizgen. A source file changed after this may not be the
# code that is running, so quizgen.cache stores nothing such a process computes.
loaded_at = _time.time()
