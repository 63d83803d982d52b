"""Review marks: which items a reader has reviewed, flagged or annotated, kept across runs.

One SQLite database, ``data_dir()/review.sqlite3``, one row per marked item. An item is
named by an ``ItemRef``: its kind (``quote``, ``actor``, ``figure``, or ``article`` for the
article itself) and a key that survives re-analysis where it can:

* quotes and figures: their span in the text, ``"start:end"``;
* actors: the name, case-folded (actor ids are numbered by the extractor and may change);
* the article: ``""``.

Rows are keyed by ``Article.id`` (a hash of the article's text), so marks follow the content
through renames and moves, and an edited article starts clean.

Safety: WAL journal, a busy timeout, and every change is one ``BEGIN IMMEDIATE`` transaction
that reads and writes the row, so two copies of the app on the same briefing neither corrupt
the file nor lose each other's toggles. A damaged file is set aside (``.corrupt-<time>``) and
a fresh one started; when the data folder cannot be written the store works in memory (with
the saved marks copied in when they can be read). Either way ``store.message`` says so in
one line for the caller to show.

Typical use (the reader)::

    store = ReviewStore.open()               # show store.message if it is not None
    ref = ItemRef.of(quote)                  # or ItemRef.of(actor) / ItemRef.of(figure)
    store.toggle_reviewed(article.id, ref)   # space
    store.toggle_flag(article.id, ref)       # f
    store.set_note(article.id, ref, text)    # a  ("" removes the note)
    marks = store.for_article(article.id)    # {ref.id: Mark}; marks.get(ref.id, NO_MARK).symbol
    store.progress(analysis).label           # "7/12 reviewed, 2 flagged"
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from briefing.config import data_dir
from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
from briefing.sanitize import sanitise

FILENAME = "review.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
NOTE_MAX = 10_000  # characters
KINDS = ("quote", "actor", "figure", "article")
ITEM_KINDS = ("quote", "actor", "figure")  # what progress counts
LABEL_MAX = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    article    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    reviewed   INTEGER NOT NULL DEFAULT 0,
    flagged    INTEGER NOT NULL DEFAULT 0,
    note       TEXT    NOT NULL DEFAULT '',
    label      TEXT    NOT NULL DEFAULT '',
    updated_at REAL    NOT NULL,
    PRIMARY KEY (article, kind, key)
) WITHOUT ROWID
"""


def default_path() -> Path:
    return data_dir() / FILENAME


# -- naming items ---------------------------------------------------------------------------


def item_kind(item: object) -> str:
    """The review kind of a model object."""
    if isinstance(item, Quote):
        return "quote"
    if isinstance(item, Actor):
        return "actor"
    if isinstance(item, Figure):
        return "figure"
    if isinstance(item, (Article, ArticleAnalysis)):
        return "article"
    raise TypeError(f"not a reviewable item: {type(item).__name__}")


def item_key(kind: str, item: object) -> str:
    """The stable key of an item within its article (the one place this is decided)."""
    if kind in ("quote", "figure"):
        return f"{item.start}:{item.end}"  # type: ignore[attr-defined]
    if kind == "actor":
        return " ".join(item.name.split()).casefold()  # type: ignore[attr-defined]
    if kind == "article":
        return ""
    raise ValueError(f"unknown review kind: {kind!r}")


def item_label(kind: str, item: object) -> str:
    """A short human label kept with a mark, so a mark outliving its item can still be named."""
    if kind in ("quote", "figure"):
        text = item.text  # type: ignore[attr-defined]
    elif kind == "actor":
        text = item.name  # type: ignore[attr-defined]
    elif kind == "article":
        art = item.article if isinstance(item, ArticleAnalysis) else item
        text = art.title  # type: ignore[attr-defined]
    else:
        raise ValueError(f"unknown review kind: {kind!r}")
    text = " ".join(str(text).split())
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


@dataclass(frozen=True)
class ItemRef:
    """Which item a mark belongs to. Equal refs have equal (kind, key); the label is extra."""

    kind: str
    key: str
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown review kind: {self.kind!r}")

    @classmethod
    def of(cls, item: Quote | Actor | Figure | Article | ArticleAnalysis) -> "ItemRef":
        kind = item_kind(item)
        return cls(kind, item_key(kind, item), item_label(kind, item))

    @classmethod
    def parse(cls, ref_id: str) -> "ItemRef":
        kind, _, key = ref_id.partition(":")
        return cls(kind, key)

    @property
    def id(self) -> str:
        """``"kind:key"``: the key of ``for_article``'s mapping (and a handy widget key)."""
        return f"{self.kind}:{self.key}"


def item_refs(analysis: ArticleAnalysis) -> list[ItemRef]:
    """Every reviewable item of an article (quotes, actors, figures), once each."""
    seen: dict[str, ItemRef] = {}
    for item in (*analysis.quotes, *analysis.actors, *analysis.figures):
        ref = ItemRef.of(item)
        seen.setdefault(ref.id, ref)
    return list(seen.values())


# -- marks and progress ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    reviewed: bool = False
    flagged: bool = False
    note: str = ""
    label: str = ""
    updated_at: float = 0.0

    @property
    def empty(self) -> bool:
        return not (self.reviewed or self.flagged or self.note)

    @property
    def symbol(self) -> str:
        """Two columns for a list's mark column: reviewed tick, then flag (or note) sign."""
        first = "✓" if self.reviewed else " "
        second = "⚑" if self.flagged else ("✎" if self.note else " ")
        return first + second


NO_MARK = Mark()
Marks = Mapping[str, Mark]  # ref.id -> Mark, for one article


class Progress(NamedTuple):
    reviewed: int
    total: int
    flagged: int

    @property
    def done(self) -> bool:
        """An article is reviewed when all its items are (and it has some)."""
        return self.total > 0 and self.reviewed >= self.total

    @property
    def label(self) -> str:
        text = f"{self.reviewed}/{self.total} reviewed"
        return text + (f", {self.flagged} flagged" if self.flagged else "")


def progress_of(analysis: ArticleAnalysis, marks: Marks) -> Progress:
    """Progress of one article from its marks (as ``for_article`` returns them)."""
    refs = item_refs(analysis)
    reviewed = sum(1 for r in refs if marks.get(r.id, NO_MARK).reviewed)
    flagged = sum(1 for r in refs if marks.get(r.id, NO_MARK).flagged)
    return Progress(reviewed, len(refs), flagged)


class ReviewError(Exception):
    """A mark could not be saved; the message is one line for the user."""


# -- the store --------------------------------------------------------------------------------


class ReviewStore:
    """Review marks in SQLite. Open with ``ReviewStore.open()``; safe to share between threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, message: str | None = None):
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.message = message  # one line for the user when something was wrong, else None

    @property
    def persistent(self) -> bool:
        """False when marks live in memory only (they end with the process)."""
        return self.path is not None

    # opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> "ReviewStore":
        """Open (creating if needed) the store. Never raises for a bad file or folder."""
        path = Path(path) if path is not None else default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls._in_memory(path, f"cannot create {path.parent} ({_reason(exc)})")
        try:
            return cls(_connect(path), path)
        except (sqlite3.Error, _Damaged) as exc:
            if not _is_damage(exc):
                return cls._in_memory(path, f"cannot open {path} ({_reason(exc)})")
        try:
            kept = _set_aside(path)
        except OSError as exc:
            return cls._in_memory(path, f"{path} is damaged and cannot be moved aside ({_reason(exc)})",
                                  copy=False)
        message = f"review marks were damaged; kept a copy as {kept.name} and started afresh"
        try:
            return cls(_connect(path), path, message)
        except (sqlite3.Error, _Damaged) as exc:
            return cls._in_memory(path, f"cannot open {path} ({_reason(exc)})", copy=False)

    @classmethod
    def memory(cls) -> "ReviewStore":
        """A store that keeps marks for this process only (tests, or no data dir)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _init_schema(conn)
        return cls(conn, None)

    @classmethod
    def _in_memory(cls, path: Path, reason: str, copy: bool = True) -> "ReviewStore":
        store = cls.memory()
        copied = copy and _copy_saved(path, store._conn)
        tail = ("showing saved marks; changes last for this session only" if copied
                else "marks last for this session only")
        store.message = f"review marks: {reason}; {tail}"
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "ReviewStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading ---------------------------------------------------------------------------

    def get(self, article_id: str, ref: ItemRef) -> Mark:
        with self._lock, _errors("read"):
            row = self._conn.execute(
                "SELECT reviewed, flagged, note, label, updated_at FROM marks"
                " WHERE article = ? AND kind = ? AND key = ?",
                (article_id, ref.kind, ref.key)).fetchone()
        return _mark(row) if row else NO_MARK

    def for_article(self, article_id: str) -> dict[str, Mark]:
        """Every mark of one article, by ``ItemRef.id``."""
        return self.for_articles([article_id]).get(article_id, {})

    def for_articles(self, article_ids: Iterable[str]) -> dict[str, dict[str, Mark]]:
        """Marks of several articles: ``{article_id: {ref.id: Mark}}`` (articles without marks left out)."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, dict[str, Mark]] = {}
        with self._lock, _errors("read"):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows = self._conn.execute(
                    "SELECT article, kind, key, reviewed, flagged, note, label, updated_at FROM marks"
                    f" WHERE article IN ({','.join('?' * len(chunk))})", chunk).fetchall()
                for article, kind, key, *rest in rows:
                    out.setdefault(article, {})[f"{kind}:{key}"] = _mark(rest)
        return out

    def progress(self, analysis: ArticleAnalysis) -> Progress:
        return progress_of(analysis, self.for_article(analysis.article.id))

    # changing (each call is one transaction; each returns the item's new mark) -----------

    def set_reviewed(self, article_id: str, ref: ItemRef, reviewed: bool = True) -> Mark:
        return self._change(article_id, ref, lambda m: replace(m, reviewed=bool(reviewed)))

    def toggle_reviewed(self, article_id: str, ref: ItemRef) -> Mark:
        return self._change(article_id, ref, lambda m: replace(m, reviewed=not m.reviewed))

    def set_flagged(self, article_id: str, ref: ItemRef, flagged: bool = True) -> Mark:
        return self._change(article_id, ref, lambda m: replace(m, flagged=bool(flagged)))

    def toggle_flag(self, article_id: str, ref: ItemRef) -> Mark:
        return self._change(article_id, ref, lambda m: replace(m, flagged=not m.flagged))

    def set_note(self, article_id: str, ref: ItemRef, note: str | None) -> Mark:
        """Set, replace or (with an empty note) remove the item's note."""
        text = sanitise(note or "").strip()[:NOTE_MAX]
        return self._change(article_id, ref, lambda m: replace(m, note=text))

    def set_article_reviewed(self, analysis: ArticleAnalysis, reviewed: bool = True) -> Progress:
        """Mark every item of an article reviewed (or not), in one transaction."""
        refs = item_refs(analysis)
        article_id = analysis.article.id
        with self._lock, _errors("save"), self._transaction() as conn:
            for ref in refs:
                self._apply(conn, article_id, ref, lambda m: replace(m, reviewed=bool(reviewed)))
        return self.progress(analysis)

    def toggle_article_reviewed(self, analysis: ArticleAnalysis) -> Progress:
        """Space on an article: all items reviewed, or (when they all are already) none."""
        return self.set_article_reviewed(analysis, not self.progress(analysis).done)

    def integrity_ok(self) -> bool:
        with self._lock, _errors("check"):
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return rows == [("ok",)]

    # internals -------------------------------------------------------------------------

    def _change(self, article_id: str, ref: ItemRef, change: Callable[[Mark], Mark]) -> Mark:
        with self._lock, _errors("save"), self._transaction() as conn:
            return self._apply(conn, article_id, ref, change)

    @contextlib.contextmanager
    def _transaction(self):
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")  # take the write lock before reading: no lost updates
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @staticmethod
    def _apply(conn: sqlite3.Connection, article_id: str, ref: ItemRef,
               change: Callable[[Mark], Mark]) -> Mark:
        where = (article_id, ref.kind, ref.key)
        row = conn.execute("SELECT reviewed, flagged, note, label, updated_at FROM marks"
                           " WHERE article = ? AND kind = ? AND key = ?", where).fetchone()
        old = _mark(row) if row else NO_MARK
        new = replace(change(old), label=ref.label or old.label, updated_at=time.time())
        if new.empty:
            conn.execute("DELETE FROM marks WHERE article = ? AND kind = ? AND key = ?", where)
            return NO_MARK
        conn.execute(
            "INSERT INTO marks (article, kind, key, reviewed, flagged, note, label, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article, kind, key) DO UPDATE SET reviewed = excluded.reviewed,"
            " flagged = excluded.flagged, note = excluded.note, label = excluded.label,"
            " updated_at = excluded.updated_at",
            (*where, int(new.reviewed), int(new.flagged), new.note, new.label, new.updated_at))
        return new


def load_marks(article_ids: Iterable[str], path: str | os.PathLike[str] | None = None
               ) -> tuple[dict[str, dict[str, Mark]], str | None]:
    """Marks for an export: ``({article_id: {ref.id: Mark}}, message or None)``.

    Creates nothing: with no review database yet there are simply no marks.
    """
    path = Path(path) if path is not None else default_path()
    if not path.exists():
        return {}, None
    store = ReviewStore.open(path)
    try:
        return store.for_articles(article_ids), store.message
    except ReviewError as exc:
        return {}, str(exc)
    finally:
        store.close()


# -- SQLite plumbing ---------------------------------------------------------------------------


class _Damaged(Exception):
    pass


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise _Damaged(str(rows[0][0]) if rows else "quick_check failed")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.OperationalError(f"written by a newer briefing (schema {version})")
        _init_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _init_schema(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(_SCHEMA)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _is_damage(exc: BaseException) -> bool:
    if isinstance(exc, _Damaged):
        return True
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _set_aside(path: Path) -> Path:
    """Rename a damaged database (and its journal files) to ``<name>.corrupt-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, kept)
    for suffix in ("-wal", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{kept}{suffix}")
    with contextlib.suppress(OSError):
        os.unlink(f"{path}-shm")
    return kept


def _copy_saved(path: Path, target: sqlite3.Connection) -> bool:
    """Copy a readable saved database into ``target``: read-only, then read-only without locks."""
    if not path.is_file():
        return False
    uri = path.resolve().as_uri()
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            src = sqlite3.connect(uri + query, uri=True)
        except (sqlite3.Error, ValueError):
            continue
        try:
            if src.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            if src.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                return False
            src.backup(target)
            return True
        except sqlite3.Error:
            continue
        finally:
            src.close()
    with contextlib.suppress(sqlite3.Error):  # a half-done copy: back to an empty store
        target.execute("DROP TABLE IF EXISTS marks")
        _init_schema(target)
    return False


def _mark(row) -> Mark:
    reviewed, flagged, note, label, updated_at = row
    return Mark(bool(reviewed), bool(flagged), note or "", label or "", float(updated_at or 0.0))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or exc.__class__.__name__


@contextlib.contextmanager
def _errors(doing: str):
    try:
        yield
    except sqlite3.Error as exc:
        raise ReviewError(f"review marks: cannot {doing} ({_reason(exc)})") from exc
