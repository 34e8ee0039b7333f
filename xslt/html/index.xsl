<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site's front page: every edition with the metadata of its header, linked to its page.

  Made in parts (see site-parts.xsl and tei_tools.render.site_parts): each edition's entry is
  rendered on its own, from that edition's index (template s:edition, mode f:index-entry), where
  the edition itself is rendered; the page frame (xsl:initial-template) is rendered once, from
  the site's summary (parameter "summary": how many editions), with a marker where the entries
  go (f:part), and the entries are put in there in the order of the site.
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
  <xsl:import href="header.xsl"/>

  <!-- PARAMETER intro: a sentence under the site's title on the index page. Default: none. -->
  <xsl:param name="intro" as="xs:string" select="''"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="count" select="f:summary-count('editions')"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="$site-title"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="content">
        <h1>{$site-title}</h1>
        <xsl:if test="$intro"><p class="intro">{$intro}</p></xsl:if>
        <p class="summary">
          <xsl:text>{$count} edition{if ($count = 1) then '' else 's'}</xsl:text>
          <xsl:if test="$f:register-on">
            <xsl:text>; the people they mention are listed in the </xsl:text>
            <a href="{$register-page}">register of persons</a>
          </xsl:if>
          <xsl:text>; their dated events in the </xsl:text>
          <a href="{$chronology-page}">chronology</a>
          <xsl:text>.</xsl:text>
        </p>
        <ul class="editions">
          <xsl:sequence select="f:part('entries')"/>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One edition's entry, from its index (an s:edition of the site's index). -->
  <xsl:template match="s:edition" mode="f:index-entry">
    <li class="edition-entry">
      <h2><a href="{@page}">{@title}</a></h2>
      <xsl:for-each select="teiHeader/.. ! f:subtitles(.)[. != '']">
        <p class="subtitle">{.}</p>
      </xsl:for-each>
      <xsl:if test="s:author">
        <p class="byline">by {string-join(s:author, ', ')}</p>
      </xsl:if>
      <p class="facets">{@kind}<xsl:if test="@year"> · {@year}</xsl:if></p>
      <xsl:call-template name="f:metadata">
        <xsl:with-param name="header" select="teiHeader"/>
      </xsl:call-template>
    </li>
  </xsl:template>

</xsl:stylesheet>
