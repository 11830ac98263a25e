"""Saving games as they are played, plan history and deleting for good, in one SQLite file.

``open_store(data_dir=None)`` never raises; ``store.problem`` is None or a plain message to show.
``game.store.session.PlaySession`` ties a running ``Game`` to its store: the UI's one entry point.
"""

from game.store.opening import memory_store, open_store
from game.store.problems import StoreError, UnknownId
from game.store.store import Store

__all__ = ["Store", "StoreError", "UnknownId", "memory_store", "open_store"]
