<?xml version="1.0" encoding="UTF-8"?>
<!--
  The fallback: any element without a template of its own, from any namespace, keeps its text
  inside a span (or a div when a block sits inside it) named after it. Imported first by
  edition.xsl, so that every other module's templates take precedence over it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="*">
    <xsl:call-template name="f:inline">
      <xsl:with-param name="class" select="if (f:is-tei(.)) then local-name() else 'x-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()"/>

</xsl:stylesheet>
