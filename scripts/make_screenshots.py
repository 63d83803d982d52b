#!/usr/bin/env python3
"""Write SVG screenshots of each reader pane on the seed article into screenshots/.

Runs the real analysis (spaCy, no cache) and drives the app headless with Textual's pilot:

    .venv/bin/python scripts/make_screenshots.py [--seed seeds/gaza-ceasefire.txt] [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.config import Config  # noqa: E402
from briefing.sources import load_briefing  # noqa: E402

# (file name, terminal size, keys to press, title)
SHOTS = [
    ("text.svg", (100, 30), ["l", "l", "l"], "briefing: the text pane"),
    ("quotes.svg", (100, 30), ["2"], "briefing: quotes"),
    ("actors.svg", (100, 30), ["3"], "briefing: actors, with the selected actor's quotes and mentions"),
    ("figures.svg", (100, 30), ["4"], "briefing: key figures"),
    ("wide.svg", (160, 44), ["2", "j", "enter"], "briefing on a wide terminal: text beside the lists"),
    ("review.svg", (100, 30), ["2", "space", "j", "space", "f", "j", "f"],
     "briefing: quotes marked reviewed and flagged"),
]


def analyse_no_cache(articles, model_name):
    from briefing.analysis.runner import iter_analyses
    from briefing.tui.app import start_resource_tracker

    start_resource_tracker()  # the runner may use worker processes, even for one article
    return iter_analyses(articles, model_name, use_cache=False)


async def shoot(briefing, name: str, size, keys, title: str, out: Path) -> None:
    from briefing.storage.review import ReviewStore
    from briefing.tui.app import BriefingApp

    import textual.constants

    # The SVGs are in full colour whatever $TERM says (TERM=xterm would mean 16 colours,
    # where the reader swaps an RGB theme for an ANSI one).
    textual.constants.COLOR_SYSTEM = "truecolor"
    # A fresh in-memory review store per shot: the user's own marks never show, nor change.
    app = BriefingApp(briefing, analyse=analyse_no_cache, config=Config(theme="textual-dark"),
                      remember_theme=False, review=ReviewStore.memory())
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        (out / name).write_text(app.export_screenshot(title=title), encoding="utf-8")
    print(f"wrote {out / name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", default=str(ROOT / "seeds" / "gaza-ceasefire.txt"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args()
    briefing = load_briefing([args.seed])
    if not briefing.articles:
        print(f"cannot load {args.seed}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, size, keys, title in SHOTS:
        asyncio.run(shoot(briefing, name, size, keys, title, out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
