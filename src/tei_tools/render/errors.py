"""What can go wrong while rendering: one document (RenderError) or the whole run (RenderSetupError)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable


class RenderError(Exception):
    """One document could not be rendered (not well-formed, or the transformation failed)."""

    def __init__(self, path: Path | str, message: str, position: str = ""):
        super().__init__(f"{path}:{position}: {message}" if position else f"{path}: {message}")
        self.path, self.message, self.position = Path(path), message, position

    def __reduce__(self):  # from worker processes to this one, as it was made
        return RenderError, (self.path, self.message, self.position)


class RenderSetupError(Exception):
    """Rendering cannot start as asked: unknown parameter, missing file, clashing page names."""


OnError = Callable[[RenderError], None]
