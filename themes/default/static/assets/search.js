/* hubgen search: matches the query against search-index.js in the browser; no server needed.
   Every word of the query must occur in a message (as a word or inside one: "wind" finds
   "Bürgerwindpark"); hits in the title count most, then tags, summary and text; ties keep the
   index order, newest first. Queries are normalised as hubgen.outputs.search.normalize does. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var input = document.getElementById("search-input");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  if (!form || !input || !status || !list) return;

  function normalize(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
  }

  var docs = (window.hubgenSearchIndex || []).map(function (entry, order) {
    return {
      entry: entry, order: order,
      title: " " + normalize(entry.t), tags: " " + normalize(entry.g.join(" ")),
      summary: " " + normalize(entry.s), words: " " + entry.w + " "
    };
  });

  function weight(field, term, value) {
    if (field.indexOf(" " + term) >= 0) return value * 2; // a word starts with it
    return field.indexOf(term) >= 0 ? value : 0;
  }

  function search(query) {
    var terms = normalize(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 1; });
    if (!terms.length) return null;
    var hits = [];
    docs.forEach(function (doc) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var s = weight(doc.title, term, 8) + weight(doc.tags, term, 4) +
                weight(doc.summary, term, 3) + weight(doc.words, term, 1);
        if (!s) return; // every term must match
        score += s;
      }
      hits.push({ doc: doc, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc.order - b.doc.order; });
    return hits.map(function (hit) { return hit.doc.entry; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // A message the preview shows before it is public, marked as its page is (partials/status.html).
  function statusBanner(statuses) {
    var banner = element("p", "status-banner status-compact");
    banner.setAttribute("role", "note");
    statuses.forEach(function (status) {
      banner.appendChild(element("span", "status status-" + status[0], status[1]));
    });
    return banner;
  }

  function show(results) {
    list.replaceChildren();
    if (results === null) { status.textContent = ""; return; }
    var count = results.length;
    status.textContent = count === 0 ? status.dataset.none :
      count === 1 ? status.dataset.one : status.dataset.many.replace("{count}", String(count));
    results.forEach(function (entry) {
      var item = element("li", "search-result");
      var heading = element("h2", "search-result-title");
      var link = element("a", "", entry.t);
      link.href = entry.u;
      heading.appendChild(link);
      if (entry.x) item.appendChild(statusBanner(entry.x));
      item.appendChild(heading);
      item.appendChild(element("p", "meta", entry.d));
      item.appendChild(element("p", "search-result-summary", entry.s));
      list.appendChild(item);
    });
  }

  function run() {
    show(search(input.value));
    try { // the query in the address, so a search can be shared and survives "back"
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    } catch (e) { /* some file:// setups refuse replaceState: searching still works */ }
  }

  var timer = 0;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run();
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
