// ---- legends and filters
function countBy(list, key) {
  var c = {}; list.forEach(function (x) { var k = key(x); c[k] = (c[k] || 0) + 1; }); return c;
}
var kindCount = countBy(ROWS.slice(0, DRAWN), function (r) { return r[KIND]; });
var kindLegend = document.getElementById("kind-legend");
function buildKindLegend() {
  kindLegend.replaceChildren();
  D.kinds.forEach(function (kd) {
    var k = kd.kind;
    if (!kindCount[k]) return;
    var row = el("label", null, "row");
    var cb = el("input"); cb.type = "checkbox"; cb.checked = !hiddenKinds[k]; cb.dataset.kind = k;
    cb.addEventListener("change", function () { hiddenKinds[k] = !cb.checked; applyFilters(true); });
    var sym = el("span", kd.symbol, "sym");
    sym.style.color = colorBy === "kind" ? kd.color : "#555";
    row.appendChild(cb); row.appendChild(sym); row.appendChild(el("span", k));
    row.appendChild(el("span", kindCount[k], "count"));
    kindLegend.appendChild(row);
  });
}
var relCount = countBy(EDGES, function (e) { return e[2]; });
var relLegend = document.getElementById("relation-legend");
D.relations.forEach(function (rc) {
  var rel = rc[0];
  if (!relCount[rel]) return;
  var row = el("label", null, "row");
  var cb = el("input"); cb.type = "checkbox"; cb.checked = true; cb.dataset.relation = rel;
  cb.addEventListener("change", function () { hiddenRelations[rel] = !cb.checked; applyFilters(true); });
  var line = el("span", null, "line"); line.style.borderColor = rc[1];
  if (rel === "builds_on" || rel === "cites") line.style.borderTopStyle = "dashed";
  row.appendChild(cb); row.appendChild(line); row.appendChild(el("span", rel.replace("_", " ")));
  row.appendChild(el("span", relCount[rel], "count"));
  relLegend.appendChild(row);
});
var hideGeneric = false, genericRow = document.getElementById("generic-row");
if (META.generic && META.generic.length) {
  genericRow.hidden = false;
  document.getElementById("generic-label").textContent = "Hide generic concepts (" + META.generic.length +
    ", named by " + Math.round(100 * META.generic_share) + "% of the papers or more; drawn small)";
}
document.getElementById("hide-generic").addEventListener("change", function (e) { hideGeneric = e.target.checked; applyFilters(true); });
var maxDeg = 0;
edgesOf.forEach(function (l) { if (l.length > maxDeg) maxDeg = l.length; });
var slider = document.getElementById("min-degree");
slider.max = String(Math.max(1, Math.min(maxDeg, 50)));
slider.addEventListener("input", function () {
  minDegree = +slider.value; document.getElementById("degree-value").textContent = slider.value; applyFilters(true);
});
document.getElementById("hide-isolated").addEventListener("change", function (e) { hideIsolated = e.target.checked; applyFilters(true); });

var commList = document.getElementById("communities");
D.communities.forEach(function (c) {
  if (!c.drawn) return;
  var li = el("li"); li.dataset.community = c.id; li.title = "Show this community";
  var sw = el("span", null, "swatch"); sw.style.background = c.color;
  li.appendChild(sw); li.appendChild(el("span", c.label)); li.appendChild(el("span", c.drawn, "count"));
  li.addEventListener("click", function () { selectCommunity(c); });
  commList.appendChild(li);
});
document.querySelector("#year-legend .ramp").style.background =
  "linear-gradient(to right," + [0, 0.25, 0.5, 0.75, 1].map(function (t) { return yearColor(yMin + t * (yMax - yMin)); }).join(",") + ")";
document.getElementById("year-min").textContent = years.length ? yMin : "";
document.getElementById("year-max").textContent = years.length ? yMax : "";
function showColorLegend() {
  document.getElementById("community-box").hidden = colorBy !== "community";
  document.getElementById("year-legend").hidden = colorBy !== "year";
  document.getElementById("no-years").hidden = years.length > 0;
  buildKindLegend();
}
var colorSel = document.getElementById("color-by"), sizeSel = document.getElementById("size-by");
colorSel.value = colorBy;
META.metrics.forEach(function (m) { var o = el("option", m); o.value = m; sizeSel.appendChild(o); });
sizeSel.value = sizeBy;
colorSel.addEventListener("change", function () {
  colorBy = colorSel.value; showColorLegend();
  var up = []; for (var i = 0; i < DRAWN; i++) up.push({id: ROWS[i][ID], color: visColor(colorOf(i))});
  nodes.update(up);
});
sizeSel.addEventListener("change", function () {
  sizeBy = sizeSel.value;
  var up = [];
  for (var i = 0; i < DRAWN; i++) up.push({id: ROWS[i][ID], value: valueOf(i)});
  nodes.update(up);
  rankLabels();
});
showColorLegend();

// ---- how to read this view, and how its numbers were made
var HELP = {
  full: "Dots are papers; the other shapes are the systems, models, datasets, hardware and methods their abstracts name, joined to the papers that name them.",
  papers: "Every dot is a paper. Two papers are joined when they name the same entities; rarer shared entities make a thicker link.",
  entities: "Every shape is a system, model, dataset, piece of hardware or method. Two are joined when the same paper names both; thicker: more papers."
};
document.getElementById("help").textContent = (HELP[META.view] || HELP.full) +
  (META.center !== null && META.center !== undefined ? " The node with the black ring is the centre of this map." : "") +
  " Shaded discs are communities, named on the map; labels show where there is room, more as you zoom in." +
  " Click a node for its evidence; its neighbours stay bright. Escape or a click on the background clears the selection. Drag to pan, scroll to zoom.";
var notes = [];
if (META.shares_total) notes.push("Links: each paper's " + META.backbone_per_paper + " strongest shared-entity links (" + EDGES.length + " of " + META.shares_total + "); the panel lists every entity a paper names.");
if (META.betweenness_sample) notes.push("Betweenness is estimated from " + META.betweenness_sample + " sampled nodes (exact betweenness is too slow at this size).");
document.getElementById("method-notes").textContent = notes.join(" ");
document.getElementById("method-notes").hidden = !notes.length;

if (META.left_out) {
  var notice = document.getElementById("notice");
  notice.hidden = false;
  notice.appendChild(el("strong", "Showing the " + DRAWN + " most central of " + META.in_view + " nodes"));
  var why = [];
  if (META.single_left_out) why.push(META.single_left_out + " entities named by one paper only");
  if (META.lonely_left_out) why.push(META.lonely_left_out + " nodes with no link to the rest");
  var cut = META.left_out - (META.single_left_out || 0) - (META.lonely_left_out || 0);
  if (cut > 0) why.push(cut + " less central (by " + META.size + ")");
  notice.appendChild(el("span", " (by " + META.size + "); " + META.left_out + " are left out: " + why.join(", ") + ". To see them all: "));
  notice.appendChild(el("code", "graphtool map --max-nodes 0"));
  notice.appendChild(el("span", " or, in Python, "));
  notice.appendChild(el("code", "render(G, max_nodes=None)"));
  if (META.view === "full") {
    notice.appendChild(el("span", "; or draw a smaller view with "));
    notice.appendChild(el("code", "--view papers"));
  }
  notice.appendChild(el("span", ". The page holds the drawn nodes, their links and their evidence: search finds them and the papers and entities their panels name. For any other node, "));
  notice.appendChild(el("code", "graphtool neighbors CORPUS NAME"));
  notice.appendChild(el("span", " lists its neighbours ("));
  notice.appendChild(el("code", "--html ego.html"));
  notice.appendChild(el("span", " maps them, with their evidence), a larger "));
  notice.appendChild(el("code", "--max-nodes"));
  notice.appendChild(el("span", " draws more, and "));
  notice.appendChild(el("code", "graphtool search STORE \"words\""));
  notice.appendChild(el("span", " finds papers by their words in a store made by graphtool build."));
}
if (META.unlinked) {
  var unlinkedNote = document.getElementById("notice");
  unlinkedNote.hidden = false;
  unlinkedNote.appendChild(el("div", META.unlinked + " of " + (META.kind_totals.paper || 0) + " papers link to nothing: their title and abstract name no system, model, dataset or method the linker knows, so they float alone (\u201cHide isolated nodes\u201d hides them)."));
}

