"""Reading editions: TEI documents to an HTML site and plain-text versions, by XSLT 3.0.

    engine.py      Renderer: one saxonche processor, stylesheets compiled once; per edition
                   its page, text, TEI copy, index and parts of the site pages (render_edition),
                   then the site-wide pages (write_site_pages, render_site_pages)
    site_parts.py  the site pages in parts: each edition's parts (its register lists, card
                   shares and chronology entries written from its index), spooled to disk,
                   each page's frame rendered once from the site's summary, the parts put in
    edition_index.py  the compact index of one rendered edition (mentions and dates in
                   context, the facts of its header), and the site's merged index
    search.py      the static search index (Pagefind) over the built pages
    parameters.py  the stylesheet parameters, as documented in the stylesheets
    paths.py       files and folders, the personography, render_paths (CLI and build)
    pages.py       the site's own page names
    tree.py        a safely parsed tree made self-contained for Saxon
    fidelity.py    what "every word of the TEI text, in order" means for HTML and text
    errors.py      RenderError (one document), RenderSetupError (the run)

Stylesheets (xslt/, see its README):
    html/edition.xsl      one TEI document -> DIR/<stem>.html
    html/index.xsl        the site's index -> DIR/index.html
    html/persons.xsl      the personography + the site's index -> DIR/persons.html
    html/persons-data.xsl the same -> DIR/persons-data.js (the person cards)
    html/site-parts.xsl   one edition's index -> its entry on the front page
    html/chronology.xsl   the site's index -> DIR/chronology.html
    html/search.xsl       -> DIR/search.html
    text/edition.xsl      one TEI document -> DIR/<stem>.txt
    common/person-index.xsl  the personography's persons by id (a map, made once per run)
    site.css, site.js, site-search.js  copied beside the pages
"""
from tei_tools.render.edition_index import DatedPassage, EditionIndex, Mention, gather, site_document
from tei_tools.render.engine import PERSONOGRAPHY_NAME, SITE_ASSETS, STYLESHEETS, EditionResult, Renderer, Timings
from tei_tools.render.errors import OnError, RenderError, RenderSetupError
from tei_tools.render.fidelity import (GENERATED_CLASS, GENERATED_END, GENERATED_START, html_reading_words,
                                       reading_roots, reading_units, reading_words, strip_generated_marks,
                                       text_reading_words, word_characters, words)
from tei_tools.render.pages import check_page_names, site_pages
from tei_tools.render.parameters import INTERNAL_PARAMETERS, StylesheetParameter, stylesheet_parameters
from tei_tools.render.paths import FORMATS, expand_paths, render_paths, split_personography
from tei_tools.render.search import index_for_search, pagefind_command
from tei_tools.render.tree import prepare_tree

__all__ = [
    "DatedPassage", "EditionIndex", "EditionResult", "Mention", "gather", "site_document", "index_for_search",
    "pagefind_command", "FORMATS", "GENERATED_CLASS", "GENERATED_END", "GENERATED_START", "INTERNAL_PARAMETERS", "OnError",
    "PERSONOGRAPHY_NAME", "SITE_ASSETS", "STYLESHEETS", "RenderError", "RenderSetupError", "Renderer",
    "StylesheetParameter", "Timings", "check_page_names", "expand_paths", "html_reading_words", "prepare_tree",
    "reading_roots", "reading_units", "reading_words", "render_paths", "site_pages", "split_personography",
    "strip_generated_marks", "stylesheet_parameters", "text_reading_words", "word_characters", "words",
]
