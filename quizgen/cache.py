"""The analysis cache: what a rebuild of an unchanged article need not compute again.

The parse is the one real cost of a build, and a teacher's edit-and-rebuild loop changes
templates and questions, not the article. Two layers are kept:

- ``analysis/KEY.spacy``: the parsed docs, already mended, as a spaCy DocBin (with user
  data). KEY hashes the texts and offsets that are parsed, the model's name and version,
  spaCy's and quizgen's versions and the source of nlp.py, ruler.py and lemmas.py (``mend``'s
  fixes and the faster ruler and lemmatizer decide what is stored). A hit needs only spaCy's
  vocabulary for the language, never the model.
- ``facts/KEY.json``: the facts extracted from those docs. KEY adds the whole article, the
  extractor plugins and the source of the quizgen code that extraction runs, so an edited
  extractor misses here and still hits the parse. A hit imports neither spaCy nor wordfreq,
  which is what lets a rebuild after editing templates take a fraction of a cold build.

The cache lives in $QUIZGEN_CACHE_DIR, else $XDG_CACHE_HOME/quizgen, else ~/.cache/quizgen.
An entry that cannot be read, or does not hold what its key promises, is a miss: the work is
done again and the entry rewritten. A cache that cannot be written never stops a build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .io import atomic_write

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from .model import Article, Fact

# Bump when what is stored, or how, changes.
FORMAT = 1
KINDS = {"analysis": ".spacy", "facts": ".json"}
# What a teacher edits (question templates, decks) is not code that extraction runs: editing
# it must not throw the cached facts away. Every other file of the package counts.
NOT_EXTRACTION = {"question_templates", "decks", "__pycache__"}
SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt"}


def cache_dir() -> Path:
    """Where quizgen keeps its cache."""
    explicit = os.environ.get("QUIZGEN_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec says a relative value is invalid and must be ignored.
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "quizgen"
    return Path.home() / ".cache" / "quizgen"


def path_for(kind: str, entry_key: str) -> Path:
    return cache_dir() / kind / f"{entry_key}{KINDS[kind]}"


def _files(kind: str) -> list[Path]:
    try:
        return sorted(p for p in (cache_dir() / kind).iterdir() if p.is_file())
    except OSError:
        return []


def info() -> dict[str, Any]:
    """The cache's folder, its entries of each kind and its size in bytes."""
    counts, size = {}, 0
    for kind, suffix in KINDS.items():
        files = _files(kind)
        counts[kind] = sum(p.name.endswith(suffix) for p in files)
        for p in files:
            try:
                size += p.stat().st_size
            except OSError:
                pass
    return {"path": cache_dir(), "entries": counts, "bytes": size}


def clear() -> int:
    """Delete every entry (and any write a killed run left); return how many entries went.

    Only quizgen's own folders are emptied, so a cache directory shared with other files
    keeps them.
    """
    removed = 0
    for kind, suffix in KINDS.items():
        for p in _files(kind):
            entry = p.name.endswith(suffix)
            if entry or p.name.endswith(".part"):
                try:
                    p.unlink()
                except OSError:
                    continue
                removed += 1 if entry else 0
    return removed


def _digest(data: Any, *texts: str) -> str:
    h = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode("utf-8"))
    for text in texts:
        # Each text's length first, so no two lists of texts run together into the same bytes.
        raw = text.encode("utf-8", "surrogatepass")
        h.update(f"\n{len(raw)}\n".encode())
        h.update(raw)
    return h.hexdigest()


# -- the parse ------------------------------------------------------------------------------


def model_meta(name: str) -> dict[str, Any] | None:
    """The model's meta.json, read from the installed package or folder without loading it."""
    path = Path(name)
    try:
        if path.is_dir():
            meta = path / "meta.json"
        elif name.isidentifier():
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                return None
            meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        else:
            return None
        data = json.loads(meta.read_text("utf-8"))
    except (OSError, ValueError, ImportError):
        return None
    return data if isinstance(data, dict) and "version" in data else None


@cache
def _version(dist: str) -> str:
    """A distribution's version, read without importing it (importing spaCy takes a second).
    Once per process: each look-up searches every installed distribution (a few ms), and the
    keys of every article ask again."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


@cache
def _sources(*parts: str) -> tuple[Path, ...]:
    """quizgen's own files under ``parts`` (a file, or a folder taken whole). Listed once per
    process, as the digest that names the entries is taken once: every stored entry checks
    these files again (``_running_is_current``), and walking the folders was most of that."""
    root = Path(__file__).parent
    found = []
    for part in parts:
        top = root / part
        if top.is_file():
            found += [top] if top.suffix in SOURCE_SUFFIXES else []
            continue
        # Every stored entry checks these files, so the folders that do not count (the
        # question templates, bytecode) are not even listed.
        inside = []
        for folder, dirs, files in os.walk(top):
            if NOT_EXTRACTION.intersection(Path(folder).relative_to(root).parts):
                dirs[:] = []
                continue
            dirs[:] = [d for d in dirs if d not in NOT_EXTRACTION]
            inside += [Path(folder, f) for f in files if os.path.splitext(f)[1] in SOURCE_SUFFIXES]
        found += sorted(p for p in inside if p.is_file())  # the order rglob gave
    return tuple(found)


@cache
def _source_digest(*parts: str) -> str:
    """A digest of the source of the code that decides an entry."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for p in _sources(*parts):
        h.update(f"\n{p.relative_to(root).as_posix()}\n".encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _running_is_current(*parts: str) -> bool:
    """Whether no source file changed since this process imported quizgen. If one did, the
    code that ran may be older than the source the key names (a long test session while
    someone edits), and storing its result would hand stale work to every later run."""
    from . import loaded_at

    try:
        return all(p.stat().st_mtime <= loaded_at for p in _sources(*parts))
    except OSError:
        return False


def analysis_key(texts: list[str], offsets: list[int], model: str, model_version: str) -> str:
    """The name of the parse's entry: a hash of everything that decides the stored docs."""
    head = {
        "format": FORMAT,
        "model": model,
        "model_version": model_version,
        "spacy": _version("spacy"),
        "quizgen": __version__,
        "fixes": _source_digest("nlp.py", "ruler.py", "lemmas.py"),
        "offsets": offsets,
    }
    return _digest(head, *texts)


@cache
def vocab(lang: str) -> Vocab:
    """A fresh vocabulary for the language, with its lexical attributes (is_punct, lower_,
    stop words); the stored docs bring their own strings for lemmas, tags and labels."""
    from spacy.util import get_lang_class
    from spacy.vocab import create_vocab

    return create_vocab(lang, get_lang_class(lang).Defaults)


def read_docs(entry_key: str, texts: list[str], lang: str = "en") -> list[Doc] | None:
    """The stored docs, or None when the entry is missing, unreadable or not for these texts."""
    try:
        data = path_for("analysis", entry_key).read_bytes()
    except OSError:
        return None
    from .nlp import import_spacy

    import_spacy()
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin(store_user_data=True).from_bytes(data).get_docs(vocab(lang)))
    except Exception:  # a corrupt or foreign file: whatever spaCy raises means "parse again"
        return None
    if len(docs) != len(texts) or any(d.text != t for d, t in zip(docs, texts, strict=True)):
        return None
    return docs


def write_docs(entry_key: str, docs: list[Doc]) -> None:
    if not _running_is_current("nlp.py", "ruler.py", "lemmas.py"):
        return
    # Storing user data costs a millisecond a doc even when there is none (srsly looks up its
    # msgpack extensions each time); a DocBin without it reads back as docs with none.
    store = any(doc.user_data for doc in docs)
    try:
        atomic_write(path_for("analysis", entry_key), docs_bytes(docs, store))
    except (OSError, ValueError):
        pass


# The token attributes whose strings ``DocBin.add`` stores, reading each from every token.
STRING_ATTRS = ("ORTH", "TAG", "LEMMA", "NORM", "DEP", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


def docs_bytes(docs: list[Doc], store_user_data: bool) -> bytes:
    """``DocBin(docs=docs, store_user_data=...).to_bytes()``, the same bytes (a test compares
    them with spaCy's own), for a third of the time: ``DocBin.add`` reads nine string
    attributes of every token (a new Token object each time), where each distinct hash of
    the token array is looked up once here; and srsly's msgpack scans every installed
    package's entry points for its extensions on each call, where they are found once."""
    import zlib

    import numpy
    from spacy.attrs import IDS, SPACY
    from spacy.tokens import DocBin, MorphAnalysis

    out = DocBin(store_user_data=store_user_data)
    columns = [out.attrs.index(IDS[name]) for name in STRING_ATTRS]
    morphs = out.attrs.index(IDS["MORPH"])
    # The hashes whose strings are stored, looked up once for the article: its paragraphs
    # share most of their words, tags and labels.
    hashes: dict[int, tuple[Any, list, list]] = {}  # by vocabulary: one, for one model's docs
    for doc in docs:
        array = doc.to_array(out.attrs)
        if len(array.shape) == 1:
            array = array.reshape((array.shape[0], 1))
        out.tokens.append(array)
        spaces = doc.to_array(SPACY)
        out.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
        out.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
        strings = doc.vocab.strings
        found = hashes.setdefault(id(doc.vocab), (doc.vocab, [], []))
        found[1].append(array[:, columns].ravel())
        found[2].append(array[:, morphs])
        out.cats.append(doc.cats)
        if store_user_data:
            out.user_data.append(_msgpack(doc.user_data))
        out.span_groups.append(doc.spans.to_bytes())
        for group in doc.spans.values():
            for span in group:
                out.strings.add(span.label_)
                if span.kb_id in strings:
                    out.strings.add(span.kb_id_)
                if span.id in strings:
                    out.strings.add(span.id_)
    for vocab, words, morphs_found in hashes.values():
        out.strings.update(vocab.strings[int(h)] for h in numpy.unique(numpy.concatenate(words)))
        # str(token.morph), which is "" for no features where the hash is that of "_".
        out.strings.update(
            str(MorphAnalysis.from_id(vocab, int(h)))
            for h in numpy.unique(numpy.concatenate(morphs_found))
        )
    # What DocBin.to_bytes packs.
    tokens = numpy.vstack(out.tokens) if out.tokens else numpy.asarray([])
    spaces = numpy.vstack(out.spaces) if out.spaces else numpy.asarray([])
    msg = {
        "version": out.version,
        "attrs": out.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray([len(t) for t in out.tokens], dtype="int32").tobytes("C"),
        "strings": sorted(out.strings),
        "cats": out.cats,
        "flags": out.flags,
        "span_groups": out.span_groups,
    }
    if store_user_data:
        msg["user_data"] = out.user_data
    return zlib.compress(_msgpack(msg))


def _msgpack(data: Any) -> bytes:
    """``srsly.msgpack_dumps(data)``, with the extension hooks it would find."""
    from srsly.msgpack import _Packer

    return _Packer(default=_msgpack_default(), use_bin_type=True).pack(data)


@cache
def _msgpack_default():
    """The ``default`` hook srsly's Packer chains from its registered encoders, once per
    process instead of once per call."""
    import functools

    from srsly.msgpack import msgpack_encoders

    default = None
    for encoder in msgpack_encoders.get_all().values():
        default = functools.partial(encoder, chain=default)
    return default


def cached_parses(
    parts: list[tuple[list[str], list[int]]],
    model: str,
    parse: Callable[[list[list[str]]], list[list[Doc]]],
    loaded_meta: Callable[[], dict[str, Any]],
) -> list[list[Doc]]:
    """The docs for each (texts, offsets): from the cache when they are there, else from
    one call of ``parse()`` with the texts of all those that are not.

    ``loaded_meta`` gives the loaded model's meta; it is called only when the model's
    version cannot be read from its package, since loading the model is what a hit avoids.
    """
    meta = model_meta(model) or loaded_meta()
    version, lang = str(meta.get("version", "")), str(meta.get("lang") or "en")
    keys = [analysis_key(texts, offsets, model, version) for texts, offsets in parts]
    found = [read_docs(k, texts, lang) for k, (texts, _) in zip(keys, parts, strict=True)]
    todo = [i for i, docs in enumerate(found) if docs is None]
    if todo:
        for i, docs in zip(todo, parse([parts[i][0] for i in todo]), strict=True):
            found[i] = docs
            write_docs(keys[i], docs)
    return found


# -- the facts ------------------------------------------------------------------------------


def facts_key(article: Article, model: str | None) -> str | None:
    """The name of the facts' entry, or None when the model's version cannot be known
    without loading it (then only the parse is cached)."""
    from . import nlp, registry

    name = nlp.model_name(model)
    meta = model_meta(name)
    if meta is None:
        return None
    texts, offsets = nlp.parse_texts(article)
    extractors = []
    for p in registry.plugins("extractors"):
        mark = [p.name, p.value, p.dist]
        if p.dist != "quizgen":  # quizgen's own are covered by the source digest below
            mark += [_version(p.dist), _module_digest(p.value.split(":")[0])]
        extractors.append(mark)
    head = {
        "analysis": analysis_key(texts, offsets, name, str(meta["version"])),
        "article": article.to_dict(),
        "extractors": extractors,
        "source": _source_digest("."),
        "wordfreq": _version("wordfreq"),
    }
    return _digest(head)


def _module_digest(module: str) -> str:
    """A digest of a plugin module's file, found without importing the module itself."""
    try:
        spec = importlib.util.find_spec(module)
        return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest() if spec else "?"
    except (ImportError, ValueError, TypeError, OSError):
        return "?"


def read_facts(entry_key: str) -> list[Fact] | None:
    from .model import Fact

    try:
        data = json.loads(path_for("facts", entry_key).read_text("utf-8"))
        if data.get("format") != FORMAT:
            return None
        return [Fact.from_dict(f) for f in data["facts"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_facts(entry_key: str, facts: list[Fact]) -> None:
    from .model import Fact

    try:
        # The JSON of each fact's to_dict(), without building those dicts first: asdict()
        # copies every slot deeply, which cost more than the rest of storing the facts.
        text = json.dumps({"format": FORMAT, "facts": facts}, ensure_ascii=False, default=_fields)
        # A tuple or a non-string key would come back changed: facts are stored only when
        # they read back exactly, so a hit always gives what extraction gave.
        same = [Fact.from_dict(d) for d in json.loads(text)["facts"]] == facts
    except (TypeError, ValueError, KeyError):
        return  # a slot JSON cannot hold: keep only the parse
    if not same or not _running_is_current("."):
        return
    try:
        atomic_write(path_for("facts", entry_key), text)
    except OSError:
        pass


def _fields(obj: Any) -> dict[str, Any]:
    """A dataclass (a Fact, its Evidence) as JSON sees it: its fields, in order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise TypeError(f"{type(obj).__name__} is not JSON")


def cached_facts(
    article: Article, model: str | None, extract: Callable[[], list[Fact]]
) -> list[Fact]:
    """The article's facts: from the cache when they are there, else from ``extract()``."""
    entry_key = facts_key(article, model)
    facts = read_facts(entry_key) if entry_key else None
    if facts is None:
        facts = extract()
        if entry_key:
            write_facts(entry_key, facts)
    return facts
