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
    cb.addEventListener("change", function () { hiddenKinds[k] = !cb.checked; applyFilters(); });
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
  cb.addEventListener("change", function () { hiddenRelations[rel] = !cb.checked; applyFilters(); });
  var line = el("span", null, "line"); line.style.borderColor = rc[1];
  if (rel === "builds_on" || rel === "cites") line.style.borderTopStyle = "dashed";
  row.appendChild(cb); row.appendChild(line); row.appendChild(el("span", rel.replace("_", " ")));
  row.appendChild(el("span", relCount[rel], "count"));
  relLegend.appendChild(row);
});
var maxDeg = 0;
edgesOf.forEach(function (l) { if (l.length > maxDeg) maxDeg = l.length; });
var slider = document.getElementById("min-degree");
slider.max = String(Math.max(1, Math.min(maxDeg, 50)));
slider.addEventListener("input", function () {
  minDegree = +slider.value; document.getElementById("degree-value").textContent = slider.value; applyFilters();
});
document.getElementById("hide-isolated").addEventListener("change", function (e) { hideIsolated = e.target.checked; applyFilters(); });

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

if (META.left_out) {
  var notice = document.getElementById("notice");
  notice.hidden = false;
  notice.appendChild(el("strong", "Showing the " + DRAWN + " most central of " + META.in_view + " nodes"));
  notice.appendChild(el("span", " (by " + META.size + "); " + META.left_out + " are left out. To see them all: "));
  notice.appendChild(el("code", "graphtool map --max-nodes 0"));
  notice.appendChild(el("span", " or, in Python, "));
  notice.appendChild(el("code", "render(G, max_nodes=None)"));
  if (META.view === "full") {
    notice.appendChild(el("span", "; or draw a smaller view with "));
    notice.appendChild(el("code", "--view papers"));
  }
  notice.appendChild(el("span", ". Search still finds the papers and entities the panels name."));
}

