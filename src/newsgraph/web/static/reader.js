// The article reader: clicking an event in the panel (or opening #event-ID) highlights its sentence in the text.
(function () {
  const article = document.getElementById("text");
  if (!article) return;
  const original = article.innerHTML;
  function show(li) {
    document.querySelectorAll(".events li.selected").forEach(function (x) { x.classList.remove("selected"); x.querySelector(".sentence").hidden = true; });
    li.classList.add("selected");
    li.querySelector(".sentence").hidden = false;
    article.innerHTML = original;
    const start = parseInt(li.dataset.start, 10), end = parseInt(li.dataset.end, 10);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let pos = 0, node, first = null;
    const hits = [];
    while ((node = walker.nextNode())) {
      const len = node.nodeValue.length;
      if (pos + len > start && pos < end) hits.push([node, Math.max(0, start - pos), Math.min(len, end - pos)]);
      pos += len;
    }
    hits.forEach(function (h) {
      const range = document.createRange();
      range.setStart(h[0], h[1]); range.setEnd(h[0], h[2]);
      const mark = document.createElement("mark");
      mark.className = "sentence-on";
      range.surroundContents(mark);
      if (!first) first = mark;
    });
    if (first) first.scrollIntoView({ block: "center" });
  }
  document.querySelectorAll(".events li.event").forEach(function (li) {
    li.addEventListener("click", function () { show(li); });
    li.addEventListener("keydown", function (e) { if (e.key === "Enter") show(li); });
  });
  // A link to an event's sentence (#event-E3, from the charts' event lists) opens it.
  function fromHash() {
    const li = location.hash.indexOf("#event-") === 0 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (li && li.classList.contains("event")) show(li);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
