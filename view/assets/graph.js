// Interaction for the entity network: filters, pan and zoom, and a panel
// with the clicked entity's aliases and relations. Written for this page;
// it builds every element with textContent, never with HTML strings.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("graph");
  var nodeEls = Array.prototype.slice.call(svg.querySelectorAll("g.node"));
  var edgeEls = Array.prototype.slice.call(svg.querySelectorAll("line.edge"));
  var panel = document.getElementById("panel");
  var incident = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e, k) { incident[e.s].push(k); incident[e.t].push(k); });
  var selected = -1;

  function checked(name) {
    var set = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (c) { if (c.checked) set[c.value] = true; });
    return set;
  }

  var nodeShown = [];
  function apply() {
    var types = checked("type"), kinds = checked("kind");
    var minDocs = +document.getElementById("mindocs").value;
    document.getElementById("mindocs-value").textContent = minDocs;
    var n = 0, m = 0;
    data.nodes.forEach(function (d, i) {
      nodeShown[i] = !!types[d.type] && d.docs >= minDocs;
      nodeEls[i].classList.toggle("hidden", !nodeShown[i]);
      if (nodeShown[i]) n++;
    });
    data.edges.forEach(function (e, k) {
      var on = !!kinds[e.k] && e.d >= minDocs && nodeShown[e.s] && nodeShown[e.t];
      edgeEls[k].classList.toggle("hidden", !on);
      if (on) m++;
    });
    document.getElementById("shown-nodes").textContent = n;
    document.getElementById("shown-edges").textContent = m;
    if (selected >= 0 && !nodeShown[selected]) select(-1);
  }

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined) x.textContent = text;
    if (cls) x.className = cls;
    return x;
  }

  function select(i) {
    selected = i;
    nodeEls.forEach(function (g) { g.classList.remove("selected", "near"); });
    edgeEls.forEach(function (l) { l.classList.remove("near"); });
    svg.classList.toggle("focus", i >= 0);
    panel.textContent = "";
    if (i < 0) { panel.hidden = true; return; }
    var d = data.nodes[i];
    nodeEls[i].classList.add("selected", "near");
    var h = el("h2", d.name);
    panel.appendChild(h);
    var meta = el("div");
    var badge = el("span", d.type, "badge " + nodeEls[i].classList[1]);
    meta.appendChild(badge);
    meta.appendChild(document.createTextNode(" " + d.mentions + " mentions in " + d.docs + " document" + (d.docs === 1 ? "" : "s")));
    panel.appendChild(meta);
    if (d.url) {
      var a = el("a", "Open the entity's page");
      a.href = d.url;
      panel.appendChild(el("p")).appendChild(a);
    }
    panel.appendChild(el("h3", "Aliases"));
    var ul = el("ul");
    d.aliases.forEach(function (s) { ul.appendChild(el("li", s)); });
    panel.appendChild(ul);
    var rels = incident[i].filter(function (k) { return !edgeEls[k].classList.contains("hidden"); });
    rels.sort(function (a, b) {
      var ka = data.edges[a].k === "typed" ? 0 : 1, kb = data.edges[b].k === "typed" ? 0 : 1;
      return ka - kb || data.edges[b].d - data.edges[a].d;
    });
    panel.appendChild(el("h3", "Relations (" + rels.length + ")"));
    ul = el("ul");
    rels.forEach(function (k) {
      var e = data.edges[k];
      edgeEls[k].classList.add("near");
      var other = e.s === i ? e.t : e.s;
      nodeEls[other].classList.add("near");
      var li = el("li");
      var pred = e.p;
      if (e.k === "cooccurrence") {
        li.appendChild(document.createTextNode("named with "));
      } else if (e.s === i) {
        li.appendChild(document.createTextNode(pred + " → "));
      } else {
        li.appendChild(document.createTextNode("← " + pred + " · "));
      }
      var pick = el("a", data.nodes[other].name, "pick");
      pick.addEventListener("click", function () { select(other); });
      li.appendChild(pick);
      li.appendChild(document.createTextNode(" (" + e.d + " doc" + (e.d === 1 ? "" : "s") + ")"));
      if (e.e && e.k !== "cooccurrence") li.appendChild(el("span", "“" + e.e + "”", "ev"));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    panel.hidden = false;
  }

  nodeEls.forEach(function (g, i) {
    g.addEventListener("click", function (ev) { ev.stopPropagation(); select(i); });
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(i); });
  });
  document.querySelectorAll("input[name=type], input[name=kind], #mindocs").forEach(function (c) {
    c.addEventListener("input", apply);
  });
  document.getElementById("alllabels").addEventListener("change", function (ev) {
    svg.classList.toggle("all-labels", ev.target.checked);
  });
  document.getElementById("find").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    if (q.length < 2) return;
    for (var i = 0; i < data.nodes.length; i++) {
      var d = data.nodes[i];
      var hit = d.name.toLowerCase().indexOf(q) >= 0 || d.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
      if (hit && nodeShown[i]) { select(i); return; }
    }
  });

  // Pan and zoom by changing the view box.
  var vb = svg.viewBox.baseVal;
  var view = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
  function setView() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
  function toSVG(ev) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(view.w / r.width, view.h / r.height);
    var ox = (r.width * s - view.w) / 2, oy = (r.height * s - view.h) / 2;
    return { x: view.x - ox + (ev.clientX - r.left) * s, y: view.y - oy + (ev.clientY - r.top) * s, s: s };
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSVG(ev), f = ev.deltaY < 0 ? 0.85 : 1 / 0.85;
    view.x = p.x - (p.x - view.x) * f; view.y = p.y - (p.y - view.y) * f;
    view.w *= f; view.h *= f;
    setView();
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest("g.node")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, s: toSVG(ev).s, moved: false };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    view.x = drag.vx - dx * drag.s; view.y = drag.vy - dy * drag.s;
    setView();
  });
  svg.addEventListener("pointerup", function () {
    if (drag && !drag.moved) select(-1);
    drag = null;
  });

  apply();
  // #e<id> in the address selects that entity, so pages can link to it.
  var m = /^#e(\d+)$/.exec(location.hash);
  if (m) {
    for (var i = 0; i < data.nodes.length; i++) {
      if (String(data.nodes[i].id) === m[1] && nodeShown[i]) select(i);
    }
  }
  document.body.setAttribute("data-graph-ready", String(nodeEls.length));
})();
