"""The one exception the rules raise to refuse a command: a words key plus details for the screen."""

from __future__ import annotations


class Refused(Exception):
    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params
