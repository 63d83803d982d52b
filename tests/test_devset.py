"""Dev-set accuracy floors. Floors only move up: raise them when the extractors improve."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, devset_or_skip

pytestmark = pytest.mark.devset

FLOORS = {
    "quote_f1": 0.98,
    "speaker_accuracy": 0.97,
    "figure_f1": 0.99,
    "figure_value_accuracy": 0.99,
    "figure_head_accuracy": 0.96,
    "actor_recall": 0.99,
    "actor_precision": 0.99,
    "actor_role_accuracy": 0.95,
}
CEILINGS = {"actor_split_rate": 0.02}


@pytest.fixture(scope="module")
def scores():
    dev = devset_or_skip()
    articles = sorted(str(p) for p in (dev / "articles").glob("*.txt"))
    r = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--no-cache", "--format", "json", *articles],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    s = subprocess.run([sys.executable, str(dev / "scripts" / "score"), str(dev / "gold"), "-", "--json"],
                       input=r.stdout, capture_output=True, text=True, timeout=120)
    assert s.returncode == 0, s.stderr
    result = json.loads(s.stdout)
    print(json.dumps(result, indent=2))
    return result


def test_every_article_scored(scores):
    assert scores["articles_missing"] == []


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} {scores[metric]:.3f} fell below {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_ceiling(scores, metric):
    assert scores[metric] <= CEILINGS[metric], f"{metric} {scores[metric]:.3f} rose above {CEILINGS[metric]}"
