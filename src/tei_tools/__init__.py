"""tei-tools: plain-text sources to TEI P5 editions, validated and published.

The Python API mirrors the command line, for scripts and notebooks:

    >>> from pathlib import Path
    >>> import tei_tools
    >>> results = tei_tools.convert_files([Path("seeds/000.txt")], Path("editions"))  # doctest: +SKIP
    >>> messages = tei_tools.validate_paths([Path("editions")])                         # doctest: +SKIP
    >>> pages = tei_tools.render_paths([Path("editions/000.xml")], "html", Path("site")) # doctest: +SKIP
    >>> report = tei_tools.build()                                                     # doctest: +SKIP
"""
__version__ = "0.1.0"

__all__ = ["convert_text", "convert_files", "validate_paths", "render_paths", "build", "__version__"]


def __getattr__(name: str):
    # Imported on first use so that `import tei_tools` stays cheap (Saxon loads only to render).
    if name in ("convert_text", "convert_files"):
        from tei_tools import convert
        return getattr(convert, name)
    if name == "validate_paths":
        from tei_tools.validate import validate_paths
        return validate_paths
    if name == "render_paths":
        from tei_tools.render import render_paths
        return render_paths
    if name == "build":
        from tei_tools.build import build
        return build
    raise AttributeError(f"module 'tei_tools' has no attribute {name!r}")
