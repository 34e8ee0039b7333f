<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and dates (TEI Guidelines ch. 13).

  A person mentioned (persName, or rs/name typed "person") becomes a link to its entry in the
  register (persons.html#ID) when the personography knows it, with the full name and life dates
  on hover, and an id of its own so the register can link back to this very place. A date
  becomes <time datetime="..."> when its normalised value is one HTML accepts.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="persName | rs[@type = 'person'] | name[@type = 'person']">
    <xsl:variable name="person" select="f:person(.)"/>
    <xsl:variable name="href" select="if (f:inside-link(.)) then () else f:mention-href(.)"/>
    <xsl:element name="{if (exists($href)) then 'a' else if (f:as-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="('persName', 'mention',
            @cert[. = ('low', 'medium')] ! ('cert-' || .),
            if (f:in-register($person)) then 'registered' else ())"/>
        <xsl:with-param name="id" select="$f:mention-id-map(generate-id(.))"/>
      </xsl:call-template>
      <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:if test="exists($person)">
        <xsl:attribute name="title" select="f:person-label($person)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="date | time | docDate[@when]">
    <xsl:variable name="value" select="f:date-value(.)"/>
    <xsl:variable name="described" select="f:date-description(.)"/>
    <xsl:choose>
      <xsl:when test="self::docDate">
        <xsl:element name="{if (f:as-block-content(.)) then 'div' else if (f:as-block(.)) then 'p' else 'span'}">
          <xsl:call-template name="f:attributes"/>
          <xsl:choose>
            <xsl:when test="f:is-html-datetime($value) and not(f:as-block-content(.))">
              <time datetime="{$value}"><xsl:apply-templates/></time>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
          </xsl:choose>
        </xsl:element>
      </xsl:when>
      <xsl:when test="f:is-html-datetime($value) and not(f:as-block(.))">
        <time datetime="{$value}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
          <xsl:if test="$described != $value">
            <xsl:attribute name="title" select="$described"/>
          </xsl:if>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (f:as-block(.)) then 'div' else 'span'}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
          <xsl:if test="$described">
            <xsl:attribute name="title" select="$described"/>
          </xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
