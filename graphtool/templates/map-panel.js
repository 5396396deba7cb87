// ---- buttons
var physicsOn = false, physicsBtn = document.getElementById("physics");
physicsBtn.addEventListener("click", function () {
  physicsOn = !physicsOn;
  physicsBtn.setAttribute("aria-pressed", String(physicsOn));
  network.setOptions({physics: {enabled: physicsOn}});
});
document.getElementById("fit").addEventListener("click", function () { network.fit({animation: false}); });
// the PNG is the canvas with the legend of the current colouring drawn on it
function legendRows() {
  if (colorBy === "kind") return D.kinds.filter(function (k) { return kindCount[k.kind]; }).map(function (k) { return [k.color, k.kind]; });
  if (colorBy === "year") {
    if (!years.length) return [["#d0d0d0", "no year in this corpus"]];
    return [0, 0.5, 1].map(function (t) { var y = Math.round(yMin + t * (yMax - yMin)); return [yearColor(y), String(y)]; })
                      .concat([["#d0d0d0", "no year"]]);
  }
  var rows = D.communities.filter(function (c) { return c.drawn; }).slice(0, 14).map(function (c) { return [c.color, c.label]; });
  return rows;
}
function canvasWithLegend() {
  var src = document.querySelector("#network canvas"), ratio = network.canvas.pixelRatio || 1;
  var out = document.createElement("canvas");
  out.width = src.width; out.height = src.height;
  var ctx = out.getContext("2d");
  ctx.drawImage(src, 0, 0);
  ctx.scale(ratio, ratio);
  var rows = legendRows(), font = "12px " + LABEL_FACE, title = "Colour: " + colorBy;
  ctx.font = font;
  var w = Math.max.apply(null, rows.map(function (r) { return ctx.measureText(r[1]).width; }).concat([ctx.measureText(title).width])) + 34;
  var h = 22 + rows.length * 17;
  ctx.fillStyle = "rgba(255,255,255,0.92)"; ctx.strokeStyle = "#cccccc";
  ctx.fillRect(8, 8, w, h); ctx.strokeRect(8.5, 8.5, w, h);
  ctx.textBaseline = "middle"; ctx.fillStyle = "#333333"; ctx.font = "600 " + font;
  ctx.fillText(title, 16, 19);
  ctx.font = font;
  rows.forEach(function (r, k) {
    var y = 36 + k * 17;
    ctx.fillStyle = r[0]; ctx.fillRect(16, y - 5, 11, 11);
    ctx.fillStyle = "#222222"; ctx.fillText(r[1], 33, y);
  });
  return out;
}
document.getElementById("png").addEventListener("click", function () {
  var canvas = canvasWithLegend();
  canvas.toBlob(function (blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = "graphtool-map.png";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }, "image/png");
});

// ---- the panel
var panel = document.getElementById("panel");
function nodeLink(i) {
  var a = el("a", name(i), "node");
  a.href = "#"; a.dataset.node = ROWS[i][ID];
  a.addEventListener("click", function (ev) { ev.preventDefault(); select(i, true); });
  return a;
}
function highlight(text, spans) {
  var frag = document.createDocumentFragment(), pos = 0;
  spans.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; }).forEach(function (s) {
    if (s[0] < pos || s[1] > text.length || s[0] >= s[1]) return;
    frag.appendChild(document.createTextNode(text.slice(pos, s[0])));
    var m = el("mark", text.slice(s[0], s[1])); if (s[2]) m.title = s[2];
    frag.appendChild(m);
    pos = s[1];
  });
  frag.appendChild(document.createTextNode(text.slice(pos)));
  return frag;
}
function sentence(ev) {
  var q = el("blockquote"), s = ev.sentence || "", at = ev.surface ? s.indexOf(ev.surface) : -1;
  q.appendChild(highlight(s, at >= 0 ? [[at, at + ev.surface.length]] : []));
  return q;
}
function safeUrl(i) {
  var f = ROWS[i][INFO];
  if (f.url && /^https?:\/\//i.test(f.url)) return f.url;
  if (f.id && /^\d{4}\.\d{4,5}(v\d+)?$/.test(f.id)) return "https://arxiv.org/abs/" + f.id;
  return null;
}
var BASIS = {  // what backs a builds_on edge (graphtool.identity.Link.basis)
  lexicon: "the lexicon names the cited paper as its source",
  title: "the cited paper's title is the name",
  abstract: "a coined name the lexicon knows, presented in the cited abstract",
  again: "the artefact presented again"
};
var GROUPS = {  // [heading when the node is the source, heading when it is the target]
  introduces: ["Introduces", "Introduced by"], mentions: ["Mentions", "Mentioned by"],
  uses: ["Uses", "Used by"], variant_of: ["Variant of", "Variants"],
  builds_on: ["Builds on", "Built on by"], cites: ["Cites", "Cited by"]
};
var ORDER = ["Introduces", "Introduced by", "Mentions", "Mentioned by", "Uses", "Used by", "Builds on",
             "Built on by", "Cites", "Cited by", "Variant of", "Variants", "Shares entities with", "Named together with"];
function addScores(i) {
  var r = ROWS[i];
  if (!r[SCORES]) { panel.appendChild(el("div", "Not part of this view.", "note")); return; }
  var t = el("table", null, "scores"), total = META.kind_totals[r[KIND]] || 0;
  META.metrics.forEach(function (m, k) {
    var tr = el("tr");
    var v = r[SCORES][k], shown = v === 0 ? "0" : Math.abs(v) >= 1000 ? String(Math.round(v)) : v.toPrecision(3);
    tr.appendChild(el("td", m + (m === "betweenness" && META.betweenness_sample ? " (sampled)" : "")));
    tr.appendChild(el("td", shown));
    tr.appendChild(el("td", "#" + r[RANKS][k] + " of " + total + " " + r[KIND] + (total === 1 ? "" : "s")));
    t.appendChild(tr);
  });
  panel.appendChild(t);
}
function showPanel(i) {
  var r = ROWS[i], f = r[INFO], isPaper = r[KIND] === "paper";
  panel.replaceChildren();
  var close = el("button", "×", "close"); close.type = "button"; close.title = "Close (Escape)";
  close.addEventListener("click", clearSelection);
  panel.appendChild(close);
  var own = [];  // this paper's mentions, to highlight in its title and abstract
  var groups = {};
  linksOf[i].forEach(function (k) {
    var l = LINKS[k], out = l[0] === i, other = out ? l[1] : l[0];
    if (out && (l[3].field === "abstract" || l[3].field === "title")) own.push(l);
    var g = (GROUPS[l[2]] || [l[2], l[2] + " (by)"])[out ? 0 : 1];
    (groups[g] = groups[g] || []).push({other: other, ev: l[3]});
  });
  if (D.edges && i < DRAWN) {
    edgesOf[i].forEach(function (k) {
      var e = EDGES[k], g = e[2] === "shares" ? "Shares entities with" : "Named together with";
      (groups[g] = groups[g] || []).push({other: e[0] === i ? e[1] : e[0], ev: {}, weight: e[3], shared: e[4]});
    });
  }
  var spansIn = function (field) {
    return own.filter(function (l) { return l[3].field === field; })
              .map(function (l) { return [l[3].start, l[3].end, name(l[1])]; });
  };
  var h2 = el("h2");
  h2.appendChild(highlight(isPaper ? (f.title || r[ID]) : (f.name || r[ID]), isPaper ? spansIn("title") : []));
  panel.appendChild(h2);
  if (isPaper) {
    panel.appendChild(el("div", ["paper", f.id, f.year].filter(function (x) { return x; }).join(" · "), "meta"));
    if (f.authors && f.authors.length) panel.appendChild(el("div", f.authors.join(", "), "meta"));
    var url = safeUrl(i);
    if (url) { var a = el("a", url); a.href = url; a.rel = "noopener noreferrer"; a.target = "_blank"; panel.appendChild(a); }
  } else {
    panel.appendChild(el("div", [r[KIND], f.family && f.family !== f.name ? "family: " + f.family : null]
                                  .filter(function (x) { return x; }).join(" · "), "meta"));
    if (f.aliases && f.aliases.length) panel.appendChild(el("div", "also: " + f.aliases.join(", "), "meta"));
  }
  if (i >= DRAWN) {
    panel.appendChild(el("div", "Not drawn in this view" + (isPaper ? ", so its abstract is not in this page: "
      + "a smaller view or graphtool map --max-nodes 0 shows it." : "."), "note"));
  }
  addScores(i);
  if (isPaper && (i < DRAWN || f.abstract)) {
    panel.appendChild(el("h3", "Abstract"));
    var p = el("p", null, "abstract"); p.appendChild(highlight(f.abstract || "", spansIn("abstract"))); panel.appendChild(p);
  }
  Object.keys(groups).sort(function (a, b) { return ORDER.indexOf(a) - ORDER.indexOf(b); }).forEach(function (g) {
    var items = groups[g];
    panel.appendChild(el("h3", g + " (" + items.length + ")"));
    var ul = el("ul");
    items.sort(function (a, b) { return (b.weight || 0) - (a.weight || 0) || (name(a.other) < name(b.other) ? -1 : 1); });
    items.forEach(function (x) {
      var li = el("li"); li.appendChild(nodeLink(x.other));
      if (!isPaper || ROWS[x.other][KIND] !== "paper") li.appendChild(el("span", " " + ROWS[x.other][KIND], "kindtag"));
      if (x.shared && x.shared.length) li.appendChild(el("span", " — " + x.shared.join(", "), "kindtag"));
      else if (x.weight && g === "Named together with") li.appendChild(el("span", " — " + x.weight + " paper" + (x.weight === 1 ? "" : "s"), "kindtag"));
      if (x.ev.via) li.appendChild(el("span", " via " + x.ev.via + (x.ev.entity && x.ev.entity !== x.ev.via ? " → " + x.ev.entity : ""), "kindtag"));
      if (x.ev.via_family) li.appendChild(el("span", " (family: another member or version, weaker)", "kindtag family"));
      if (x.ev.basis && BASIS[x.ev.basis]) li.appendChild(el("span", " (" + BASIS[x.ev.basis] + ")", "kindtag"));
      if (x.ev.sentence) li.appendChild(sentence(x.ev));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  });
  var more = (META.more_links || {})[i];
  if (more) panel.appendChild(el("div", more + " more nodes not drawn are linked to this one; they are not in this page: graphtool neighbors CORPUS \u201c" + (isPaper ? f.title || r[ID] : f.name || r[ID]) + "\u201d --depth 1 lists them all (--html ego.html maps them, with their evidence).", "note"));
  panel.classList.add("open");
  panel.scrollTop = 0;
}
function select(i, zoom) {
  showPanel(i);
  document.querySelectorAll("#communities li.active").forEach(function (x) { x.classList.remove("active"); });
  if (i >= DRAWN) { network.unselectAll(); focusSet = null; applyFade(); return; }
  network.selectNodes([ROWS[i][ID]]);
  if (zoom) network.focus(ROWS[i][ID], {scale: Math.max(network.getScale(), 1.1), offset: {x: -panelWidth() / 2, y: 0}, animation: false});
  else keepClear(i);
  focusSet = {center: i}; focusSet[i] = true;
  edgesOf[i].forEach(function (k) { if (!edgeHidden[k]) { focusSet[EDGES[k][0]] = true; focusSet[EDGES[k][1]] = true; } });
  applyFade();
}
function selectCommunity(c) {
  focusSet = {community: c.id};
  var members = [];
  for (var i = 0; i < DRAWN; i++) if (ROWS[i][COMM] === c.id) { focusSet[i] = true; members.push(i); }
  network.selectNodes(members.map(function (i) { return ROWS[i][ID]; }));
  applyFade();
  document.querySelectorAll("#communities li").forEach(function (x) { x.classList.toggle("active", +x.dataset.community === c.id); });
  panel.replaceChildren();
  var close = el("button", "×", "close"); close.type = "button"; close.addEventListener("click", clearSelection);
  panel.appendChild(close);
  panel.appendChild(el("h2", c.label));
  panel.appendChild(el("div", "community " + (c.id + 1) + " · " + c.size + " nodes" + (c.drawn < c.size ? ", " + c.drawn + " drawn" : ""), "meta"));
  panel.appendChild(el("h3", "Most central members"));
  var k = META.metrics.indexOf(sizeBy), ul = el("ul");
  members.sort(function (a, b) { return (ROWS[b][SCORES] || [])[k] - (ROWS[a][SCORES] || [])[k]; }).slice(0, 40).forEach(function (i) {
    var li = el("li"); li.appendChild(nodeLink(i)); li.appendChild(el("span", " " + ROWS[i][KIND], "kindtag")); ul.appendChild(li);
  });
  panel.appendChild(ul);
  panel.classList.add("open");
  if (members.length) fitTo(members.map(function (i) { return ROWS[i][ID]; }));
}
function clearSelection() {
  network.unselectAll();
  focusSet = null; applyFade();
  panel.classList.remove("open"); panel.replaceChildren();
  document.querySelectorAll("#communities li.active").forEach(function (x) { x.classList.remove("active"); });
}
network.on("click", function (p) {
  if (p.nodes.length) select(indexOf[p.nodes[0]], false); else if (!p.edges.length) clearSelection();
});
document.addEventListener("keydown", function (e) {
  if (e.key === "Escape") { closeMatches(); clearSelection(); }
});

