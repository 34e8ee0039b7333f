"""tei-tools: plain-text sources to TEI P5 editions, validated and published.

The Python API mirrors the command line:

    >>> import tei_tools
    >>> doc = tei_tools.convert_file("seeds/000.txt", "editions/")      # doctest: +SKIP
"""
__version__ = "0.1.0"
