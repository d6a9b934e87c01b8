"""Named, versioned parts: the pipeline's stages. A lookup miss lists what exists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.errors import NewsgraphError


class Registry:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Any] = {}

    def register(self, name: str) -> Callable[[Any], Any]:
        def deco(obj: Any) -> Any:
            if name in self._items:
                raise NewsgraphError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = obj
            return obj

        return deco

    def get(self, name: str) -> Any:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise NewsgraphError(f"no {self.kind} named {name!r}; known: {known}") from None

    def names(self) -> list[str]:
        return sorted(self._items)


stages = Registry("stage")
