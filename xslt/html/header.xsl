<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TEI header (TEI Guidelines ch. 2) as the head of an edition page: title, subtitles,
  authors, then a list of what the header says about the edition: source, responsibilities,
  publication, licence, language; and a collapsed "About this edition" with the editorial
  declarations and the revision history.

  Mode f:header renders the block for the document's root element; mode f:meta renders
  header content as phrasing (text, titles as cite, pointers as links).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- PARAMETER show-header: "yes" (default) shows what the teiHeader says before the text:
       title, authors, source, responsibilities, publication, licence (and, in HTML, a folded
       "About this edition" with the editorial declarations); "no" shows title and authors only. -->
  <xsl:param name="show-header" as="xs:string" select="'yes'"/>

  <!-- The title of a page: the header's main title, else the file's name. -->
  <xsl:function name="f:page-title" as="xs:string">
    <xsl:param name="top" as="element()"/>
    <xsl:sequence select="(f:title($top)[. != ''], f:stem($top))[1]"/>
  </xsl:function>

  <!-- The file name of a document without its extension ("e000" for .../e000.xml). -->
  <xsl:function name="f:stem" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="replace(tokenize(string(base-uri($node)), '/')[last()], '\.[^.]*$', '')"/>
  </xsl:function>

  <xsl:template match="*" mode="f:header">
    <header class="edition-header">
      <h1>{f:page-title(.)}</h1>
    </header>
  </xsl:template>

  <!-- The edition's head: title, byline, kind and year (the search facets), then what the
       header says, folded, so that the text starts on the first screen, on a phone too. -->
  <xsl:template match="TEI | teiCorpus" mode="f:header">
    <xsl:variable name="authors" select="f:authors(.)"/>
    <xsl:variable name="year" select="f:source-year(.)"/>
    <header class="edition-header">
      <h1 data-pagefind-filter="edition" data-pagefind-meta="title">{f:page-title(.)}</h1>
      <xsl:for-each select="f:subtitles(.)[. != '']">
        <p class="subtitle">{.}</p>
      </xsl:for-each>
      <xsl:if test="exists($authors)">
        <p class="byline">by {string-join($authors, ', ')}</p>
      </xsl:if>
      <p class="facets">
        <span class="kind" data-pagefind-filter="kind">{f:kind(.)}</span>
        <xsl:if test="$year">
          <xsl:text> · </xsl:text>
          <span class="year" data-pagefind-filter="year">{$year}</span>
        </xsl:if>
      </p>
      <xsl:if test="f:yes($show-header)">
        <details class="edition-facts" data-pagefind-ignore="all">
          <summary>About this edition: source, credits, licence</summary>
          <xsl:call-template name="f:metadata">
            <xsl:with-param name="header" select="teiHeader"/>
          </xsl:call-template>
          <xsl:call-template name="f:about">
            <xsl:with-param name="header" select="teiHeader"/>
          </xsl:call-template>
        </details>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- The facts of the header as a description list. -->
  <xsl:template name="f:metadata">
    <xsl:param name="header" as="element()?"/>
    <xsl:variable name="file" select="$header/fileDesc"/>
    <!-- only dt and dd elements go in: the list is left out when there are none -->
    <xsl:where-populated>
      <dl class="metadata">
      <xsl:for-each select="$file/sourceDesc/*">
        <xsl:variable name="source" as="node()*"><xsl:apply-templates select="." mode="f:source"/></xsl:variable>
        <xsl:if test="normalize-space(string-join($source ! string(.)))">
          <dt>Source</dt>
          <dd><xsl:sequence select="$source"/></dd>
        </xsl:if>
        <xsl:for-each select="self::bibl/respStmt[resp][* except resp]">
          <dt>{string-join(resp ! f:plain(.)[. != ''], ', ')}</dt>
          <dd>{f:credited(.)}</dd>
        </xsl:for-each>
        <xsl:for-each select=".//note[@type = ('credit', 'copyright')][normalize-space()]">
          <dt>Credit</dt>
          <dd><xsl:apply-templates mode="f:meta"/></dd>
        </xsl:for-each>
        <xsl:for-each select="self::bibl/note[@type = 'not-given'][normalize-space()]">
          <dt>Not known</dt>
          <dd><xsl:apply-templates mode="f:meta"/></dd>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$file/editionStmt/edition[normalize-space()]">
        <dt>Edition</dt>
        <dd><xsl:apply-templates mode="f:meta"/></dd>
      </xsl:for-each>
      <xsl:for-each select="($file/titleStmt | $file/editionStmt)/(respStmt | editor | funder | sponsor | principal)">
        <xsl:variable name="role" select="
            if (self::respStmt) then string-join((resp ! f:plain(.))[. != ''], ', ')
            else if (self::editor) then (@role[normalize-space()] ! f:capitalised(.), 'Editor')[1]
            else f:capitalised(local-name())"/>
        <xsl:variable name="who" select="if (self::respStmt) then f:credited(.)[. != ''] else f:plain(.)"/>
        <xsl:if test="exists($who) and $role">
          <dt>{$role}</dt>
          <dd>{string-join($who, ', ')}</dd>
        </xsl:if>
      </xsl:for-each>
      <xsl:variable name="publication" select="$file/publicationStmt"/>
      <xsl:variable name="published" select="($publication/(publisher | distributor | authority), $publication/pubPlace)
          ! f:plain(.)[. != '']"/>
      <xsl:if test="exists($published)">
        <dt>Published by</dt>
        <dd>{string-join(distinct-values($published), ', ')}</dd>
      </xsl:if>
      <xsl:for-each select="$publication/date[normalize-space() or @when][1]">
        <dt>Date of this edition</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="f:is-html-datetime(normalize-space(@when))"><time datetime="{normalize-space(@when)}">{(f:plain(.)[. != ''], normalize-space(@when))[1]}</time></xsl:when>
            <xsl:otherwise>{(f:plain(.)[. != ''], normalize-space(@when))[1]}</xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <xsl:for-each select="$publication/availability[normalize-space()]">
        <dt>Licence</dt>
        <dd><xsl:apply-templates mode="f:meta"/></dd>
      </xsl:for-each>
      <xsl:variable name="languages" select="$header/profileDesc/langUsage/language ! f:plain(.)[. != '']"/>
      <xsl:if test="exists($languages)">
        <dt>Language</dt>
        <dd>{string-join($languages, ', ')}</dd>
      </xsl:if>
      </dl>
    </xsl:where-populated>
  </xsl:template>

  <!-- How the edition was made: editorial declarations, project, revisions. -->
  <xsl:template name="f:about">
    <xsl:param name="header" as="element()?"/>
    <xsl:variable name="declarations" select="$header/encodingDesc/(projectDesc | samplingDecl | editorialDecl)
        //p[normalize-space()][not(.//p)]"/>
    <xsl:variable name="changes" select="$header/revisionDesc//change[normalize-space() or @when]"/>
    <xsl:if test="exists($declarations | $changes)">
      <div class="about">
        <h2 class="about-heading">How this edition was made</h2>
        <xsl:for-each select="$declarations">
          <p><xsl:apply-templates mode="f:meta"/></p>
        </xsl:for-each>
        <xsl:if test="exists($changes)">
          <ul class="changes">
            <xsl:for-each select="$changes">
              <li>
                <xsl:if test="@when">
                  <xsl:choose>
                    <xsl:when test="f:is-html-datetime(normalize-space(@when))"><time datetime="{normalize-space(@when)}">{normalize-space(@when)}</time></xsl:when>
                    <xsl:otherwise>{normalize-space(@when)}</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="normalize-space()">: </xsl:if>
                </xsl:if>
                <xsl:apply-templates mode="f:meta"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Who a respStmt credits: its names, each with the organisation it is credited for. -->
  <xsl:function name="f:credited" as="xs:string">
    <xsl:param name="statement" as="element()"/>
    <xsl:variable name="names" select="$statement/(name | persName | orgName) ! f:plain(.)[. != '']"/>
    <xsl:variable name="for" select="$statement/note[@type = 'affiliation'] ! f:plain(node())[. != '']"/>
    <xsl:sequence select="string-join($names, ', ') || (if (exists($for)) then ' (for ' || string-join($for, ', ') || ')' else '')"/>
  </xsl:function>

  <xsl:function name="f:capitalised" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- What a source description says, briefly: a bibliographic reference without its notes,
       a manuscript's identifier, a paragraph; other descriptions shortened. -->
  <xsl:template match="bibl | biblStruct" mode="f:source">
    <xsl:choose>
      <!-- Structured (elements only): its parts separated by commas (credits and notes are
           listed on their own). -->
      <xsl:when test="not(text()[normalize-space()])">
        <xsl:for-each select="* except (note | respStmt)">
          <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:apply-templates select="." mode="f:meta"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="node() except note" mode="f:meta"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="biblFull" mode="f:source">
    <xsl:apply-templates select="(titleStmt/title)[1]" mode="f:meta"/>
  </xsl:template>

  <xsl:template match="msDesc" mode="f:source">
    <xsl:value-of select="(msIdentifier ! f:plain(.))[1]"/>
  </xsl:template>

  <xsl:template match="p" mode="f:source">
    <xsl:apply-templates mode="f:meta"/>
  </xsl:template>

  <xsl:template match="listBibl | listWit" mode="f:source">
    <xsl:value-of select="f:shortened(string-join((bibl | biblStruct | witness) ! f:plain(.), '; '))"/>
  </xsl:template>

  <xsl:template match="*" mode="f:source">
    <xsl:value-of select="f:shortened(f:plain(.))"/>
  </xsl:template>

  <xsl:function name="f:shortened" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (string-length($s) le 300) then $s
        else replace(substring($s, 1, 300), '\s+\S*$', '') || ' …'"/>
  </xsl:function>

  <!-- Header content as phrasing: text, titles, links; block structure becomes spaces. -->
  <xsl:template match="text()" mode="f:meta">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:template match="title" mode="f:meta">
    <cite><xsl:apply-templates mode="f:meta"/></cite>
  </xsl:template>

  <xsl:template match="ref[@target][not(ancestor::ref[@target])] | licence[@target][not(ancestor::ref[@target])]" mode="f:meta">
    <xsl:variable name="href" select="f:href(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and normalize-space()">
        <a href="{$href}"><xsl:apply-templates mode="f:meta"/></a>
      </xsl:when>
      <xsl:when test="exists($href)">
        <a href="{$href}">{normalize-space(@target)}</a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="f:meta"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ptr[@target][not(ancestor::ref[@target])]" mode="f:meta">
    <xsl:variable name="href" select="f:href(@target)"/>
    <xsl:if test="exists($href)"><a href="{$href}">{normalize-space(@target)}</a></xsl:if>
  </xsl:template>

  <xsl:template match="lb | pb | cb" mode="f:meta">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="note" mode="f:meta">
    <xsl:text> (</xsl:text><xsl:apply-templates mode="f:meta"/><xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="f:meta">
    <xsl:if test="f:is-container(.) and preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="f:meta"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="f:meta"/>

</xsl:stylesheet>
