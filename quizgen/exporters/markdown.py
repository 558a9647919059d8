"""The Markdown quiz format of text2qti, which turns it into a Canvas QTI zip.

text2qti reads a line's first characters as structure (``1.`` a question, ``*a)`` the right
option, ``[*]`` a right option of several, ``*`` a short answer, ``...`` feedback, ``____`` an
essay), then runs question, option and feedback text through Python-Markdown with the
SmartyPants extension and its own LaTeX (``$...$``) and siunitx (``\\num{}``) handling. So
each text goes on one line after its marker, and is escaped for all of those: a backslash
before every character Markdown or SmartyPants would act on (``\\ ` * _ { } [ ] # | " '``,
``-`` in runs and at the start, ``.`` in runs and after a leading number), ``\\$`` for text2qti's
math, and HTML character references for ``& < >`` so that HTML in the article is shown, never
kept as markup. Short answers are not Markdown to text2qti and go in as they are.
"""

from __future__ import annotations

import re
import string

from ..model import Question
from .bankutil import BankExporter, attribution, blanks, choices_ok, cloze_text, feedback, truth
from .textsafe import one_line

_ALWAYS = set("\\`*_{}[]#|\"'$")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_DASH_RUN = re.compile(r"-{2,}")
_DOT_RUN = re.compile(r"\.{2,}")
_LEADING_NUMBER = re.compile(r"^(\d+)\.")


def md(text: str) -> str:
    """One line of text that text2qti's Markdown shows exactly as written."""
    text = one_line(text)
    out = []
    for ch in text:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ALWAYS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    s = "".join(out)
    s = _DASH_RUN.sub(lambda m: "\\-" * len(m.group()), s)
    s = _DOT_RUN.sub(lambda m: "\\." * len(m.group()), s)
    s = _LEADING_NUMBER.sub(r"\1\\.", s)
    if s[:1] in ("-", "+"):
        s = "\\" + s
    elif s[:1] == "~":
        s = "&#126;" + s[1:]
    return s


def block(q: Question, n: int) -> list[str]:
    """The question's lines, or ValueError with the reason it cannot be written."""
    prompt = cloze_text(q.prompt) if q.type == "cloze" else q.prompt
    if not one_line(prompt):
        raise ValueError("its question is empty")
    lines = [f"Title: {one_line(q.id)}", f"{n}.  {md(prompt)}"]
    if feedback(q) and q.type != "essay":
        lines.append(f"... {md(feedback(q))}")
    if q.type in ("mcq", "multi_select", "true_false"):
        if q.type == "true_false":
            key = truth(q)
            if key is None:
                raise ValueError("its key is neither true nor false")
            options, right = ["True", "False"], {0 if key else 1}
        else:
            why = choices_ok(q)
            if why:
                raise ValueError(why)
            options, right = q.choices, set(q.correct)
        shown = [md(c) for c in options]
        if len(set(shown)) < len(shown):
            raise ValueError("two of its options are the same")
        if q.type == "mcq" and len(right) == 1 or q.type == "true_false":
            if len(options) > 26:
                raise ValueError("it has more options than letters")
            for i, text in enumerate(shown):
                letter = string.ascii_lowercase[i]
                lines.append(f"*{letter}) {text}" if i in right else f"{letter})  {text}")
        else:
            lines += [f"[{'*' if i in right else ' '}] {text}" for i, text in enumerate(shown)]
    elif q.type in ("short_answer", "cloze"):
        gaps = blanks(q.prompt) if q.type == "cloze" else []
        if q.type == "cloze" and len(gaps) != 1:
            raise ValueError("text2qti's short answer holds exactly one blank")
        answer = one_line(gaps[0].answer if gaps else q.answer)
        if not answer:
            raise ValueError("its answer is empty")
        lines.append(f"*   {answer}")
    elif q.type == "essay":
        guide = "; ".join(t for t in (q.answer.strip(), feedback(q)) if t)
        if guide:
            lines.append(f"... {md(guide)}")
        lines.append("____")
    else:
        raise ValueError(f"text2qti does not carry {q.type} questions")
    return lines


class MarkdownExporter(BankExporter):
    name = "markdown"
    description = "text2qti Markdown quiz (run text2qti on it for a Canvas QTI zip)"
    types = ("mcq", "true_false", "short_answer", "cloze", "multi_select", "essay")
    # Not ".qti.md": text2qti writes <name>.zip beside its input, and <slug>.qti.zip is our own
    # QTI export, which running text2qti on the Markdown would overwrite.
    suffix = ".text2qti.md"

    def write(self, qset, questions, options):
        out = [
            f"Quiz title: {one_line(qset.display_title) or qset.article.slug}",
            f"Quiz description: {md(attribution(qset))}",
            "",
        ]
        n = 0
        seen: set[str] = set()
        for q in questions:
            try:
                lines = block(q, n + 1)
            except ValueError as why:
                self.skip(q, str(why))
                continue
            text = lines[1].split(None, 1)[1]
            if text in seen:  # text2qti refuses a quiz that asks the same thing twice
                self.skip(q, "another question has the same text")
                continue
            seen.add(text)
            n += 1
            out += lines + [""]
        return "\n".join(out) if n else None
