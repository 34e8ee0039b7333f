"""Full-text search for the static site, by Pagefind (PyPI `pagefind[bin]`).

Pagefind reads the built pages (only what `data-pagefind-body` marks: the editions' text and
titles, not the register or the chronology) and writes its index as static files into
DIR/pagefind/, which any static web server serves; xslt/site-search.js queries it in the
browser. The filters (facets) come from the pages' `data-pagefind-filter` attributes: edition,
kind, year, person. Without Pagefind installed the site is built without a search index, and
the search page says so; everything else works the same.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Sequence

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


ENTRY_FILE = "pagefind-entry.json"  # what the browser reads first: the switch from old index to new
STAGING_PREFIX = ".pagefind-staging-"


def index_for_search(site: Path) -> list[Path]:
    """Index the pages of `site` into site/pagefind/; the files written ([] without Pagefind).

    A killed build must leave a complete index, old or new: Pagefind writes into a staging
    folder, its files move into site/pagefind/ (the new index's files have new, hash-named
    names, so the old index stays whole beside them), the entry file that names the index moves
    last, and only then are the old index's files removed.
    """
    indexing = start_indexing(site)
    return indexing.finish() if indexing is not None else []


# Pagefind reads (parses) every page its glob names, though it indexes only those marked
# data-pagefind-body: naming the editions' pages spares it the site's own (a register of 40 MB).
# Names with glob syntax in them, or too many for one argument, fall back to every page.
_GLOB_SYNTAX = re.compile(r"[{}\[\]*?,\\!]")
GLOB_LIMIT = 100_000  # characters


def start_indexing(site: Path, pages: Sequence[str] | None = None) -> "SearchIndexing | None":
    """Start Pagefind over `site` in the background (None without Pagefind); `finish()` waits
    for it and switches the index in (see index_for_search). `pages`: the names (relative to
    `site`) of the pages to index, the editions' pages; None for every page. The site's own
    pages may still be written meanwhile: Pagefind indexes only pages marked data-pagefind-body
    (the editions' pages, which must be written before), and every page is written whole under
    a temporary name Pagefind does not read, then renamed."""
    command = pagefind_command()
    if command is None:
        return None
    site = Path(site)
    for leftover in site.glob(STAGING_PREFIX + "*"):  # of a run killed while indexing
        shutil.rmtree(leftover, ignore_errors=True)
    staging = site / f"{STAGING_PREFIX}{os.getpid()}"
    process = subprocess.Popen([*command, "--site", str(site), "--output-path", str(staging),
                                "--force-language", INDEX_LANGUAGE, "--quiet", *_glob(pages)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return SearchIndexing(site, staging, process)


def _glob(pages: Sequence[str] | None) -> list[str]:
    """--glob naming these pages, or nothing (Pagefind's default: every page) when it cannot."""
    if not pages or any(_GLOB_SYNTAX.search(page) for page in pages):
        return []
    glob = "{" + ",".join(pages) + "}" if len(pages) > 1 else pages[0]
    return ["--glob", glob] if len(glob) <= GLOB_LIMIT else []


class SearchIndexing:
    """Pagefind at work over a site (start_indexing)."""

    def __init__(self, site: Path, staging: Path, process: subprocess.Popen):
        self.site, self.staging, self.process = site, staging, process

    def cancel(self) -> None:
        """Stop Pagefind and remove what it staged (the site's index stays as it was)."""
        self.process.kill()
        self.process.communicate()
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, timeout: float = 1800) -> list[Path]:
        """Wait for Pagefind; switch its index in; the files written (RenderError if it failed)."""
        try:
            try:
                stdout, stderr = self.process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.communicate()
                stdout, stderr = "", f"no index after {timeout:g} s"
            if self.process.returncode != 0:
                from tei_tools.render.errors import RenderError

                lines = [line for line in (stderr or stdout).splitlines() if line.strip()]
                raise RenderError(self.site / SEARCH_FOLDER,
                                  f"the search index (pagefind) failed: {lines[-1] if lines else self.process.returncode}")
            return _switch_index(self.staging, self.site / SEARCH_FOLDER)
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)


def _switch_index(staging: Path, target: Path) -> list[Path]:
    """Move the staged index into `target`, entry file last; then remove what the old index left."""
    staged = sorted((p.relative_to(staging) for p in staging.rglob("*") if p.is_file()),
                    key=lambda name: (name.as_posix() == ENTRY_FILE, name.as_posix()))
    for name in staged:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / name, target / name)
    kept = set(staged)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(target) not in kept:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return sorted(target / name for name in staged)
