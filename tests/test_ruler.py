"""The attribute ruler's table look-up (quizgen/ruler.py) finds exactly the Matcher's matches,
and the lemmatizer's kept answers (quizgen/lemmas.py) are its own, so quizgen's parse is
spaCy's own, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from quizgen import lemmas, nlp, pipeline, ruler

# Every kind of rule the small model has: tag maps, word lists, "not", a dependency, the
# two-token rules ("gonna", "let's", "y'all", "ain't"), a regular expression ("nothin'"),
# spaces, and a sentence with none of these.
TEXTS = [
    "I'm gonna tell you: it isn't what they've said, and we ain't done nothin' wrong.",
    "Let's go, y'all.  There are  two spaces here, and there is a \n line break.",
    "It gets worse: he got the job that she said was hers, but it didn't matter.",
    "Whether or not the Bank of England raises rates, 3.5% of firms will cut 1,200 jobs.",
    "“Do you have it?” she asked.  “I do,” said Mr O'Neill, who had been there since 1997.",
    "",
    "  ",
]


def example_texts() -> list[str]:
    article = pipeline.ingest(pipeline.bundled_deck() / "article.txt")
    return nlp.parse_texts(article)[0]


def parsed_before_the_ruler(model, texts):
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(model.pipe(texts))


def test_the_table_finds_the_matchers_matches_on_the_models_ruler():
    model = spacy.load(nlp.model_name())  # spaCy's own, without quizgen's change
    stock = model.get_pipe("attribute_ruler")
    table = ruler.Table(stock)
    docs = parsed_before_the_ruler(model, [*TEXTS, *example_texts()])
    for doc in docs:
        assert table(doc) == stock.match(doc)
    # Again from the filled table, as later articles are.
    assert [table(d) for d in docs] == [stock.match(d) for d in docs]
    assert any(len(table(d)) > len(d) for d in docs)  # several rules on one token do occur


def test_quizgens_pipeline_sets_every_attribute_as_spacys_own():
    name = nlp.model_name()
    stock = spacy.load(name)
    ours = nlp.load(name)
    assert isinstance(ours.get_pipe("attribute_ruler").match, ruler.Table)
    assert isinstance(ours.get_pipe("attribute_ruler").set_annotations, ruler.Setter)
    assert isinstance(ours.get_pipe("lemmatizer").lemmatize, lemmas.Kept)
    assert not isinstance(stock.get_pipe("attribute_ruler").match, ruler.Table)

    def read(doc):
        return [
            (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_)
            + (t.ent_type_, t.is_sent_start)
            for t in doc
        ]

    texts = [*TEXTS, *example_texts()]
    assert [read(d) for d in ours.pipe(texts)] == [read(d) for d in stock.pipe(texts)]
    # Again, with every lemma now kept.
    assert [read(d) for d in ours.pipe(texts)] == [read(d) for d in stock.pipe(texts)]
    assert ours.get_pipe("lemmatizer").lemmatize.memo


def made_ruler(patterns) -> AttributeRuler:
    vocab = spacy.blank("en").vocab
    made = AttributeRuler(vocab, validate=False)
    made.add_patterns(patterns)
    return made


def test_later_rules_override_earlier_ones_and_each_span_of_a_rule_counts_once():
    model = spacy.blank("en")
    stock = made_ruler(
        [
            {"patterns": [[{"LOWER": {"IN": ["a", "b"]}}]], "attrs": {"POS": "X"}},
            # Two alternatives matching the same token: one match, as the Matcher gives.
            {
                "patterns": [[{"TEXT": "a"}], [{"LOWER": {"REGEX": "^a$"}}]],
                "attrs": {"POS": "NOUN"},
            },
            {"patterns": [[{"LOWER": {"NOT_IN": ["a"]}}]], "attrs": {"LEMMA": "z"}},
            {"patterns": [[{"LOWER": "a"}, {"IS_SPACE": False}]], "attrs": {"POS": "VERB"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}, "index": 0},
            {"patterns": [[{"LOWER": "b"}, {"LOWER": "a"}]], "attrs": {"LEMMA": "q"}, "index": -1},
        ]
    )
    table = ruler.Table(stock)
    for text in ("a b a  b", "b a", "a", "A B A", "c"):
        doc = model.make_doc(text)
        assert table(doc) == stock.match(doc)
    doc = model.make_doc("a b a  b")
    assert ruler.use_table(stock) is stock and isinstance(stock.match, ruler.Table)
    stock(doc)
    assert [t.pos_ for t in doc] == ["VERB", "X", "NOUN", "SPACE", "X"]
    assert [t.lemma_ for t in doc] == ["", "z", "q", "z", "z"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a", "OP": "?"}],  # an operator
        [{"POS": "NOUN"}],  # an attribute the table does not read
        [{"LENGTH": {">=": 2}}],
        [{"LOWER": {"FUZZY": "abc"}}],
        [{}],  # any token
    ],
)
def test_a_rule_the_table_cannot_read_keeps_spacys_matching(pattern):
    made = made_ruler([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    assert ruler.use_table(made) is made
    assert not isinstance(made.match, ruler.Table)
