/* tei-tools reading editions: note popovers.
   Only an enhancement: without this script a note marker is a link to the footnote (or to the
   numbered source it points at) and the footnote links back. With it, a click on a marker shows
   the note beside the marker; Escape, a second click or a click elsewhere closes it. */
(function () {
  "use strict";

  var open = null;

  function close() {
    if (open) {
      open.popover.remove();
      open.marker.setAttribute("aria-expanded", "false");
      open = null;
    }
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
    copy.querySelectorAll(".fn-back, .backlink, .anchor-backlinks").forEach(function (node) { node.remove(); });
    copy.removeAttribute("id");
    return copy;
  }

  function show(marker, target) {
    var popover = document.createElement("div");
    popover.className = "note-popover";
    popover.setAttribute("role", "note");
    var content = contentOf(target);
    if (content.tagName === "LI") {
      var wrapper = document.createElement("div");
      while (content.firstChild) wrapper.appendChild(content.firstChild);
      content = wrapper;
    }
    popover.appendChild(content);
    var more = document.createElement("a");
    more.className = "popover-link";
    more.href = marker.getAttribute("href");
    more.textContent = "Go to the note";
    more.addEventListener("click", close);
    popover.appendChild(more);
    document.body.appendChild(popover);

    var box = marker.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX,
        window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
    marker.setAttribute("aria-expanded", "true");
    open = { marker: marker, popover: popover };
  }

  document.addEventListener("click", function (event) {
    var marker = event.target.closest ? event.target.closest("a.noteref") : null;
    if (marker) {
      var target = targetOf(marker);
      if (!target) return;
      event.preventDefault();
      var same = open && open.marker === marker;
      close();
      if (!same) show(marker, target);
      return;
    }
    if (open && !open.popover.contains(event.target)) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
})();
