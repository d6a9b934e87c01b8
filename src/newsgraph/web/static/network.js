// The actor network (ECharts force layout): filters re-query the server, a click on an actor draws
// its ego network, a click on a link lists its events in the side panel.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || !window.NG) { return; }
  var M = NG.M, form = document.getElementById("filters"), panel = document.getElementById("panel");
  var status = document.getElementById("network-status"), csv = el.parentNode.querySelector("a.csv");
  var chart = NG.init(el), labels = {}, canonicals = {};

  function query() { return NG.formQuery(form); }

  function load() {
    var p = query();
    history.replaceState(null, "", "/network" + (p.toString() ? "?" + p : ""));
    csv.href = "/api/network?" + p + (p.toString() ? "&" : "") + "format=csv";
    el.dataset.loading = "1";
    NG.fetchJSON("/api/network?" + p).then(draw).catch(function (err) { NG.message(el, M.error); el.dataset.failed = String(err); });
  }

  function draw(g) {
    var focus = form.elements.focus.value;
    labels = {}; canonicals = {};
    g.nodes.forEach(function (n) { labels[n.id] = n.label; canonicals[n.id] = n.canonical; });
    el.dataset.nodes = String(g.nodes.length);
    el.dataset.edges = String(g.edges.length);
    delete el.dataset.loading;
    status.textContent = g.nodes.length + " " + M.nodes + ", " + g.edges.length + " " + M.edges + (g.truncated ? " · " + M.truncated : "");
    if (!g.nodes.length) { chart.clear(); status.textContent = M.no_events; return; }
    var maxN = Math.max.apply(null, g.nodes.map(function (n) { return n.events; }).concat([1]));
    var maxE = Math.max.apply(null, g.edges.map(function (e) { return e.events; }).concat([1]));
    var nodes = g.nodes.map(function (n) {
      return { id: n.id, name: n.label, value: n.events, symbolSize: 8 + 30 * Math.sqrt(n.events / maxN),
               itemStyle: { color: n.id === focus ? "#f0a500" : "#3a6fd8" }, label: { show: true } };
    });
    var links = g.edges.map(function (e) {
      return { source: e.source, target: e.target, value: e.events, goldstein: e.goldstein, conflict: e.conflict,
               lineStyle: { width: 1 + 7 * Math.sqrt(e.events / maxE), color: NG.goldsteinColour(e.goldstein), opacity: 0.75, curveness: 0.12 } };
    });
    chart.setOption({
      aria: { enabled: true },
      tooltip: {
        formatter: function (p) {
          if (p.dataType === "edge") {
            return NG.escapeHTML(labels[p.data.source]) + " → " + NG.escapeHTML(labels[p.data.target]) + "<br>" + p.data.value + " " +
                   M.events.toLowerCase() + " · Goldstein " + (p.data.goldstein == null ? "—" : p.data.goldstein) + " · " +
                   M.conflict_share + " " + Math.round(100 * p.data.conflict) + " %";
          }
          return NG.escapeHTML(p.data.name) + " (" + NG.escapeHTML(p.data.id) + ") · " + p.data.value + " " + M.events.toLowerCase();
        }
      },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, data: nodes, links: links,
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7, scaleLimit: { min: 0.3, max: 8 },
        label: { show: true, position: "right", fontSize: 11, color: "#1d1d1f" },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        force: { repulsion: nodes.length > 60 ? 180 : 320, edgeLength: [60, 170], gravity: 0.1, friction: 0.15,
                 layoutAnimation: false }
      }]
    }, true);
  }

  function link(href, text) {
    var a = document.createElement("a"); a.href = href; a.textContent = text; return a;
  }

  function showNode(id) {
    panel.textContent = "";
    var h = document.createElement("h2"); h.textContent = M.ego + " " + (labels[id] || id); panel.appendChild(h);
    var p = document.createElement("p");
    if (canonicals[id]) { p.appendChild(link("/actors/" + encodeURIComponent(canonicals[id]), M.actor_page)); p.appendChild(document.createTextNode(" · ")); }
    p.appendChild(link("/events?country=" + encodeURIComponent(id), M.all_events));
    p.appendChild(document.createTextNode(" · "));
    var back = document.createElement("button"); back.type = "button"; back.textContent = M.show_all;
    back.addEventListener("click", function () { form.elements.focus.value = ""; panel.textContent = ""; load(); });
    p.appendChild(back);
    panel.appendChild(p);
  }

  function showEdge(d) {
    panel.textContent = "";
    var h = document.createElement("h2"); h.textContent = (labels[d.source] || d.source) + " → " + (labels[d.target] || d.target);
    panel.appendChild(h);
    var p = document.createElement("p");
    p.appendChild(link("/dyads?a=" + encodeURIComponent(d.source) + "&b=" + encodeURIComponent(d.target), M.dyad_chart));
    panel.appendChild(p);
    var ol = document.createElement("ol"); ol.className = "event-list"; ol.id = "edge-events"; panel.appendChild(ol);
    var q = query(); q.delete("focus"); q.delete("min_events"); q.delete("fold");
    q.set("source", d.source); q.set("target", d.target); q.set("limit", "30"); q.set("sort", "date"); q.set("order", "desc");
    if (form.elements.fold.checked) { q.set("fold", "true"); }
    NG.fetchJSON("/api/event-list?" + q).then(function (data) {
      NG.fillList(ol, data.items);
      var more = document.createElement("p"); more.className = "meta";
      more.textContent = data.items.length + " / " + data.total;
      panel.appendChild(more);
      panel.dataset.events = String(data.items.length);
    }).catch(function () { NG.message(ol, M.error); });
  }

  chart.on("click", function (p) {
    if (p.dataType === "node") {
      form.elements.focus.value = p.data.id;
      showNode(p.data.id);
      load();
    } else if (p.dataType === "edge") {
      showEdge(p.data);
    }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
  form.addEventListener("change", function () { load(); });
  if (form.elements.focus.value) { showNode(form.elements.focus.value); }
  load();
})();
