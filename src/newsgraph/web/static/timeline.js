// The timeline: events over time by quad class; brushing a range of periods lists its events below.
(function () {
  "use strict";
  var el = document.getElementById("timeline");
  if (!el || !window.NG || !window.echarts) { return; }
  var M = NG.M, list = document.getElementById("event-list"), more = document.getElementById("more");
  var total = document.getElementById("list-total"), range = document.getElementById("list-range");
  var base = el.dataset.list, current = { since: null, until: null, offset: 0, total: 0 }, periods = [], grain = "month";

  function lastDay(p) {
    // The last day of a period (YYYY, YYYY-MM, or a week's Monday / a day as YYYY-MM-DD).
    if (p.length === 4) { return p + "-12-31"; }
    if (p.length === 7) {
      var d = new Date(Date.UTC(+p.slice(0, 4), +p.slice(5, 7), 0));
      return d.toISOString().slice(0, 10);
    }
    if (grain === "week") {
      var w = new Date(p + "T00:00:00Z"); w.setUTCDate(w.getUTCDate() + 6);
      return w.toISOString().slice(0, 10);
    }
    return p;
  }

  function fetchList(append) {
    var url = base + (base.indexOf("?") < 0 ? "?" : "&") + "limit=50&offset=" + current.offset;
    if (current.since) {
      var q = new URLSearchParams(base.split("?")[1] || "");
      q.set("since", current.since); q.set("until", current.until); q.set("limit", "50"); q.set("offset", String(current.offset));
      url = "/api/event-list?" + q;
    }
    return NG.fetchJSON(url).then(function (data) {
      NG.fillList(list, data.items, append);
      current.total = data.total;
      total.textContent = String(data.total);
      more.hidden = current.offset + data.items.length >= data.total;
      list.dataset.since = current.since || "";
    });
  }

  NG.timeChart(el, function (chart, data) {
    periods = data.periods; grain = data.grain;
    chart.setOption({
      toolbox: { right: 70, feature: { brush: { type: ["lineX", "clear"], title: { lineX: M.selected, clear: M.clear } } } },
      brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single", throttleType: "debounce", throttleDelay: 250,
               brushStyle: { color: "rgba(240,165,0,0.15)", borderColor: "#f0a500" } }
    });
    // Brushing is on from the start: dragging across the chart selects periods.
    chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
    chart.on("brushEnd", function (ev) {
      var areas = ev.areas || [];
      if (!areas.length || !areas[0].coordRange) { return; }
      var r = areas[0].coordRange, a = Math.max(0, Math.min(r[0], r[1])), b = Math.min(periods.length - 1, Math.max(r[0], r[1]));
      current.since = periods[a].length === 4 ? periods[a] + "-01-01" : periods[a].length === 7 ? periods[a] + "-01" : periods[a];
      current.until = lastDay(periods[b]);
      current.offset = 0;
      range.textContent = M.selected + " : " + current.since + " – " + current.until;
      el.dataset.brushed = current.since + "/" + current.until;
      fetchList(false);
    });
    chart.on("brushSelected", function (ev) {
      var batch = ev.batch && ev.batch[0];
      if (batch && batch.areas && !batch.areas.length && current.since) {
        current.since = current.until = null; current.offset = 0; range.textContent = ""; delete el.dataset.brushed;
        fetchList(false);
      }
    });
  });
  more.addEventListener("click", function () { current.offset += 50; fetchList(true); });
})();
