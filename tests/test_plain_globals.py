"""Compiled templates keep their globals in a plain dict (quizgen/templates: _plain_globals),
with the environment's items in the same order, so every render sees what Jinja gave it."""

from collections import ChainMap

from quizgen import templates


def test_compiled_templates_hold_the_environments_globals_in_a_plain_dict():
    env = templates.environment()
    made = templates._compiled("{% for i in range(2) %}{{ slots.x }}{{ i }}{% endfor %}")
    expr = templates._compiled_expr("slots.x in namespace(a=slots.x).a")
    for template in (made, expr._template):
        assert type(template.globals) is dict
        assert list(template.globals.items()) == list(ChainMap({}, env.globals).items())
    assert made.render(slots={"x": "a"}) == "a0a1"
    assert expr(slots={"x": "b"}) is True
