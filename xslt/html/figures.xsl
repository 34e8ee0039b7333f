<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables, formulae and graphics (TEI Guidelines ch. 14).

  figure -> <figure> whose caption holds everything the TEI figure says (heads, paragraphs,
  figDesc); a graphic is a link to the image (images are not fetched, so a page never waits
  for or fails on a missing picture). table -> <table>, heads before the first row as its
  caption, anything between rows kept in a row of its own.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="figure">
    <figure>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="('figure', if (.//graphic[@url] or .//media[@url]) then () else 'no-image')"/>
      </xsl:call-template>
      <xsl:if test="not(.//graphic[@url] or .//media[@url])">
        <p class="gen image-missing">Image not reproduced</p>
      </xsl:if>
      <figcaption>
        <xsl:apply-templates/>
      </figcaption>
    </figure>
  </xsl:template>

  <xsl:template match="figDesc">
    <xsl:call-template name="f:block"/>
  </xsl:template>

  <xsl:template match="graphic | media">
    <xsl:variable name="href" select="if (f:inside-link(.)) then () else f:href(@url)"/>
    <xsl:element name="{if (exists($href)) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="('graphic', 'gen')"/>
      </xsl:call-template>
      <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:text>[image]</xsl:text>
    </xsl:element>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="table">
    <xsl:variable name="caption" select="head[empty(preceding-sibling::row)]"/>
    <xsl:variable name="columns" select="max((1, row ! sum(cell ! f:span(@cols))))"/>
    <div class="table-wrapper">
      <table>
        <xsl:call-template name="f:attributes"/>
        <xsl:if test="$caption">
          <caption><xsl:apply-templates select="$caption"/></caption>
        </xsl:if>
        <xsl:for-each-group select="node() except $caption" group-adjacent="exists(self::row)">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()"/>
            </xsl:when>
            <xsl:when test="current-group()[self::* or normalize-space()]">
              <tr class="table-interruption">
                <td>
                  <xsl:if test="$columns gt 1"><xsl:attribute name="colspan" select="$columns"/></xsl:if>
                  <xsl:apply-templates select="current-group()"/>
                </td>
              </tr>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each-group>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="row">
    <tr>
      <xsl:call-template name="f:attributes"/>
      <xsl:for-each-group select="node()" group-adjacent="exists(self::cell)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:apply-templates select="current-group()"/>
          </xsl:when>
          <xsl:when test="current-group()[self::* or normalize-space()]">
            <td><xsl:apply-templates select="current-group()"/></td>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </tr>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:element name="{if (@role = 'label' or parent::row/@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="f:span(@cols) gt 1"><xsl:attribute name="colspan" select="f:span(@cols)"/></xsl:if>
      <xsl:if test="f:span(@rows) gt 1"><xsl:attribute name="rowspan" select="f:span(@rows)"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:function name="f:span" as="xs:integer">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if (matches(normalize-space($value), '^[1-9]\d{0,2}$')) then xs:integer(normalize-space($value)) else 1"/>
  </xsl:function>

</xsl:stylesheet>
