"""Making It Real: a card-and-board game for co-producing care plans.

Layers point one way: ``game.model`` (pure rules and records) <- ``game.store`` and
``game.export`` <- ``game.ui`` (pygame screens) <- ``game.cli`` (the commands people run).
"""

__version__ = "0.1.0"
