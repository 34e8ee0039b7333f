<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citing and reusing an edition: a citation a reader can copy (title, author, edition, version
  digest, date), the meta tags reference managers read (Highwire citation_* for Zotero, Dublin
  Core), and links to the TEI source and the plain text copied beside the page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- What tei-tools writes when no publisher or authority was named: not a publisher. -->
  <xsl:variable name="f:no-authority" as="xs:string" select="'No publisher or authority was named for this edition'"/>

  <xsl:function name="f:edition-publisher" as="xs:string?">
    <xsl:param name="top" as="element()"/>
    <xsl:sequence select="($top/teiHeader/fileDesc/publicationStmt/(publisher | authority | distributor)
        ! f:plain(.)[. != ''][. != $f:no-authority])[1]"/>
  </xsl:function>

  <!-- The date of this edition (its publication statement), else of its last recorded change. -->
  <xsl:function name="f:edition-date" as="xs:string?">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="header" select="$top/teiHeader"/>
    <xsl:sequence select="(($header/fileDesc/publicationStmt/date/@when, $header/revisionDesc/change/@when)
        ! normalize-space(.)[matches(., '^\d{4}(-\d\d){0,2}')] ! substring(., 1, 10))[1]"/>
  </xsl:function>

  <xsl:function name="f:short-digest" as="xs:string">
    <xsl:param name="digest" as="xs:string"/>
    <xsl:sequence select="if (string-length($digest) gt 23) then substring($digest, 1, 23) || '…' else $digest"/>
  </xsl:function>

  <xsl:template name="f:citation-meta">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="title" select="f:page-title($top)"/>
    <xsl:variable name="date" select="f:edition-date($top)"/>
    <xsl:variable name="publisher" select="f:edition-publisher($top)"/>
    <xsl:variable name="page" select="f:stem($top) || '.html'"/>
    <xsl:variable name="licence" select="($top/teiHeader/fileDesc/publicationStmt/availability//licence
        ! (@target, f:plain(.))[normalize-space()][1])[1]"/>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="f:authors($top)"><meta name="citation_author" content="{.}"/></xsl:for-each>
    <xsl:if test="$date"><meta name="citation_publication_date" content="{translate($date, '-', '/')}"/></xsl:if>
    <xsl:if test="$publisher"><meta name="citation_publisher" content="{$publisher}"/></xsl:if>
    <xsl:if test="$f:page-lang"><meta name="citation_language" content="{$f:page-lang}"/></xsl:if>
    <xsl:if test="$site-url"><meta name="citation_public_url" content="{f:page-url($page)}"/></xsl:if>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="f:authors($top)"><meta name="DC.creator" content="{.}"/></xsl:for-each>
    <xsl:if test="$date"><meta name="DC.date" content="{$date}"/></xsl:if>
    <xsl:if test="$publisher"><meta name="DC.publisher" content="{$publisher}"/></xsl:if>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <xsl:if test="$f:page-lang"><meta name="DC.language" content="{$f:page-lang}"/></xsl:if>
    <xsl:if test="$source-digest"><meta name="DC.identifier" content="{$source-digest}"/></xsl:if>
    <xsl:if test="$licence"><meta name="DC.rights" content="{$licence}"/></xsl:if>
    <xsl:for-each select="($top/teiHeader/fileDesc/sourceDesc/bibl/title)[1]">
      <meta name="DC.source" content="{f:plain(.)}"/>
    </xsl:for-each>
    <xsl:if test="$tei-copy"><link rel="alternate" type="application/tei+xml" href="{$tei-copy}"/></xsl:if>
    <xsl:if test="$text-copy"><link rel="alternate" type="text/plain" href="{$text-copy}"/></xsl:if>
    <xsl:if test="$previous-page"><link rel="prev" href="{$previous-page}"/></xsl:if>
    <xsl:if test="$next-page"><link rel="next" href="{$next-page}"/></xsl:if>
  </xsl:template>

  <!-- The visible citation, and the files to reuse. -->
  <xsl:template name="f:citation">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="authors" select="f:authors($top)"/>
    <xsl:variable name="date" select="f:edition-date($top)"/>
    <xsl:variable name="publisher" select="f:edition-publisher($top)"/>
    <xsl:variable name="page" select="f:stem($top) || '.html'"/>
    <section class="citation" aria-labelledby="tt-cite-heading" data-pagefind-ignore="all">
      <h2 id="tt-cite-heading">Cite this edition</h2>
      <p class="citation-text" id="tt-citation">
        <xsl:if test="exists($authors)">{string-join($authors, ', ')}. </xsl:if>
        <cite>{f:page-title($top)}</cite>
        <xsl:text>. TEI edition</xsl:text>
        <xsl:if test="$publisher">, {$publisher}</xsl:if>
        <xsl:if test="$source-digest">, version <span class="digest" title="{$source-digest}">{f:short-digest($source-digest)}</span></xsl:if>
        <xsl:if test="$date">, <time datetime="{$date}">{$date}</time></xsl:if>
        <xsl:text>. </xsl:text>
        <a class="citation-url" href="{$page}">{f:page-url($page)}</a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="$tei-copy or $text-copy">
        <p class="reuse">
          <xsl:text>Reuse: </xsl:text>
          <xsl:if test="$tei-copy"><a href="{$tei-copy}" type="application/tei+xml">TEI source ({$tei-copy})</a></xsl:if>
          <xsl:if test="$tei-copy and $text-copy"> · </xsl:if>
          <xsl:if test="$text-copy"><a href="{$text-copy}" type="text/plain">Plain text ({$text-copy})</a></xsl:if>
        </p>
      </xsl:if>
      <p class="permalink-help">Every section (§) and paragraph (¶) has a permanent link: its symbol in the margin.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
