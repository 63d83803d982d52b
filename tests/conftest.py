from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
DEVSET = SHARED / "devset"
SEED = ROOT / "seeds" / "gaza-ceasefire.txt"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own XDG config/data/cache dirs: no test touches the user's."""
    base = tmp_path_factory.mktemp("xdg")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        (base / var).mkdir()
        monkeypatch.setenv(var, str(base / var))
    yield base


@pytest.fixture(scope="session")
def nlp():
    from briefing.analysis.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyse(nlp):
    """analyse(text) -> ArticleAnalysis, with the real pipeline."""
    from briefing.analysis.pipeline import analyse_doc
    from briefing.sources.text import article_from_text

    def run(text: str, source: str = "test.txt"):
        article = article_from_text(text, source)
        return analyse_doc(nlp(article.text), article)

    return run


def devset_or_skip() -> Path:
    if not (DEVSET / "gold").is_dir():
        pytest.skip(f"dev set not found at {DEVSET} (set BRIEFING_SHARED to the shared folder)")
    return DEVSET
