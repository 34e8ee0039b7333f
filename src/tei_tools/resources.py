"""Where the shipped schema and stylesheet files are.

In an installed wheel they live in the package (tei_tools/schema, tei_tools/xslt; see
pyproject's force-include). In a source checkout or editable install they are the repository's
top-level schema/ and xslt/ folders, which is where editors look for them.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _folder(name: str) -> Path:
    packaged = resources.files("tei_tools") / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"tei-tools is installed without its {name}/ folder")


def schema_dir() -> Path:
    return _folder("schema")


def xslt_dir() -> Path:
    return _folder("xslt")


def data_dir() -> Path:
    """Data that ships inside the package itself (word lists, name cues)."""
    return Path(str(resources.files("tei_tools") / "data"))
