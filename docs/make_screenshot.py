"""Render page 1 of a worksheet to docs/worksheet.png, the picture the README shows.

The picture is made by the same Typst template and the same data as the PDF exporter, so it is
our real output, not a mock-up. Give it the question bank that ``quizgen build -f json`` wrote
(or a questions.yaml) and the options the worksheet was built with::

    quizgen build -f json -f pdf
    python docs/make_screenshot.py out/hanoi-summit.json --with-passage
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

from quizgen.exporters.pdf import page_image
from quizgen.io import atomic_write
from quizgen.model import QuestionSet


def main(argv: list[str] | None = None) -> Path:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bank", type=Path, help="question bank: .json (quizgen's) or .yaml")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).parent / "worksheet.png")
    ap.add_argument("--with-passage", action="store_true")
    ap.add_argument("--points", action="store_true")
    ap.add_argument("--paper", choices=("a4", "letter"), default="a4")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--page", type=int, default=1)
    ap.add_argument("--ppi", type=float, default=110)
    args = ap.parse_args(argv)
    text = args.bank.read_text(encoding="utf-8")
    data = json.loads(text) if args.bank.suffix == ".json" else yaml.safe_load(text)
    qset = QuestionSet.from_dict(data)
    options = {"with_passage": args.with_passage, "points": args.points, "paper": args.paper}
    if args.seed is not None:
        options["seed"] = args.seed
    png = page_image(qset, options, page=args.page, ppi=args.ppi)
    return atomic_write(args.output, png)


if __name__ == "__main__":
    print(main())
