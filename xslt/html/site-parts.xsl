<?xml version="1.0" encoding="UTF-8"?>
<!--
  One edition's entry on the site's front page, rendered where the edition is rendered (in a
  worker), from that edition's index alone; and, once per run, what the register's parts need
  of the personography (f:register-data). The rest of an edition's parts of the site's pages
  (its lists of mentions in the register, its shares of the person cards, its chronology
  entries) are small fixed pieces of HTML that tei_tools.render.site_parts writes from the
  index's data itself, as this stylesheet's serializer would: rendering them here cost about
  40 µs a mention (the index parsed again, templates per mention), as much as the page.

  The pages' frames are rendered once for the site (index.xsl, persons.xsl, persons-data.xsl,
  chronology.xsl, from the site's summary) with markers where the parts go, and
  tei_tools.render.site_parts puts the parts in, in the order of the site: no transformation
  ever holds more than one edition's index, so memory does not grow with the corpus.

  Called by name with the parameters "site" (the index of this one edition, an s:site with one
  s:edition without its mentions and dates, see tei_tools.render.edition_index). Writes (as
  HTML, the way the pages are serialized) first the processing instruction
  <?MARKER-records RECORDS>, RECORDS the edition's page and title as JSON strings (what its
  share of a person card says), each as "." and its encode-for-uri() (so none holds a space or
  a ">"), separated by spaces; then the HTML of the edition's entry (MARKER: the parameter
  part-marker).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="index.xsl"/>
  <xsl:import href="persons.xsl"/>
  <xsl:import href="persons-data.xsl"/>

  <!-- PARAMETER site: the index of one edition (set by tei-tools, not from the command line). -->
  <xsl:param name="site" as="document-node()?" select="()"/>

  <!-- As the pages are serialized (html/common.xsl's xsl:output; persons-data.xsl, imported,
       writes text), so a part's bytes are those it has inside its page. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="edition" select="$site/s:site/s:edition" as="element(s:edition)"/>
    <xsl:processing-instruction name="{$part-marker}-records"
        select="string-join((f:json(string($edition/@page)), f:json(string($edition/@title)))
                ! ('.' || encode-for-uri(.)), ' ')"/>
    <xsl:apply-templates select="$edition" mode="f:index-entry"/>
  </xsl:template>

  <!-- What the register's lists of mentions need, as JSON: {"open-limit": how many mentions of
       a person in one edition are listed openly (parameter mentions-open), "names": each
       person's display name (f:person-name) by id, the first person with that id, as
       f:registered-person finds them}. Called once per run with the personography. -->
  <xsl:template name="f:register-data">
    <xsl:sequence select="serialize(map {
        'open-limit': $f:open-limit,
        'names': map:merge($personography//person[@xml:id] ! map:entry(string(@xml:id), f:person-name(.)),
                           map {'duplicates': 'use-first'})}, map {'method': 'json'})"/>
  </xsl:template>

</xsl:stylesheet>
