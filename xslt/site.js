/* tei-tools reading editions: what the script adds. Every page works without it.

   - Note popovers: a click on a note marker shows the note beside it (without the script the
     marker is a link to the note, and the note links back). A marker whose note is not in the
     edition says so, and shows nothing else.
   - Person cards: a click on a person's name, or Enter on it, opens a card with the full name,
     dates, Wikidata, number of mentions, the editions that mention them and a link to the
     register entry (data from persons-data.js). Without the script the name links to the
     register entry.
   - The register's filter box (hidden without the script, which it needs).
   Escape, a second click or a click elsewhere closes a popover; focus returns to its marker. */
(function () {
  "use strict";

  var open = null;
  var counter = 0;

  function close(restoreFocus) {
    if (!open) return;
    open.popover.remove();
    open.marker.setAttribute("aria-expanded", "false");
    if (restoreFocus) open.marker.focus();
    open = null;
  }

  function targetOf(marker) {
    var href = marker.getAttribute("href") || "";
    if (href.charAt(0) !== "#") return null;
    try {
      return document.getElementById(decodeURIComponent(href.slice(1)));
    } catch (error) {
      return null;
    }
  }

  function contentOf(target) {
    var copy = target.cloneNode(true);
    copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    copy.querySelectorAll(".fn-back, .backlink, .permalink").forEach(function (node) { node.remove(); });
    copy.removeAttribute("id");
    var wrapper = document.createElement("div");
    while (copy.firstChild) wrapper.appendChild(copy.firstChild);
    return wrapper;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function place(popover, marker) {
    document.body.appendChild(popover);
    var box = marker.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX,
        window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function show(marker, popover, focusInside) {
    counter += 1;
    popover.id = "tt-popover-" + counter;
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", popover.id);
    place(popover, marker);
    open = { marker: marker, popover: popover };
    if (focusInside) {
      popover.setAttribute("tabindex", "-1");
      popover.focus();
    }
  }

  // --- notes ---------------------------------------------------------------------------------

  function noteLinkPopover(marker, target) {
    var popover = element("div", "note-popover");
    popover.setAttribute("role", "note");
    popover.appendChild(contentOf(target));
    var more = element("a", "popover-link", "Go to the note");
    more.href = marker.getAttribute("href");
    more.addEventListener("click", function () { close(false); });
    popover.appendChild(more);
    return popover;
  }

  function missingNotePopover(marker) {
    var popover = element("div", "note-popover missing-note");
    popover.setAttribute("role", "note");
    popover.appendChild(element("p", "", marker.getAttribute("title") ||
        "This note is not part of the edition."));
    return popover;
  }

  // --- person cards --------------------------------------------------------------------------

  function personCard(mention) {
    var data = (window.teiToolsPersons || {})[mention.getAttribute("data-person")];
    var card = element("div", "person-card");
    card.setAttribute("role", "dialog");
    var heading = element("h2", "person-card-name", data ? data.name : mention.getAttribute("data-person-name"));
    heading.id = "tt-card-heading-" + (counter + 1);
    card.setAttribute("aria-labelledby", heading.id);
    card.appendChild(heading);
    if (data && data.dates) card.appendChild(element("p", "person-card-dates", data.dates));
    if (data && data.note) card.appendChild(element("p", "person-card-note", data.note));
    var cert = mention.getAttribute("data-cert");
    if (cert === "medium" || cert === "low") {
      card.appendChild(element("p", "person-card-cert",
          "This mention was identified by the tool with " + cert + " certainty."));
    }
    if (data) {
      card.appendChild(element("p", "person-card-count", data.mentions + (data.mentions === 1 ? " mention" : " mentions") +
          " in " + data.editions.length + (data.editions.length === 1 ? " edition:" : " editions:")));
      var list = element("ul", "person-card-editions");
      data.editions.forEach(function (edition) {
        var item = element("li");
        var link = element("a", "", edition.title);
        link.href = edition.page;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + edition.count + ")"));
        list.appendChild(item);
      });
      card.appendChild(list);
      if (data.wikidata) {
        var wikidata = element("a", "person-card-wikidata", "Wikidata " + data.wikidata);
        wikidata.href = "https://www.wikidata.org/wiki/" + data.wikidata;
        card.appendChild(element("p")).appendChild(wikidata);
      }
      if (data.review) card.appendChild(element("p", "person-card-review", "Added automatically; not yet reviewed by an editor."));
    }
    var register = element("a", "person-card-register", "Entry in the register of persons");
    register.href = (data && data.register) || mention.getAttribute("href");
    card.appendChild(element("p")).appendChild(register);
    var closer = element("button", "person-card-close", "Close");
    closer.type = "button";
    closer.addEventListener("click", function () { close(true); });
    card.appendChild(closer);
    return card;
  }

  // --- events --------------------------------------------------------------------------------

  function activate(event, marker) {
    var same = open && open.marker === marker;
    var keyboard = event.detail === 0;  // Enter on a link, or a key on a button: no pointer
    close(false);
    if (same) return;
    if (marker.matches("a.noteref")) {
      var target = targetOf(marker);
      if (!target) return;
      show(marker, noteLinkPopover(marker, target), false);
    } else if (marker.matches(".noteref.unlinked")) {
      show(marker, missingNotePopover(marker), false);
    } else {
      show(marker, personCard(marker), keyboard);
    }
  }

  function markerOf(node) {
    if (!node.closest) return null;
    return node.closest("a.noteref, .noteref.unlinked, a.mention[data-person]");
  }

  document.addEventListener("click", function (event) {
    var marker = markerOf(event.target);
    if (marker && !(open && open.popover.contains(marker))) {
      if (marker.matches("a.noteref") && !targetOf(marker)) return;
      event.preventDefault();
      activate(event, marker);
      return;
    }
    if (open && !open.popover.contains(event.target)) close(false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      close(true);
      return;
    }
    var marker = markerOf(event.target);
    if (marker && marker.matches(".noteref.unlinked") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      activate(event, marker);
    }
  });

  function prepare() {
    document.querySelectorAll(".noteref.unlinked").forEach(function (marker) {
      marker.setAttribute("tabindex", "0");
      marker.setAttribute("role", "button");
      marker.setAttribute("aria-expanded", "false");
    });
    document.querySelectorAll("a.mention[data-person]").forEach(function (mention) {
      mention.setAttribute("aria-haspopup", "dialog");
      mention.setAttribute("aria-expanded", "false");
    });
    prepareRegisterFilter();
  }

  // --- the register's filter -----------------------------------------------------------------

  function prepareRegisterFilter() {
    var box = document.querySelector(".register-filter");
    var input = document.getElementById("tt-register-filter");
    if (!box || !input) return;
    box.hidden = false;
    var entries = Array.prototype.slice.call(document.querySelectorAll("article.person"));
    var letters = Array.prototype.slice.call(document.querySelectorAll("section.letter"));
    var count = document.getElementById("tt-filter-count");
    function normal(text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }
    input.addEventListener("input", function () {
      var wanted = normal(input.value.trim());
      var shown = 0;
      entries.forEach(function (entry) {
        var match = !wanted || normal(entry.getAttribute("data-names") || entry.textContent).indexOf(wanted) !== -1;
        entry.hidden = !match;
        if (match) shown += 1;
      });
      letters.forEach(function (section) {
        section.hidden = !section.querySelector("article.person:not([hidden])");
      });
      count.textContent = wanted ? shown + (shown === 1 ? " person" : " persons") + " match" : "";
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepare);
  else prepare();
})();
