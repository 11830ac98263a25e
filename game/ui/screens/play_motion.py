"""The play screen's movement: tokens walking tile by tile (or jumping, with reduced motion), cards
sliding in as they are dealt, and the plan wheel filling."""

from __future__ import annotations


class PlayMotion:
    """Mixed into PlayScreen: it keeps where each token and wheel segment is shown, moving towards
    where the engine says they are."""

    def draw(self, surface) -> None:
        if self._deal < 1.0 and not self.hold_board:
            ease = 1 - (1 - self._deal) ** 3
            h = self.app.size[1]
            for i, w in enumerate(x for x in self.widgets if x.role == "card"):
                w.anim_dy = (1 - ease) * h * (0.25 + 0.08 * i)
        else:
            for w in self.widgets:
                if w.role == "card":
                    w.anim_dy = 0
        super().draw(surface)

    def token_pos(self, pid: str) -> float:
        return self._pos.get(pid, float(self.state.positions.get(pid, 0)))

    def wheel_shown(self, n: int) -> list[float]:
        while len(self._wheel) < n:
            self._wheel.append(0.0)
        return self._wheel

    def _wheel_target(self) -> list[float]:
        s = self.state
        out = []
        for th in self.decks.themes:
            if th.id in s.themes_in_play:
                out.append(1.0 if s.theme_complete(th.id) else 0.5 if s.theme_covered(th.id) else 0.0)
        return out

    def update(self, dt: float) -> bool:
        moving = False
        calm = self.app.settings.reduced_motion
        n = len(self.state.board) or 1
        for pid in self.state.order:
            target = float(self.state.positions.get(pid, 0))
            cur = self._pos.get(pid, target)
            if cur != target:
                ahead = (target - cur) % n
                if ahead > n / 2 and not calm:
                    ahead -= n  # Back (undo) walks the token backwards
                step = 7.0 * dt
                if calm or abs(ahead) <= step:
                    cur = target
                else:
                    cur = (cur + (step if ahead > 0 else -step)) % n
                    moving = True
                self._pos[pid] = cur
        if self._deal < 1.0:
            self._deal = 1.0 if calm else min(1.0, self._deal + dt / 0.35)
            moving = True
        target = self._wheel_target()
        shown = self.wheel_shown(len(target))
        for i, t in enumerate(target):
            if shown[i] != t:
                if calm or abs(shown[i] - t) <= 2.0 * dt:
                    shown[i] = t
                else:
                    shown[i] += 2.0 * dt if t > shown[i] else -2.0 * dt
                    moving = True
        return moving
