<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every page of the HTML site shares: its parameters, the page frame (head, site
  navigation, footer) and the attributes every rendered TEI element carries.

  Pages: edition.xsl (one per TEI document), index.xsl (the list of editions), persons.xsl
  (the register of persons). All three import this module.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>

  <!-- HTML5, no indentation: whitespace inside the text stays as the TEI has it. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- PARAMETER css: address of the site's stylesheet, relative to the pages. Default: site.css -->
  <xsl:param name="css" as="xs:string" select="'site.css'"/>

  <!-- PARAMETER script: address of the script that adds note popovers (pages work without it);
       empty for no script. Default: site.js -->
  <xsl:param name="script" as="xs:string" select="'site.js'"/>

  <!-- PARAMETER site-title: name of the site, in the navigation and on the index page.
       Default: Reading editions -->
  <xsl:param name="site-title" as="xs:string" select="'Reading editions'"/>

  <!-- PARAMETER show-register: "yes" (default) links persons to the register page and lists
       it in the navigation; "no" leaves the register out (names still show who they are on
       hover). -->
  <xsl:param name="show-register" as="xs:string" select="'yes'"/>

  <!-- PARAMETER register-page: file name of the register of persons. Default: persons.html -->
  <xsl:param name="register-page" as="xs:string" select="'persons.html'"/>

  <!-- PARAMETER index-page: file name of the list of editions. Default: index.html -->
  <xsl:param name="index-page" as="xs:string" select="'index.html'"/>

  <!-- PARAMETER chronology-page: file name of the chronology (every dated event of the
       editions in time order). Default: chronology.html -->
  <xsl:param name="chronology-page" as="xs:string" select="'chronology.html'"/>

  <!-- PARAMETER search-page: file name of the search page (full-text search over the editions,
       by Pagefind); empty for no search. Default: search.html -->
  <xsl:param name="search-page" as="xs:string" select="'search.html'"/>

  <!-- PARAMETER site-url: the address the site is published at ("https://example.org/edition/"),
       for absolute links in citations and citation_* meta tags; empty (default) for relative
       links only. -->
  <xsl:param name="site-url" as="xs:string" select="''"/>

  <!-- PARAMETER lang: language of the site's own labels (the html/@lang of index and register
       pages, and of edition pages whose TEI does not say). Default: en -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>

  <xsl:variable name="f:register-on" as="xs:boolean" select="f:yes($show-register)"/>

  <!-- The page frame. $content is the page's main content; $current names the page for the
       navigation ('index', 'register' or 'edition'). -->
  <xsl:template name="f:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="page-lang" as="xs:string?" select="f:html-lang($lang)"/>
    <xsl:param name="current" as="xs:string" select="'edition'"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="head-extra" as="item()*" select="()"/>
    <!-- the node whose template in mode f:page-content writes the content, instead of
         $content: the content goes straight to the page, never built as a tree first and
         copied (an edition page's whole text) -->
    <xsl:param name="content-of" as="node()?" select="()"/>
    <html>
      <xsl:if test="$page-lang">
        <xsl:attribute name="lang" select="$page-lang"/>
        <xsl:if test="f:is-rtl($page-lang)"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
      </xsl:if>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-tools"/>
        <title>{if ($title) then $title else $site-title}</title>
        <link rel="icon" href="data:,"/>
        <xsl:if test="$css"><link rel="stylesheet" href="{$css}"/></xsl:if>
        <xsl:if test="$script"><script src="{$script}" defer=""></script></xsl:if>
        <xsl:if test="$script and $f:register-on"><script src="{$f:persons-data}" defer=""></script></xsl:if>
        <xsl:sequence select="$head-extra"/>
      </head>
      <body class="page-{$current}" id="tt-top">
        <a class="skip-link" href="#tt-main">Skip to the text</a>
        <header class="site-header">
          <nav class="site-nav" aria-label="Site">
            <xsl:call-template name="f:nav-link">
              <xsl:with-param name="href" select="$index-page"/>
              <xsl:with-param name="label" select="$site-title"/>
              <xsl:with-param name="current" select="$current = 'index'"/>
            </xsl:call-template>
            <xsl:if test="$f:register-on">
              <xsl:call-template name="f:nav-link">
                <xsl:with-param name="href" select="$register-page"/>
                <xsl:with-param name="label" select="'Persons'"/>
                <xsl:with-param name="current" select="$current = 'register'"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:call-template name="f:nav-link">
              <xsl:with-param name="href" select="$chronology-page"/>
              <xsl:with-param name="label" select="'Chronology'"/>
              <xsl:with-param name="current" select="$current = 'chronology'"/>
            </xsl:call-template>
            <xsl:if test="$search-page and $current != 'search'">
              <form class="site-search" action="{$search-page}" method="get" role="search">
                <label for="tt-site-search">Search</label>
                <input id="tt-site-search" type="search" name="q" placeholder="Search editions"/>
                <button type="submit">Go</button>
              </form>
            </xsl:if>
            <xsl:if test="$search-page and $current = 'search'">
              <span aria-current="page">Search</span>
            </xsl:if>
          </nav>
        </header>
        <main id="tt-main">
          <xsl:choose>
            <xsl:when test="exists($content-of)">
              <xsl:apply-templates select="$content-of" mode="f:page-content"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="$content"/>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="site-footer">
          <p><a class="back-to-top" href="#tt-top">Back to top</a></p>
          <p>Rendered from TEI P5 by tei-tools.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="f:nav-link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="current" as="xs:boolean"/>
    <a href="{$href}">
      <xsl:if test="$current"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
      <xsl:text>{$label}</xsl:text>
    </a>
  </xsl:template>

  <!-- The script with what the person cards show (names, dates, mentions across the site),
       written once for the site beside the register. -->
  <xsl:variable name="f:persons-data" as="xs:string" select="replace($register-page, '\.html?$', '') || '-data.js'"/>

  <!-- A page's address for citations: absolute when site-url is set. -->
  <xsl:function name="f:page-url" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="if ($site-url) then replace($site-url, '/?$', '/') || $page else $page"/>
  </xsl:function>

  <!-- id, lang, dir and class of the HTML element that renders a TEI element. -->
  <xsl:template name="f:attributes">
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:param name="id" as="xs:string?" select="f:own-id(.)[. != '']"/>
    <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:variable name="tag" select="f:html-lang(@xml:lang)"/>
      <xsl:if test="exists($tag)">
        <xsl:attribute name="lang" select="$tag"/>
        <xsl:if test="$tag != ''">
          <xsl:attribute name="dir" select="if (f:is-rtl($tag)) then 'rtl' else 'ltr'"/>
        </xsl:if>
      </xsl:if>
    </xsl:if>
    <xsl:variable name="classes" select="f:classes(., $class)"/>
    <xsl:if test="$classes"><xsl:attribute name="class" select="$classes"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
