/* tei-tools reading editions: the search page, over the static index Pagefind writes into
   pagefind/ (tei_tools.render.search). Results in context: for each page, its first matches,
   a few words either side, each linked to the paragraph (or verse line, or heading) it is in.
   Facets narrow the results: edition, person, year, kind; several values of one facet are
   alternatives ("any of them"), facets together must all hold.
   A classic script (not a module), so that it runs from file:// too and can say there why
   search needs a web server. */
(function () {
"use strict";

const form = document.getElementById("tt-search-form");
const input = document.getElementById("tt-search-input");
const status = document.getElementById("tt-search-status");
const results = document.getElementById("tt-search-results");
const facets = document.getElementById("tt-search-facets");
const FACETS = [["edition", "Edition"], ["person", "Person"], ["year", "Year"], ["kind", "Kind of source"]];
const HITS_PER_PAGE = 3;
const CONTEXT = 7;
// Ids the stylesheets give to places inside a passage (mentions, dates, markers): a hit links to
// the passage around them instead.
const INLINE_IDS = /^tt-(m|t|a|fnref)-/;

let pagefind = null;
let searchNumber = 0;

function say(text) {
  status.textContent = text;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function selectedFilters() {
  const chosen = {};
  facets.querySelectorAll("input[type=checkbox]:checked").forEach((box) => {
    (chosen[box.name] = chosen[box.name] || []).push(box.value);
  });
  const filters = {};
  Object.keys(chosen).forEach((key) => { filters[key] = { any: chosen[key] }; });
  return filters;
}

async function buildFacets() {
  const available = await pagefind.filters();
  facets.textContent = "";
  FACETS.forEach(([key, label]) => {
    const values = Object.keys(available[key] || {}).sort((a, b) => a.localeCompare(b));
    if (!values.length) return;
    const group = document.createElement("fieldset");
    group.className = "facet facet-" + key;
    const legend = document.createElement("legend");
    legend.textContent = label;
    group.appendChild(legend);
    values.forEach((value, position) => {
      const id = "tt-facet-" + key + "-" + position;
      const row = document.createElement("div");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.id = id;
      box.addEventListener("change", run);
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = value + " (" + available[key][value] + ")";
      row.append(box, text);
      group.appendChild(row);
    });
    facets.appendChild(group);
  });
  facets.hidden = !facets.children.length;
}

function passageAnchor(anchors, location) {
  let best = null;
  for (const anchor of anchors) {
    if (anchor.location > location) break;
    if (!INLINE_IDS.test(anchor.id)) best = anchor;
  }
  return best;
}

// The permalink marks (§ and ¶) are words to Pagefind, not to a reader.
function shown(words) {
  return words.filter((word) => word !== "¶" && word !== "§").join(" ");
}

function hitsOf(data) {
  const words = data.content.split(/\s+/);
  const anchors = (data.anchors || []).slice().sort((a, b) => a.location - b.location);
  const hits = [];
  const seen = new Set();
  for (const location of data.locations) {
    const anchor = passageAnchor(anchors, location);
    const key = anchor ? anchor.id : "";
    if (seen.has(key)) continue;
    seen.add(key);
    const start = Math.max(0, location - CONTEXT);
    const before = shown(words.slice(start, location));
    const after = shown(words.slice(location + 1, location + 1 + CONTEXT));
    hits.push({
      url: data.url + (anchor ? "#" + anchor.id : ""),
      html: (start > 0 ? "… " : "") + escapeHtml(before) + " <mark>" + escapeHtml(words[location] || "") + "</mark> "
        + escapeHtml(after) + (location + 1 + CONTEXT < words.length ? " …" : ""),
    });
    if (hits.length >= HITS_PER_PAGE) break;
  }
  return hits;
}

async function run(event) {
  if (event) event.preventDefault();
  clearTimeout(input.pending);  // a search asked for now replaces the one typing had scheduled
  const query = input.value.trim();
  const number = ++searchNumber;
  results.textContent = "";
  if (!query) {
    say("Type a word to search for.");
    return;
  }
  const url = new URL(window.location.href);
  url.searchParams.set("q", query);
  window.history.replaceState(null, "", url);
  say("Searching…");
  const found = await pagefind.search(query, { filters: selectedFilters() });
  if (number !== searchNumber) return;  // a newer search has started
  const pages = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
  if (number !== searchNumber) return;
  pages.forEach((data) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    const facts = [].concat((data.filters && data.filters.kind) || [], (data.filters && data.filters.year) || []);
    if (facts.length) {
      const line = document.createElement("p");
      line.className = "result-facets";
      line.textContent = facts.join(" · ");
      item.appendChild(line);
    }
    const list = document.createElement("ul");
    list.className = "hits";
    hitsOf(data).forEach((hit) => {
      const entry = document.createElement("li");
      const anchor = document.createElement("a");
      anchor.className = "hit";
      anchor.href = hit.url;
      anchor.innerHTML = hit.html;
      entry.appendChild(anchor);
      list.appendChild(entry);
    });
    item.appendChild(list);
    results.appendChild(item);
  });
  const total = found.results.length;
  say(total === 0 ? "Nothing found for “" + query + "”." :
      total + (total === 1 ? " edition" : " editions") + " with “" + query + "”"
      + (total > pages.length ? " (the first " + pages.length + " shown)" : "") + ".");
}

async function start() {
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
    await pagefind.options({ baseUrl: new URL(".", window.location.href).pathname, excerptLength: 30 });
    await pagefind.init();
  } catch (error) {
    say("The search index is not available here (it is made by Pagefind when the site is built, and is "
        + "read over http: serve the site folder with any static web server). The register of persons and "
        + "the chronology work without it.");
    return;
  }
  await buildFacets();
  form.addEventListener("submit", run);
  input.addEventListener("input", () => {
    clearTimeout(input.pending);
    input.pending = setTimeout(run, 250);
  });
  const query = new URL(window.location.href).searchParams.get("q");
  if (query) {
    input.value = query;
    run();
  } else {
    say("Type a word to search for.");
  }
}

start();
})();
