<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site's front page: every edition with the metadata of its header, linked to its page.

  Called by name (xsl:initial-template) with the site's index as the parameter "site": the
  merged indexes of the editions (urn:tei-tools:site, made by tei_tools.render.edition_index),
  in the order they are to be listed, each with a copy of its teiHeader.
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

  <!-- PARAMETER site: the merged indexes of the editions (set by tei-tools, not from the command
       line). -->
  <xsl:param name="site" as="document-node()?" select="()"/>

  <!-- PARAMETER intro: a sentence under the site's title on the index page. Default: none. -->
  <xsl:param name="intro" as="xs:string" select="''"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="editions" select="$site/s:site/s:edition"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="$site-title"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="content">
        <h1>{$site-title}</h1>
        <xsl:if test="$intro"><p class="intro">{$intro}</p></xsl:if>
        <p class="summary">
          <xsl:text>{count($editions)} edition{if (count($editions) = 1) then '' else 's'}</xsl:text>
          <xsl:if test="$f:register-on">
            <xsl:text>; the people they mention are listed in the </xsl:text>
            <a href="{$register-page}">register of persons</a>
          </xsl:if>
          <xsl:text>; their dated events in the </xsl:text>
          <a href="{$chronology-page}">chronology</a>
          <xsl:text>.</xsl:text>
        </p>
        <ul class="editions">
          <xsl:for-each select="$editions">
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
          </xsl:for-each>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
