"""Loading briefings: every source becomes sanitised ``Article`` objects.

``load_briefing(paths)`` takes what the user typed (files, folders) and returns a
``Briefing``: the articles that loaded and one ``LoadError`` per source that did not.
A bad source never stops the rest.
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Article, Briefing, LoadError
from briefing.sources.text import SourceError, load_text_file

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
FOLDER_SUFFIXES = TEXT_SUFFIXES


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and not p.name.startswith(".")
        )
    return [path]


def load_path(path: Path) -> list[Article]:
    """Load one file. Raises ``SourceError`` with a user-facing message."""
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    if path.is_dir():
        raise SourceError(f"{path}: is a folder")
    return [load_text_file(path)]


def load_briefing(sources: list[str]) -> Briefing:
    articles: list[Article] = []
    errors: list[LoadError] = []
    for raw in sources:
        path = Path(raw)
        if not path.exists():
            errors.append(LoadError(raw, f"{raw}: no such file or folder"))
            continue
        files = _expand(path)
        if path.is_dir() and not files:
            errors.append(LoadError(raw, f"{raw}: no articles found in this folder"))
        for file in files:
            try:
                articles.extend(load_path(file))
            except SourceError as exc:
                errors.append(LoadError(str(file), str(exc)))
    return Briefing(tuple(articles), tuple(errors))
