"""The player's display and sound choices, kept as a small JSON file in the user config folder.

Settings are not game data: they hold no names or notes, and a broken or missing file just means defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.words import languages

TEXT_SIZES = (1.0, 1.2, 1.4)
TEXT_SIZE_NAMES = dict(zip(("normal", "large", "largest"), TEXT_SIZES, strict=True))  # as the demo takes them
SPEECH_RATES = ("slow", "normal", "fast")


@dataclass
class Settings:
    text_size: float = 1.0
    high_contrast: bool = False
    read_aloud: bool = True
    speech_rate: str = "normal"
    reduced_motion: bool = False
    fullscreen: bool = False
    language: str = "en"
    dyslexic_font: bool = False

    def checked(self) -> Settings:
        """Any odd value (from a hand-edited file) becomes the default."""
        d = Settings()
        if self.text_size not in TEXT_SIZES:
            self.text_size = d.text_size
        if self.speech_rate not in SPEECH_RATES:
            self.speech_rate = d.speech_rate
        if self.language not in languages():
            self.language = d.language
        for f in fields(self):
            if f.type in ("bool", bool) and not isinstance(getattr(self, f.name), bool):
                setattr(self, f.name, getattr(d, f.name))
        return self


def settings_path(data_dir: str | os.PathLike | None = None) -> Path:
    if data_dir:
        return Path(data_dir) / "settings.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("making-it-real", appauthor=False)) / "settings.json"


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in raw.items() if k in known}).checked()
    except (OSError, ValueError, TypeError, AttributeError):
        return Settings()


def save_settings(settings: Settings, path: Path) -> bool:
    """Write atomically; False (and nothing lost) if the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
        os.replace(tmp, path)
        return True
    except OSError:
        return False
