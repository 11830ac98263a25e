"""The plan as versioned JSON: the file a review starts from (see game/model/plan.schema.json).

The text comes from ``game.model.planio.plan_to_json``, so export -> import -> export gives the
same bytes, and ``read_plan`` can check and load it again.
"""

from __future__ import annotations

from game.model.plan import Plan
from game.model.planio import plan_to_json


def render(plan: Plan) -> bytes:
    return plan_to_json(plan).encode("utf-8")
