// Shared by the pages: messages in the page's language, quad class colours, the time charts
// (stacked counts by quad class with the mean Goldstein score), event lists and actor autocomplete.
// Data comes aggregated from /api; text from the store is set with textContent, never as HTML.
(function () {
  "use strict";
  var M = JSON.parse(document.getElementById("ng-messages").textContent);
  var LANG = document.documentElement.lang || "fr";
  var QUAD_COLOURS = { "1": "#7dbb6f", "2": "#1f7a3a", "3": "#f0a15e", "4": "#c0392b", "0": "#a0a0a0" };

  function withLang(url) {
    return url + (url.indexOf("?") < 0 ? "?" : "&") + "lang=" + encodeURIComponent(LANG);
  }

  function fetchJSON(url) {
    return fetch(withLang(url), { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  function escapeHTML(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function init(el) {
    var chart = echarts.init(el);
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  function message(el, text) {
    el.textContent = "";
    var p = document.createElement("p");
    p.className = "chart-message";
    p.textContent = text;
    el.appendChild(p);
  }

  function goldsteinColour(g) {
    if (g == null) { return "#888"; }
    var t = Math.max(-1, Math.min(1, g / 7));
    return t >= 0 ? "rgb(" + Math.round(120 - 90 * t) + "," + Math.round(150 + 10 * t) + "," + Math.round(120 - 60 * t) + ")"
                  : "rgb(" + Math.round(150 - 60 * t) + "," + Math.round(120 + 60 * t) + "," + Math.round(110 + 50 * t) + ")";
  }

  // A time chart: one stacked bar per quad class, the mean Goldstein score on the right axis.
  function timeOption(data) {
    var quads = ["1", "2", "3", "4", "0"].filter(function (q) { return q in data.counts; });
    var many = data.periods.length > 36;
    var series = quads.map(function (q) {
      return { type: "bar", name: M["quad" + q], stack: "events", data: data.counts[q], barMaxWidth: 36,
               itemStyle: { color: QUAD_COLOURS[q] }, emphasis: { focus: "series" } };
    });
    series.push({ type: "line", name: M.goldstein, yAxisIndex: 1, data: data.goldstein, connectNulls: false,
                  showSymbol: !many, symbolSize: 5, lineStyle: { color: "#20304a", width: 1.5 }, itemStyle: { color: "#20304a" } });
    return {
      aria: { enabled: true },
      animation: data.periods.length < 300,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 60, right: 64, top: 56, bottom: many ? 84 : 56 },
      xAxis: { type: "category", data: data.periods, name: M.period + " (" + data.grain_label + ")", nameLocation: "middle",
               nameGap: 30, axisTick: { alignWithLabel: true } },
      yAxis: [{ type: "value", name: M.events, minInterval: 1, nameTextStyle: { align: "left" } },
              { type: "value", name: M.goldstein_short, min: -10, max: 10, interval: 5, splitLine: { show: false } }],
      dataZoom: many ? [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }] : [],
      series: series
    };
  }

  function timeChart(el, onData) {
    return fetchJSON(el.dataset.src).then(function (data) {
      el.dataset.periods = String(data.periods.length);
      el.dataset.total = String(data.total);
      if (!data.periods.length) { message(el, M.no_events); return null; }
      data.grain_label = M["grain_" + data.grain] || data.grain;
      var chart = init(el);
      chart.setOption(timeOption(data));
      var caption = el.parentNode.querySelector("figcaption");
      if (data.undated && caption) {
        var note = document.createElement("span"); note.className = "meta undated";
        note.textContent = " " + M.undated.replace("%(num)s", String(data.undated)) + " ";
        caption.insertBefore(note, caption.firstChild);
      }
      el.dataset.ready = "1";
      if (onData) { onData(chart, data); }
      return chart;
    }).catch(function (err) { message(el, M.error); el.dataset.failed = String(err); });
  }

  // An event as a list item: date, type, who -> whom, and the link to its sentence.
  function eventItem(e) {
    var li = document.createElement("li");
    function span(cls, text, title) {
      var s = document.createElement("span"); s.className = cls; s.textContent = text;
      if (title) { s.title = title; }
      li.appendChild(s); li.appendChild(document.createTextNode(" "));
    }
    function names(xs) { return xs.map(function (x) { return x.name; }).join(", "); }
    span("date", e.date || "—");
    span("quad q" + (e.quad_class || 0), e.event, e.quad_label);
    span("who", names(e.actors));
    li.appendChild(document.createTextNode("→ "));
    span("who", names(e.recipients));
    if (e.status !== "asserted") { span("status " + e.status, e.status_label); }
    if (e.place) { span("meta", "· " + e.place); }
    var a = document.createElement("a"); a.href = e.href; a.textContent = M.source; li.appendChild(a);
    return li;
  }

  function fillList(ol, items, append) {
    if (!append) { ol.textContent = ""; }
    items.forEach(function (e) { ol.appendChild(eventItem(e)); });
  }

  // Actor autocomplete: a <datalist> filled from /api/suggest as the user types.
  function bindSuggest(input) {
    var list = document.getElementById(input.dataset.suggest);
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      clearTimeout(timer);
      timer = setTimeout(function () {
        last = q;
        fetchJSON("/api/suggest?q=" + encodeURIComponent(q)).then(function (data) {
          list.textContent = "";
          data.items.forEach(function (item) {
            var o = document.createElement("option");
            o.value = item.code; o.label = item.label; o.textContent = item.label;
            list.appendChild(o);
          });
          input.dataset.suggestions = String(data.items.length);
        }).catch(function () { /* suggestions are a help only */ });
      }, 150);
    });
  }

  // The query of a filter form, without its empty fields.
  function formQuery(form) {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim() !== "") { p.append(k, v); } });
    return p;
  }

  window.NG = { M: M, LANG: LANG, QUAD_COLOURS: QUAD_COLOURS, fetchJSON: fetchJSON, escapeHTML: escapeHTML, init: init,
                message: message, goldsteinColour: goldsteinColour, timeOption: timeOption, timeChart: timeChart,
                eventItem: eventItem, fillList: fillList, formQuery: formQuery };

  document.querySelectorAll("input[data-suggest]").forEach(bindSuggest);
  if (window.echarts) {
    ["home-timeline", "actor-timeline", "dyad-chart"].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { timeChart(el); }
    });
  }
})();
