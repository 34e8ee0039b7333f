<?xml version="1.0" encoding="UTF-8"?>
<!--
  One edition's parts of the site's own pages, rendered where the edition is rendered (in a
  worker), from that edition's index alone: its entry on the front page, for each person it
  mentions the list of those mentions in the register and its share of the person card, and
  for each of its dates the chronology's entry with its place in time.

  The pages' frames are rendered once for the site (index.xsl, persons.xsl, persons-data.xsl,
  chronology.xsl, from the site's summary) with markers where the parts go, and
  tei_tools.render.site_parts puts the parts in, in the order of the site: no transformation
  ever holds more than one edition's index, so memory does not grow with the corpus, and the
  pages come out byte for byte as if one transformation had made each of them.

  Called by name with the parameters "site" (the index of this one edition, an s:site with one
  s:edition, see tei_tools.render.edition_index) and "personography". Writes (as HTML, the way
  the pages are serialized) first the processing instruction <?MARKER-records RECORDS>, RECORDS
  the strings of the records, each as "." and its encode-for-uri() (so none holds a space or a
  ">"), separated by spaces; the records (tei_tools.render.site_parts reads them):
    "entry": the front page's entry;
    "person", id, number of mentions, the card's share (JSON): the register's list of them;
    "date", start, end, "yes"|"no" (has a year), year label: the chronology's entry;
  then the HTML of each record's part in turn, each followed by the processing instruction
  <?MARKER> (MARKER the parameter part-marker). Written as the principal result: fn:serialize()
  of a tree built first took twice as long.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="index.xsl"/>
  <xsl:import href="persons.xsl"/>
  <xsl:import href="chronology.xsl"/>
  <xsl:import href="persons-data.xsl"/>

  <!-- PARAMETER site: the index of one edition (set by tei-tools, not from the command line). -->
  <xsl:param name="site" as="document-node()?" select="()"/>

  <!-- As the pages are serialized (html/common.xsl's xsl:output; persons-data.xsl, imported,
       writes text), so a part's bytes are those it has inside its page. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="edition" select="$site/s:site/s:edition" as="element(s:edition)"/>
    <xsl:variable name="groups" as="array(element(s:mention)+)*">
      <xsl:for-each-group select="$edition/s:mention" group-by="string(@person)">
        <xsl:sequence select="[current-group()]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <!-- The records (see above) without their HTML; then the HTML of all the parts, in the
         order of the records, each followed by a processing instruction named after the
         part-marker: one serialization for the edition costs far less than one per part. -->
    <xsl:variable name="page-json" select="f:json(string($edition/@page))"/>
    <xsl:variable name="title-json" select="f:json(string($edition/@title))"/>
    <xsl:variable name="records" as="xs:string*">
      <xsl:sequence select="'entry'"/>
      <xsl:for-each select="$groups">
        <xsl:sequence select="'person', string(?1[1]/@person), string(count(?*)),
            f:card-edition($page-json, $title-json, count(?*))"/>
      </xsl:for-each>
      <xsl:for-each select="$edition/s:date">
        <xsl:sequence select="'date', string(@start), string(@end), string(@dated),
            if (@dated = 'yes') then f:year-of(.) else ''"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:processing-instruction name="{$part-marker}-records"
        select="string-join($records ! ('.' || encode-for-uri(.)), ' ')"/>
    <xsl:apply-templates select="$edition" mode="f:index-entry"/>
    <xsl:processing-instruction name="{$part-marker}"/>
    <xsl:for-each select="$groups">
      <xsl:call-template name="f:mentions-in">
        <xsl:with-param name="edition" select="$edition"/>
        <xsl:with-param name="mentions" select="?*"/>
        <!-- The person's display name from the personography ("Mentions of Leon Trotsky in
             TITLE"; it once read the name of a mention, which has none); its id if the
             personography does not list it. -->
        <xsl:with-param name="name" select="(f:registered-person(string(?1[1]/@person)) ! f:person-name(.),
            string(?1[1]/@person))[1]"/>
      </xsl:call-template>
      <xsl:processing-instruction name="{$part-marker}"/>
    </xsl:for-each>
    <xsl:for-each select="$edition/s:date">
      <xsl:apply-templates select="."/>
      <xsl:processing-instruction name="{$part-marker}"/>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
