// The actor network: a small force-directed layout drawn in SVG (no library).
(function () {
  const svg = document.getElementById("network");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  fetch("/api/graph?limit=150").then(function (r) { return r.json(); }).then(function (g) {
    const W = 1000, H = 700;
    const nodes = g.nodes.map(function (n, i) {
      const a = 2 * Math.PI * i / Math.max(1, g.nodes.length);
      return { id: n.id, label: n.label, code: n.code, x: W / 2 + 250 * Math.cos(a), y: H / 2 + 250 * Math.sin(a), vx: 0, vy: 0 };
    });
    const index = {}; nodes.forEach(function (n) { index[n.id] = n; });
    const edges = g.edges.filter(function (e) { return index[e.source] && index[e.target]; });
    // Fruchterman-Reingold: repulsion k*k/d between all nodes, attraction d*d/k along edges, cooling.
    const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
    let temperature = W / 10;
    for (let step = 0; step < 400; step++) {
      nodes.forEach(function (n) { n.vx = 0; n.vy = 0; });
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = k * k / d;
        a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
      edges.forEach(function (e) {
        const a = index[e.source], b = index[e.target];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = d * d / k;
        a.vx -= dx / d * f; a.vy -= dy / d * f; b.vx += dx / d * f; b.vy += dy / d * f;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.05; n.vy += (H / 2 - n.y) * 0.05;  // gravity keeps components on screen
        const d = Math.sqrt(n.vx * n.vx + n.vy * n.vy) + 0.01, step_ = Math.min(d, temperature);
        n.x = Math.max(40, Math.min(W - 160, n.x + n.vx / d * step_));
        n.y = Math.max(30, Math.min(H - 30, n.y + n.vy / d * step_));
      });
      temperature *= 0.985;
    }
    function colour(gs) { return gs >= 0 ? "rgb(46," + Math.round(120 + 10 * gs) + ",76)" : "rgb(" + Math.round(140 - 10 * gs) + ",69,47)"; }
    edges.forEach(function (e) {
      const a = index[e.source], b = index[e.target], line = document.createElementNS(NS, "line");
      line.setAttribute("x1", a.x); line.setAttribute("y1", a.y); line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      line.setAttribute("stroke", colour(e.goldstein)); line.setAttribute("stroke-width", Math.min(1 + e.weight, 8));
      line.setAttribute("class", "edge");
      const title = document.createElementNS(NS, "title"); title.textContent = e.weight + " événement(s), Goldstein moyen " + e.goldstein;
      line.appendChild(title); svg.appendChild(line);
    });
    nodes.forEach(function (n) {
      const group = document.createElementNS(NS, "g"); group.setAttribute("class", "node");
      const c = document.createElementNS(NS, "circle"); c.setAttribute("cx", n.x); c.setAttribute("cy", n.y); c.setAttribute("r", 6);
      const t = document.createElementNS(NS, "text"); t.setAttribute("x", n.x + 8); t.setAttribute("y", n.y + 4); t.textContent = n.label;
      const a = document.createElementNS(NS, "a"); a.setAttribute("href", "/actors/" + encodeURIComponent(n.id));
      a.appendChild(c); a.appendChild(t); group.appendChild(a); svg.appendChild(group);
    });
    svg.setAttribute("data-nodes", String(nodes.length));
  });
})();
