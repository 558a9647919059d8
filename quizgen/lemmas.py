"""The rule lemmatizer's answer kept for each word form, part of speech and set of features.

spaCy's rule lemmatizer (the small English model's) keeps its answers in a cache keyed on
the token's form, part of speech and features, but not its answer for a word that is
already a base form (a singular noun, a plain adjective: most words), which it works out
again for every token by reading the token's features into a dict. That answer depends on
nothing else either, so here every answer is kept under the same key, each given the first
time by the lemmatizer's own code. A token without a part of speech is left to the
lemmatizer every time, since it warns about each one.
"""

from __future__ import annotations

MEMO_SIZE = 65_536


def install(nlp) -> None:
    from spacy.pipeline import Lemmatizer

    for _, proc in nlp.pipeline:
        if isinstance(proc, Lemmatizer) and proc.mode == "rule":
            # ``Lemmatizer.__call__`` asks ``self.lemmatize`` for each token: an instance
            # attribute, set to the rule method when the component is made.
            proc.lemmatize = Kept(proc.rule_lemmatize)


class Kept:
    def __init__(self, lemmatize) -> None:
        self.lemmatize = lemmatize
        self.memo: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = self.memo.get(key)
        if forms is None:
            forms = self.lemmatize(token)
            if token.pos:
                if len(self.memo) >= MEMO_SIZE:
                    self.memo.clear()
                self.memo[key] = forms
        return forms
