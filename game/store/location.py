"""Where the saved-games file lives: ``--data-dir``, else $MAKING_IT_REAL_DATA, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MAKING_IT_REAL_DATA"
APP_NAME = "making-it-real"
DB_NAME = "games.db"
LOCK_NAME = "games.db.lock"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The folder to save in. Nothing is created here; the store does that when it opens."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    # Imported here so that pointing the game at a folder never needs platformdirs.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))
