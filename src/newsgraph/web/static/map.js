// The map of events: one marker per place, sized by its number of events and coloured by its share
// of conflict; a click opens a popup listing the place's events with links to their sentences.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.NG || !window.echarts) { return; }
  var M = NG.M, popup = document.getElementById("popup"), status = document.getElementById("map-status");

  function conflictColour(share) {
    var t = Math.max(0, Math.min(1, share));
    return "rgb(" + Math.round(40 + 170 * t) + "," + Math.round(140 - 80 * t) + "," + Math.round(80 - 30 * t) + ")";
  }

  function openPopup(d, x, y) {
    popup.textContent = "";
    var close = document.createElement("button"); close.type = "button"; close.className = "close"; close.textContent = "×";
    close.setAttribute("aria-label", M.close);
    close.addEventListener("click", function () { popup.hidden = true; });
    popup.appendChild(close);
    var h = document.createElement("h3"); h.textContent = M.events_at + " " + d.name + " (" + d.events + ")"; popup.appendChild(h);
    var ol = document.createElement("ol"); ol.className = "event-list"; popup.appendChild(ol);
    var q = new URLSearchParams(el.dataset.list.split("?")[1] || "");
    q.set("place", d.name); if (d.country) { q.set("place_country", d.country); }
    q.set("limit", "20"); q.set("sort", "date"); q.set("order", "desc");
    var all = document.createElement("p"); all.className = "meta"; popup.appendChild(all);
    popup.style.left = Math.max(0, Math.min(x + 12, el.clientWidth - 380)) + "px";
    popup.style.top = Math.max(0, Math.min(y + 12, el.clientHeight - 120)) + "px";
    popup.hidden = false;
    NG.fetchJSON("/api/event-list?" + q).then(function (data) {
      NG.fillList(ol, data.items);
      all.textContent = data.items.length + " / " + data.total;
      popup.dataset.events = String(data.items.length);
    }).catch(function () { NG.message(ol, M.error); });
  }

  Promise.all([fetch("/static/world-110m.geo.json").then(function (r) { return r.json(); }), NG.fetchJSON(el.dataset.src)])
    .then(function (res) {
      echarts.registerMap("world", res[0]);
      var places = res[1].items;
      var max = Math.max.apply(null, places.map(function (p) { return p.events; }).concat([1]));
      var total = places.reduce(function (s, p) { return s + p.events; }, 0);
      status.textContent = places.length + " · " + total + " " + M.events.toLowerCase();
      el.dataset.places = String(places.length);
      var chart = NG.init(el);
      chart.setOption({
        aria: { enabled: true },
        tooltip: { trigger: "item", formatter: function (p) {
          if (!p.data || p.data.events == null) { return ""; }
          return NG.escapeHTML(p.data.name) + " · " + p.data.events + " " + M.events.toLowerCase() + " · " + M.conflict_share + " " +
                 Math.round(100 * p.data.conflict / p.data.events) + " %";
        } },
        geo: { map: "world", roam: true, scaleLimit: { min: 1, max: 12 }, silent: true, itemStyle: { areaColor: "#e4e0d4", borderColor: "#fff" },
               emphasis: { disabled: true }, top: 10, bottom: 10 },
        series: [{
          type: "scatter", coordinateSystem: "geo", geoIndex: 0,
          data: places.map(function (p) {
            return { name: p.place, value: [p.lon, p.lat, p.events], events: p.events, conflict: p.conflict, country: p.country,
                     itemStyle: { color: conflictColour(p.conflict / p.events), opacity: 0.85, borderColor: "#fff", borderWidth: 1 } };
          }),
          symbolSize: function (v) { return 6 + 26 * Math.sqrt(v[2] / max); },
          emphasis: { scale: 1.3 }
        }]
      });
      chart.on("click", function (p) {
        if (p.seriesType === "scatter") {
          var e = p.event && p.event.event;
          chart.dispatchAction({ type: "hideTip" });
          openPopup(p.data, e ? e.offsetX : 20, e ? e.offsetY : 20);
        }
      });
      chart.on("georoam", function () { popup.hidden = true; });
      el.dataset.ready = "1";
    }).catch(function (err) { NG.message(el, M.error); el.dataset.failed = String(err); });
})();
