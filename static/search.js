// Offline search over data/search.json: an inverted index of folded words
// (no tone marks, đ -> d), so "dang uy" finds "Đảng ủy". No network, no library.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var root = document.body.getAttribute("data-root") || "./";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = null;
  var MAX_RESULTS = 100;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function words(text) { return fold(text).match(/[a-z0-9]+/g) || []; }
  function decode(postings) {
    var out = [], previous = 0, parts = postings.split(" ");
    for (var i = 0; i < parts.length; i++) { previous += parseInt(parts[i], 36); out.push(previous); }
    return out;
  }
  function matching(word, isLast) {
    // The last word may be unfinished while typing: it matches as a prefix.
    var found = new Set();
    if (index.words[word]) decode(index.words[word]).forEach(function (d) { found.add(d); });
    if (isLast) {
      Object.keys(index.words).forEach(function (w) {
        if (w !== word && w.indexOf(word) === 0) decode(index.words[w]).forEach(function (d) { found.add(d); });
      });
    }
    return found;
  }
  function vnDate(value) {
    if (!value) return "không rõ ngày";
    var p = value.split("-");
    if (p.length === 3) return +p[2] + "/" + +p[1] + "/" + p[0];
    if (p.length === 2) return "tháng " + +p[1] + "/" + p[0];
    return "năm " + p[0];
  }
  function run() {
    var data = new FormData(form);
    var query = words(String(data.get("q") || ""));
    var province = data.get("tinh"), year = data.get("nam"), kind = data.get("loai");
    var params = new URLSearchParams();
    ["q", "tinh", "nam", "loai"].forEach(function (k) { if (data.get(k)) params.set(k, data.get(k)); });
    history.replaceState(null, "", "?" + params.toString());
    list.textContent = "";
    if (!query.length && !province && !year && !kind) { status.textContent = "Nhập từ khóa để tìm."; return; }
    var hits = null;
    query.forEach(function (word, i) {
      var found = matching(word, i === query.length - 1);
      hits = hits === null ? found : new Set(Array.from(hits).filter(function (d) { return found.has(d); }));
    });
    var ids = hits === null ? index.docs.map(function (_, i) { return i; }) : Array.from(hits).sort(function (a, b) { return a - b; });
    ids = ids.filter(function (i) {
      var doc = index.docs[i];
      return (!province || doc[3] === province) && (!year || doc[2].slice(0, 4) === year) && (!kind || doc[4] === kind);
    });
    status.textContent = ids.length ? "Tìm thấy " + ids.length + " bài viết." : "Không tìm thấy bài viết nào.";
    ids.slice(0, MAX_RESULTS).forEach(function (i) {
      var doc = index.docs[i];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "article-title";
      link.href = root + doc[0];
      link.textContent = doc[1];
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = vnDate(doc[2]) + (doc[3] ? " · " + doc[3] : "") + (doc[4] ? " · " + doc[4] : "");
      item.appendChild(link);
      item.appendChild(meta);
      list.appendChild(item);
    });
  }
  function start() {
    var params = new URLSearchParams(location.search);
    ["q", "tinh", "nam", "loai"].forEach(function (k) { if (params.get(k) && form.elements[k]) form.elements[k].value = params.get(k); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.addEventListener("input", run);
    run();
  }
  status.textContent = "Đang tải chỉ mục…";
  fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    status.textContent = "Nhập từ khóa để tìm.";
    start();
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
})();
