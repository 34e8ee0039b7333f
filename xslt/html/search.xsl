<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search page: full-text search over every edition, with results in context (a few words
  either side, linked to the paragraph) and facets (edition, person, year, kind). The search
  runs in the browser (site-search.js over the static index Pagefind writes into pagefind/), so
  it works from any static web server; without the script, the page says what else there is.

  Called by name with the parameter "summary" (the site's summary: how many editions).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="common.xsl"/>

  <xsl:template name="xsl:initial-template">
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="'Search — ' || $site-title"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="head-extra">
        <script src="site-search.js" defer=""></script>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1>Search the editions</h1>
        <form class="search-form" action="{$search-page}" method="get" role="search" id="tt-search-form">
          <label for="tt-search-input">Words to find</label>
          <input id="tt-search-input" type="search" name="q" autocomplete="off"/>
          <button type="submit">Search</button>
        </form>
        <p class="search-status" id="tt-search-status" aria-live="polite">
          <noscript>Searching needs JavaScript. Without it, use the <a href="{$index-page}">list of editions</a>,
            the <a href="{$register-page}">register of persons</a> and the <a href="{$chronology-page}">chronology</a>,
            or your browser's find on an edition's page.</noscript>
        </p>
        <div class="search-layout">
          <section class="search-facets" id="tt-search-facets" aria-label="Narrow the results" hidden=""></section>
          <ol class="search-results" id="tt-search-results"></ol>
        </div>
        <p class="summary">Searches the text of {f:summary-count('editions')} edition{if (f:summary-count('editions') = 1) then '' else 's'}.</p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
