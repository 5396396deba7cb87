// Corpus text reaches the page only through textContent / createTextNode.
var D = JSON.parse(document.getElementById("graph-data").textContent);
var META = D.meta, ROWS = D.nodes, LINKS = D.links, DRAWN = META.drawn;
var ID = 0, LABEL = 1, KIND = 2, COMM = 3, X = 4, Y = 5, YEAR = 6, SCORES = 7, RANKS = 8, INFO = 9;
var indexOf = {};
ROWS.forEach(function (r, i) { indexOf[r[ID]] = i; });

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function fold(s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
function name(i) { var f = ROWS[i][INFO]; return f.title || f.name || ROWS[i][ID]; }

// ---- drawn edges: the links between drawn nodes (full view) or the view's own edges
var EDGES = D.edges || LINKS.filter(function (l) { return l[0] < DRAWN && l[1] < DRAWN; })
                            .map(function (l) { return [l[0], l[1], l[2], 1, null, l]; });
var directed = !D.edges;
var linksOf = ROWS.map(function () { return []; });
LINKS.forEach(function (l, k) { linksOf[l[0]].push(k); if (l[1] !== l[0]) linksOf[l[1]].push(k); });
var edgesOf = [];
for (var i0 = 0; i0 < DRAWN; i0++) edgesOf.push([]);
EDGES.forEach(function (e, k) { edgesOf[e[0]].push(k); edgesOf[e[1]].push(k); });

// ---- colours and sizes
var years = ROWS.slice(0, DRAWN).map(function (r) { return r[YEAR]; }).filter(function (y) { return y; });
var yMin = Math.min.apply(null, years.length ? years : [0]), yMax = Math.max.apply(null, years.length ? years : [0]);
var RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
function yearColor(y) {
  if (!y) return "#d0d0d0";
  var t = yMax > yMin ? (y - yMin) / (yMax - yMin) : 1, p = t * (RAMP.length - 1), k = Math.min(Math.floor(p), RAMP.length - 2), f = p - k;
  var c = RAMP[k].map(function (a, j) { return Math.round(a + (RAMP[k + 1][j] - a) * f); });
  return "rgb(" + c.join(",") + ")";
}
var KINDS = {}, RELATIONS = {};
D.kinds.forEach(function (k) { KINDS[k.kind] = k; });
D.relations.forEach(function (r) { RELATIONS[r[0]] = r[1]; });
var commColor = {};
D.communities.forEach(function (c) { commColor[c.id] = c.color; });
var colorBy = META.color, sizeBy = META.size;
function colorOf(i) {
  var r = ROWS[i];
  if (colorBy === "kind") return (KINDS[r[KIND]] || {}).color || "#bab0ac";
  if (colorBy === "year") return yearColor(r[YEAR]);
  return commColor[r[COMM]] || "#c7c7c7";
}
var top = {};
META.metrics.forEach(function (m, k) {
  top[m] = 0;
  for (var i = 0; i < DRAWN; i++) { var s = ROWS[i][SCORES]; if (s && s[k] > top[m]) top[m] = s[k]; }
});
var GENERIC = {};  // generic method concepts: drawn small, labelled last
(META.generic || []).forEach(function (i) { GENERIC[i] = true; });
function valueOf(i) {
  var k = META.metrics.indexOf(sizeBy), s = ROWS[i][SCORES];
  var v = s && top[sizeBy] > 0 ? Math.sqrt(s[k] / top[sizeBy]) : 0;
  return GENERIC[i] ? Math.min(v, 0.1) : v;
}
function visColor(c) {
  return {background: c, border: "#ffffff", highlight: {background: c, border: "#111111"}, hover: {background: c, border: "#333333"}};
}

// ---- the network
var shapes = {};
D.kinds.forEach(function (k) { shapes[k.kind] = k.shape; });
var nodeItems = [];
for (var i = 0; i < DRAWN; i++) {
  var r = ROWS[i];
  // no vis label: the page draws the labels itself, where they have room (map-labels.js)
  var item = {id: r[ID], x: r[X], y: r[Y], shape: shapes[r[KIND]] || "dot",
              value: valueOf(i), color: visColor(colorOf(i)), title: name(i) + " (" + r[KIND] + ")"};
  if (i === META.center) { item.borderWidth = 4; item.color.border = "#111111"; item.shapeProperties = {borderDashes: false}; }
  nodeItems.push(item);
}
// links between communities are drawn faint, so that the regions stand out
function edgeOpacity(e) { return ROWS[e[0]][COMM] === ROWS[e[1]][COMM] ? 0.7 : 0.18; }
var edgeItems = EDGES.map(function (e, k) {
  var w = e[3], item = {id: k, from: ROWS[e[0]][ID], to: ROWS[e[1]][ID], color: {color: RELATIONS[e[2]] || "#999999", opacity: edgeOpacity(e)}};
  if (directed) {
    item.arrows = {to: {enabled: e[2] !== "mentions" && e[2] !== "uses"}};
    item.dashes = e[2] === "builds_on" || e[2] === "cites";
    item.width = e[2] === "builds_on" || e[2] === "introduces" ? 2 : 1;
    item.title = e[2];
  } else {
    item.width = Math.min(6, 0.6 + 1.6 * Math.sqrt(w));
    item.title = (e[2] === "shares" ? "shares " : "named together by ") + (e[4] && e[4].length ? e[4].join(", ") : w + " paper" + (w === 1 ? "" : "s"));
  }
  return item;
});
var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(edgeItems);
var big = DRAWN > 1500;
var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, {
  autoResize: true,
  layout: {improvedLayout: false, randomSeed: 1},
  physics: {enabled: false, stabilization: false, solver: "forceAtlas2Based",
            forceAtlas2Based: {gravitationalConstant: -40, springLength: 60, avoidOverlap: 0.2}},
  interaction: {hover: !big, tooltipDelay: 200, hideEdgesOnDrag: true, hideEdgesOnZoom: big, keyboard: false},
  nodes: {borderWidth: 1, borderWidthSelected: 3,
          scaling: {min: 4, max: 26, label: {enabled: false}}},
  edges: {smooth: false, selectionWidth: 1.5, arrows: {to: {scaleFactor: 0.45}}}
});
network.on("beforeDrawing", function (ctx) {  // an opaque background for the PNG export
  ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
});
window.graphtoolNetwork = network;

// ---- state: filters, selection, fading
var hiddenKinds = {}, hiddenRelations = {}, minDegree = 0, hideIsolated = false;
var nodeHidden = new Array(DRAWN).fill(false), edgeHidden = new Array(EDGES.length).fill(false);
var nodeFaded = new Array(DRAWN).fill(false), edgeFaded = EDGES.map(edgeOpacity);  // edges: opacity now
var focusSet = null;  // {index: true} of the nodes kept bright, or null

function nodeOff(i) { return !!hiddenKinds[ROWS[i][KIND]] || (hideGeneric && !!GENERIC[i]); }
// refit: after a filter changes, fit the view to what is still shown
function applyFilters(refit) {
  var degree = new Array(DRAWN).fill(0), edgeOk = new Array(EDGES.length);
  EDGES.forEach(function (e, k) {
    var ok = !hiddenRelations[e[2]] && !nodeOff(e[0]) && !nodeOff(e[1]);
    edgeOk[k] = ok;
    if (ok) { degree[e[0]]++; if (e[1] !== e[0]) degree[e[1]]++; }
  });
  var need = Math.max(minDegree, hideIsolated ? 1 : 0), nodeUp = [], edgeUp = [], shownN = 0, shownE = 0;
  for (var i = 0; i < DRAWN; i++) {
    var h = nodeOff(i) || degree[i] < need;
    if (h !== nodeHidden[i]) { nodeHidden[i] = h; nodeUp.push({id: ROWS[i][ID], hidden: h}); }
    if (!h) shownN++;
  }
  EDGES.forEach(function (e, k) {
    var h = !edgeOk[k] || nodeHidden[e[0]] || nodeHidden[e[1]];
    if (h !== edgeHidden[k]) { edgeHidden[k] = h; edgeUp.push({id: k, hidden: h}); }
    if (!h) shownE++;
  });
  if (nodeUp.length) nodes.update(nodeUp);
  if (edgeUp.length) edges.update(edgeUp);
  var text = shownN + " of " + DRAWN + " nodes · " + shownE + " of " + EDGES.length + " edges";
  if (META.left_out) text += " · " + META.left_out + " more not drawn";
  document.getElementById("counts").textContent = text;
  document.body.dataset.shownNodes = shownN;
  document.body.dataset.shownEdges = shownE;
  if (refit && shownN) {
    var shown = [];
    for (var j = 0; j < DRAWN; j++) if (!nodeHidden[j]) shown.push(ROWS[j][ID]);
    fitTo(shown);
  }
}

// the part of the canvas the panel leaves free, and fitting into it
function panelWidth() {
  var p = document.getElementById("panel");
  return p && p.classList.contains("open") ? p.getBoundingClientRect().width + 16 : 0;
}
function fitTo(ids) {
  network.fit({nodes: ids, animation: false});
  if (network.getScale() > 1.5) network.moveTo({scale: 1.5, animation: false});
  var pw = panelWidth(), W = document.getElementById("network").clientWidth;
  if (pw && W > pw) {  // shrink into the free part, left of the panel
    network.moveTo({position: network.getViewPosition(), scale: network.getScale() * (W - pw) / W,
                    offset: {x: -pw / 2, y: 0}, animation: false});
  }
}
// move a node out from under the panel (keeping the zoom)
function keepClear(i) {
  var pw = panelWidth(), W = document.getElementById("network").clientWidth;
  if (!pw || i >= DRAWN) return;
  var here = posOf(i), p = network.canvasToDOM(here);
  if (p.x > W - pw - 30 || p.x < 30) {
    network.moveTo({position: here, scale: network.getScale(), offset: {x: -pw / 2, y: 0}, animation: false});
  }
}

function applyFade() {
  var nodeUp = [], edgeUp = [];
  for (var i = 0; i < DRAWN; i++) {
    var f = !!focusSet && !focusSet[i];
    if (f !== nodeFaded[i]) {
      nodeFaded[i] = f;
      nodeUp.push({id: ROWS[i][ID], opacity: f ? 0.15 : 1});
    }
  }
  EDGES.forEach(function (e, k) {
    var f = !!focusSet && !(focusSet[e[0]] && focusSet[e[1]] && (focusSet.center === e[0] || focusSet.center === e[1] || focusSet.center === undefined));
    var o = f ? 0.07 : focusSet ? 0.8 : edgeOpacity(e);
    if (o !== edgeFaded[k]) {
      edgeFaded[k] = o;
      edgeUp.push({id: k, color: {color: RELATIONS[e[2]] || "#999999", opacity: o}});
    }
  });
  if (nodeUp.length) nodes.update(nodeUp);
  if (edgeUp.length) edges.update(edgeUp);
}

