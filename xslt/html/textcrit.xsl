<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus and transcription (TEI Guidelines ch. 11 and 12).

  An apparatus entry stays where it is: the lemma, then each reading in brackets (CSS) with its
  witnesses on hover and in data-wit; nothing is moved, so the reading text keeps its order.
  Additions and deletions become ins and del; a choice shows its first member, the others as
  alternatives in brackets.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="rdg | lem | rdgGrp">
    <xsl:element name="{if (f:as-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:variable name="witnesses" select="normalize-space(string-join((@wit, @source), ' '))"/>
      <xsl:if test="$witnesses">
        <xsl:attribute name="data-wit" select="replace($witnesses, '#', '')"/>
        <xsl:attribute name="title" select="replace($witnesses, '#', '')"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="add">
    <xsl:call-template name="f:inline"><xsl:with-param name="element" select="'ins'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="del">
    <xsl:call-template name="f:inline"><xsl:with-param name="element" select="'del'"/></xsl:call-template>
  </xsl:template>

  <!-- The members of a choice after the first are alternatives (CSS brackets). -->
  <xsl:template match="choice/*">
    <xsl:call-template name="f:inline">
      <xsl:with-param name="class" select="(local-name(), if (preceding-sibling::*) then 'alternative' else ())"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
