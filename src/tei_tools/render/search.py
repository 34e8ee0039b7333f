"""Full-text search for the static site, by Pagefind (PyPI `pagefind[bin]`).

Pagefind reads the built pages (only what `data-pagefind-body` marks: the editions' text and
titles, not the register or the chronology) and writes its index as static files into
DIR/pagefind/, which any static web server serves; xslt/site-search.js queries it in the
browser. The filters (facets) come from the pages' `data-pagefind-filter` attributes: edition,
kind, year, person. Without Pagefind installed the site is built without a search index, and
the search page says so; everything else works the same.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SEARCH_FOLDER = "pagefind"
# One index for every page whatever its language (Latin, Greek and English editions are searched
# together from an English search page); Pagefind would otherwise split the index by html/@lang.
INDEX_LANGUAGE = "en"


def pagefind_command() -> list[str] | None:
    """The Pagefind binary shipped by the pagefind-bin wheel, or one on PATH; None if neither."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        return [found] if found else None


def index_for_search(site: Path) -> list[Path]:
    """Index the pages of `site` into site/pagefind/; the files written ([] without Pagefind)."""
    command = pagefind_command()
    if command is None:
        return []
    site = Path(site)
    target = site / SEARCH_FOLDER
    if target.exists():
        shutil.rmtree(target)  # a stale fragment of an earlier build must not linger
    result = subprocess.run([*command, "--site", str(site), "--output-subdir", SEARCH_FOLDER,
                             "--force-language", INDEX_LANGUAGE, "--quiet"],
                            capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        from tei_tools.render.errors import RenderError

        lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        raise RenderError(target, f"the search index (pagefind) failed: {lines[-1] if lines else result.returncode}")
    return sorted(p for p in target.rglob("*") if p.is_file())
