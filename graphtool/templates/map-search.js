// ---- search
var search = document.getElementById("search"), matches = document.getElementById("matches");
var index = ROWS.map(function (r, i) {
  var f = r[INFO];
  return {i: i, text: fold([f.title, f.name, (f.aliases || []).join(" "), f.id, r[LABEL]].join(" ")), label: fold(name(i))};
});
var active = -1;
function closeMatches() { matches.style.display = "none"; active = -1; }
function setActive(k) {
  var bs = matches.querySelectorAll("button");
  if (!bs.length) return;
  active = (k + bs.length) % bs.length;
  bs.forEach(function (b, j) { b.classList.toggle("active", j === active); });
  bs[active].scrollIntoView({block: "nearest"});
}
search.addEventListener("input", function () {
  var q = fold(search.value.trim());
  matches.replaceChildren(); active = -1;
  if (!q) { closeMatches(); return; }
  var found = index.filter(function (x) { return x.text.indexOf(q) >= 0; });
  found.sort(function (a, b) {
    var sa = a.label === q ? 0 : a.label.indexOf(q) === 0 ? 1 : 2, sb = b.label === q ? 0 : b.label.indexOf(q) === 0 ? 1 : 2;
    return sa - sb || (a.i >= DRAWN) - (b.i >= DRAWN) || a.label.length - b.label.length || a.i - b.i;
  });
  found.slice(0, 40).forEach(function (x) {
    var b = el("button"); b.type = "button"; b.dataset.node = ROWS[x.i][ID]; b.setAttribute("role", "option");
    b.appendChild(el("span", name(x.i)));
    b.appendChild(el("span", " " + ROWS[x.i][KIND] + (x.i >= DRAWN ? " · not drawn" : ""), "kindtag"));
    b.addEventListener("click", function () { closeMatches(); select(x.i, true); });
    matches.appendChild(b);
  });
  if (!found.length) matches.appendChild(el("div", "no match", "none"));
  else if (found.length > 40) matches.appendChild(el("div", (found.length - 40) + " more: type more of the name", "none"));
  matches.style.display = "block";
});
search.addEventListener("keydown", function (e) {
  if (e.key === "ArrowDown") { e.preventDefault(); setActive(active + 1); }
  else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
  else if (e.key === "Enter") {
    var bs = matches.querySelectorAll("button"), b = bs[Math.max(active, 0)];
    if (b) b.click();
  }
});
document.addEventListener("click", function (e) { if (!document.getElementById("search-wrap").contains(e.target)) closeMatches(); });

applyFilters();
window.graphtool = {
  network: network, nodes: nodes, edges: edges, data: D,
  select: function (id) { if (id in indexOf) select(indexOf[id], true); },
  clear: clearSelection
};
window.graphtoolSelect = window.graphtool.select;
network.once("afterDrawing", function () {
  // a small map is fitted, not blown up: never open zoomed in beyond 1:1
  if (network.getScale() > 1) network.moveTo({scale: 1, animation: false});
  document.body.dataset.drawn = "1";
});
document.body.dataset.ready = "1";
