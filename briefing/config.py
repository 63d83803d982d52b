"""Where briefing keeps things (platformdirs) and the user's TOML config."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP = "briefing"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def config_path() -> Path:
    return config_dir() / "config.toml"


@dataclass(frozen=True)
class Config:
    model: str | None = None
    theme: str | None = None
    export_dir: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> Config:
    """Read the config file. A missing file is the defaults; a broken one is reported, not fatal."""
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):  # no config file (or no config folder)
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(problems=(f"{path}: ignored ({exc})",))
    keymap = raw.get("keymap", {})
    if not isinstance(keymap, dict):
        keymap = {}
    return Config(
        model=_str(raw.get("model")),
        theme=_str(raw.get("theme")),
        export_dir=_str(raw.get("export_dir")),
        keymap={str(k): str(v) for k, v in keymap.items()},
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def save_setting(key: str, value: str, path: Path | None = None) -> None:
    """Set one top-level string setting in the config file, keeping everything else; atomic.

    Raises OSError when the file cannot be written.
    """
    import json
    import re

    from briefing.atomic import atomic_write_text

    path = path or config_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    new = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    for i in range(first_table):
        if pattern.match(lines[i]):
            lines[i] = new
            break
    else:
        lines.insert(first_table, new)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, "\n".join(lines) + "\n")
