// ---- labels: drawn by the page after vis draws the network, only where they have
// room. Candidates go in order (the centre of an ego map, the selection, community
// names, then nodes by centrality, generic concepts last); a label is drawn when its
// box meets no box already drawn (a grid of 48 px cells finds the neighbours). Font
// sizes are fixed in screen pixels, so zooming in makes room for more labels.
var LABEL_FACE = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";
var CELL = 48, PAD = 2;
var labelRank = [];      // node indices, most important first
var labelBoxesNow = [];  // [{id, x, y, w, h, community?}] in canvas (CSS) pixels
var widthCache = {};

function rankLabels() {
  var order = [];
  for (var i = 0; i < DRAWN; i++) order.push(i);
  var v = order.map(valueOf);
  order.sort(function (a, b) { return (GENERIC[a] ? 1 : 0) - (GENERIC[b] ? 1 : 0) || v[b] - v[a] || a - b; });
  labelRank = order;
}
rankLabels();

// where a node is now: its laid-out place, or where physics or a drag moved it
function posOf(i) {
  var b = network.body.nodes[ROWS[i][ID]];
  return b ? {x: b.x, y: b.y} : {x: ROWS[i][X], y: ROWS[i][Y]};
}

// community regions: the centre of each community's drawn members, its size, and
// the radius of a disc that holds most of them (recomputed when nodes move)
var REGIONS = [];
function computeRegions() {
  var acc = {}, pos = [];
  for (var i = 0; i < DRAWN; i++) {
    var c = ROWS[i][COMM];
    pos.push(null);
    if (c < 0 || ROWS[i][X] === null) continue;
    var p = pos[i] = posOf(i), a = acc[c] = acc[c] || {x: 0, y: 0, n: 0, members: []};
    a.x += p.x; a.y += p.y; a.n++; a.members.push(i);
  }
  var out = [];
  D.communities.forEach(function (c) {
    var a = acc[c.id];
    if (!a || a.n < 3) return;
    // on the map a community is named by its first two terms (the legend has three)
    var label = c.label.split(" · ").slice(0, 2).join(" · "), x = a.x / a.n, y = a.y / a.n;
    var d = a.members.map(function (i) { return Math.hypot(pos[i].x - x, pos[i].y - y); }).sort(function (u, v) { return u - v; });
    out.push({id: c.id, label: label, color: c.color, x: x, y: y, n: a.n, r: d[Math.floor(0.9 * (d.length - 1))] + 12});
  });
  out.sort(function (a, b) { return b.n - a.n || a.id - b.id; });
  REGIONS = out;
}
computeRegions();
network.on("dragEnd", function (p) { if (p.nodes && p.nodes.length) computeRegions(); });

function drawRegions(ctx) {
  if (colorBy !== "community") return;
  if (network.physics.options.enabled) computeRegions();  // the nodes are moving
  ctx.save();
  REGIONS.forEach(function (c) {
    if (focusSet && focusSet.community !== undefined && focusSet.community !== c.id) return;
    ctx.globalAlpha = focusSet ? 0.06 : 0.13;
    ctx.fillStyle = c.color;
    ctx.beginPath(); ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI); ctx.fill();
  });
  ctx.restore();
}
network.on("beforeDrawing", drawRegions);

function darker(hex) {  // a community colour dark enough to read as text
  var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
  if (!m) return "#333333";
  var n = parseInt(m[1], 16), f = 0.55;
  return "rgb(" + [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) { return Math.round(c * f); }).join(",") + ")";
}

function textWidth(ctx, text, font) {
  var key = font + "\u0000" + text;
  if (!(key in widthCache)) { ctx.font = font; widthCache[key] = ctx.measureText(text).width; }
  return widthCache[key];
}

function LabelGrid() { this.cells = {}; this.boxes = []; }
LabelGrid.prototype.fits = function (b) {
  for (var gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++) {
    for (var gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) {
      var list = this.cells[gx + "," + gy];
      if (!list) continue;
      for (var k = 0; k < list.length; k++) {
        var o = list[k];
        if (b.x < o.x + o.w + PAD && o.x < b.x + b.w + PAD && b.y < o.y + o.h + PAD && o.y < b.y + b.h + PAD) return false;
      }
    }
  }
  return true;
};
LabelGrid.prototype.add = function (b) {
  for (var gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++) {
    for (var gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) {
      (this.cells[gx + "," + gy] = this.cells[gx + "," + gy] || []).push(b);
    }
  }
  this.boxes.push(b);
};

function toScreen(x, y) {
  var s = network.getScale(), t = network.body.view.translation;
  return {x: x * s + t.x, y: y * s + t.y};
}

function drawLabels(ctx) {
  var canvas = ctx.canvas, ratio = network.canvas.pixelRatio || 1;
  var W = canvas.width / ratio, H = canvas.height / ratio, scale = network.getScale();
  var grid = new LabelGrid(), labelled = {};
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  function place(b, text, font, color, halo) {
    if (b.x < 0 || b.y < 0 || b.x + b.w > W || b.y + b.h > H || !grid.fits(b)) return false;
    grid.add(b);
    ctx.font = font;
    ctx.lineWidth = halo; ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.strokeText(text, b.x, b.y + 1);
    ctx.fillStyle = color;
    ctx.fillText(text, b.x, b.y + 1);
    return true;
  }
  function nodeLabel(i, size, weight) {
    if (labelled[i] || nodeHidden[i] || (focusSet && !focusSet[i]) || ROWS[i][X] === null) return;
    var text = ROWS[i][LABEL];
    if (!text) return;
    labelled[i] = true;  // one try per node and frame: below it, else above it
    var here = posOf(i), p = toScreen(here.x, here.y), body = network.body.nodes[ROWS[i][ID]];
    var r = (body && body.options && body.options.size ? body.options.size : 8) * scale;
    var font = weight + " " + size + "px " + LABEL_FACE, w = textWidth(ctx, text, font), h = size + 3;
    var b = {id: ROWS[i][ID], x: p.x - w / 2, y: p.y + r + 3, w: w, h: h};
    if (!place(b, text, font, "#222222", 3)) {  // no room below: try above the node
      b = {id: ROWS[i][ID], x: p.x - w / 2, y: p.y - r - 3 - h, w: w, h: h};
      place(b, text, font, "#222222", 3);
    }
  }
  // the largest nodes on screen: a community's name is not written across them
  var big = new LabelGrid(), blocked = 0;
  for (var q = 0; q < labelRank.length && blocked < 300; q++) {
    var j = labelRank[q];
    if (nodeHidden[j] || ROWS[j][X] === null) continue;
    var body = network.body.nodes[ROWS[j][ID]], rr = (body && body.options ? body.options.size || 0 : 0) * scale;
    if (rr < 10) continue;
    var hj = posOf(j), pj = toScreen(hj.x, hj.y);
    big.add({x: pj.x - rr, y: pj.y - rr, w: 2 * rr, h: 2 * rr});
    blocked++;
  }
  if (META.center !== null && META.center !== undefined) nodeLabel(META.center, 16, "700");
  if (focusSet && focusSet.center !== undefined) nodeLabel(focusSet.center, 15, "700");
  if (colorBy === "community" && (!focusSet || focusSet.community !== undefined)) {
    REGIONS.forEach(function (c, k) {
      if (focusSet && focusSet.community !== c.id) return;  // a selected community keeps its name
      var p = toScreen(c.x, c.y), size = k < 6 ? 16 : 14, font = "700 " + size + "px " + LABEL_FACE;
      var w = textWidth(ctx, c.label, font), h = size + 4, rim = c.r * scale;
      // at the region's centre, or else at its top or bottom edge: clear of big nodes
      var spots = [p.y - h / 2, p.y - rim - h / 2, p.y + rim - h / 2].map(function (y) {
        return {id: "community:" + c.id, community: c.id, x: p.x - w / 2, y: y, w: w, h: h};
      });
      var free = spots.filter(function (b) { return big.fits(b); });
      var rest = spots.filter(function (b) { return free.indexOf(b) < 0; });  // across a node, as a last resort
      free.concat(rest).some(function (b) { return place(b, c.label, font, darker(c.color), 4); });
    });
  }
  labelRank.forEach(function (i, k) { nodeLabel(i, k < 12 ? 14 : 12, k < 12 ? "600" : "400"); });
  ctx.restore();
  labelBoxesNow = grid.boxes;
}
network.on("afterDrawing", drawLabels);

// ---- the automation hook, for tests and for people who script the page
function canvasOffset() {
  var r = document.querySelector("#network canvas").getBoundingClientRect();
  return {x: r.left + window.scrollX, y: r.top + window.scrollY};
}
window.graphtoolMap = {
  // the labels drawn at the current view, in page pixels
  labelBoxes: function () {
    var o = canvasOffset();
    return labelBoxesNow.map(function (b) {
      var out = {id: b.id, x: b.x + o.x, y: b.y + o.y, w: b.w, h: b.h};
      if (b.community !== undefined) out.community = b.community;
      return out;
    });
  },
  // the nodes drawn now (not hidden by a filter), in page pixels
  nodePositions: function () {
    var o = canvasOffset(), out = {};
    for (var i = 0; i < DRAWN; i++) {
      if (nodeHidden[i] || ROWS[i][X] === null) continue;
      var here = posOf(i), p = toScreen(here.x, here.y);
      out[ROWS[i][ID]] = {x: p.x + o.x, y: p.y + o.y, community: ROWS[i][COMM]};
    }
    return out;
  },
  legendRows: function () { return legendRows(); },
  exportCanvas: function () { return canvasWithLegend(); },  // what the PNG button saves
  select: function (id) { if (id in indexOf) select(indexOf[id], true); return id in indexOf; },
  search: function (text) {
    var box = document.getElementById("search");
    box.value = text;
    box.dispatchEvent(new Event("input"));
    return Array.prototype.map.call(document.querySelectorAll("#matches button"), function (b) { return b.dataset.node; });
  }
};
