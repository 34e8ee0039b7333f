<?xml version="1.0" encoding="UTF-8"?>
<!--
  Verse and performance texts (TEI Guidelines ch. 6 and 7): line groups and lines, speeches,
  speakers, stage directions, casts. Lines are blocks of their own (div.l), so verse keeps its
  lineation on every screen width; a stage direction inside a line stays inline.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="lg | sp | spGrp | castList | castGroup | castItem | u | line | zone | surface | surfaceGrp">
    <xsl:call-template name="f:block">
      <xsl:with-param name="phrasing-element" select="'div'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="l">
    <xsl:call-template name="f:block">
      <xsl:with-param name="phrasing-element" select="'div'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="speaker | stage">
    <xsl:call-template name="f:block"/>
  </xsl:template>

</xsl:stylesheet>
