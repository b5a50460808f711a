// Offline search over data/search/: an inverted index of folded words (no tone marks,
// đ -> d), so "dang uy" finds "Đảng ủy". The index is split (see site/search.py): a query
// fetches index.json, the shards of its words and filters, and the blocks of the results it
// shows, so it downloads little however large the archive. No network beyond the site, no library.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var base = form.getAttribute("data-index");  // ".../data/search/"
  var root = document.body.getAttribute("data-root") || "./";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var manifest = null, shardKeys = null;
  var files = {};  // path -> promise of parsed JSON, fetched once
  var MAX_RESULTS = 50;
  var latest = 0;  // the newest query: an older one's answer arriving late is dropped
  var FIELDS = ["q", "tinh", "nam", "loai", "nhan-su"];  // the form's fields; all but q are filters (site/search.py FACETS)

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function words(text) { return fold(text).match(/[a-z0-9]+/g) || []; }
  function load(name) {
    if (!files[name]) {
      files[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(name);
        return r.json();
      });
    }
    return files[name];
  }
  function decode(postings) {
    var out = [], previous = 0, parts = postings.split(" ");
    for (var i = 0; i < parts.length; i++) { previous += parseInt(parts[i], 36); out.push(previous); }
    return out;
  }
  // The shard that holds a word: the longest shard key that begins it.
  function shardOf(word) {
    for (var n = Math.min(word.length, 8); n >= 1; n--) {
      if (shardKeys.has(word.slice(0, n))) return word.slice(0, n);
    }
    return null;
  }
  // The shards that may hold words beginning with `prefix` (the word being typed).
  function shardsUnder(prefix) {
    return manifest.shards.filter(function (key) { return key.indexOf(prefix) === 0 || prefix.indexOf(key) === 0; });
  }
  function vnDate(value) {
    if (!value) return "không rõ ngày";
    var p = value.split("-");
    if (p.length === 3) return +p[2] + "/" + +p[1] + "/" + p[0];
    if (p.length === 2) return "tháng " + +p[1] + "/" + p[0];
    return "năm " + p[0];
  }
  function intersect(a, b) { return a === null ? b : new Set(Array.from(a).filter(function (d) { return b.has(d); })); }

  function run() {
    var query = latest += 1;
    var data = new FormData(form);
    var terms = words(String(data.get("q") || ""));
    var filters = [];
    var params = new URLSearchParams();
    FIELDS.forEach(function (k) {
      var value = data.get(k);
      if (value) { params.set(k, value); if (k !== "q") filters.push("_" + k + ":" + value); }
    });
    history.replaceState(null, "", "?" + params.toString());
    if (!terms.length && !filters.length) { list.textContent = ""; status.textContent = "Nhập từ khóa để tìm."; return; }
    var needed = {};
    terms.forEach(function (word, i) {
      var last = i === terms.length - 1 && word.length >= 2;  // the word being typed matches as a prefix
      (last ? shardsUnder(word) : [shardOf(word)]).forEach(function (key) { if (key) needed[key] = true; });
    });
    filters.forEach(function (facet) { if (shardKeys.has(facet.split(":")[0])) needed[facet.split(":")[0]] = true; });
    var keys = Object.keys(needed);
    Promise.all(keys.map(function (key) { return load("w-" + key + ".json"); })).then(function (loaded) {
      if (query !== latest) return;
      var shards = {};
      keys.forEach(function (key, i) { shards[key] = loaded[i]; });
      function postings(word) { var key = word.charAt(0) === "_" ? word.split(":")[0] : shardOf(word); return key && shards[key] && shards[key][word]; }
      var hits = null;
      terms.forEach(function (word, i) {
        var found = new Set();
        if (postings(word)) decode(postings(word)).forEach(function (d) { found.add(d); });
        if (i === terms.length - 1 && word.length >= 2) {
          shardsUnder(word).forEach(function (key) {
            Object.keys(shards[key] || {}).forEach(function (w) {
              if (w !== word && w.indexOf(word) === 0) decode(shards[key][w]).forEach(function (d) { found.add(d); });
            });
          });
        }
        hits = intersect(hits, found);
      });
      filters.forEach(function (facet) { hits = intersect(hits, new Set(postings(facet) ? decode(postings(facet)) : [])); });
      var ids = Array.from(hits).sort(function (a, b) { return b - a; });  // newest first
      var shown = ids.slice(0, MAX_RESULTS);
      var blocks = {};
      shown.forEach(function (id) { blocks[Math.floor(id / manifest.block)] = true; });
      var numbers = Object.keys(blocks);
      return Promise.all(numbers.map(function (n) { return load("d-" + n + ".json"); })).then(function (docs) {
        if (query !== latest) return;
        var byBlock = {};
        numbers.forEach(function (n, i) { byBlock[n] = docs[i]; });
        list.textContent = "";
        status.textContent = ids.length ? "Tìm thấy " + ids.length + " bài viết" +
          (ids.length > MAX_RESULTS ? ", hiện " + MAX_RESULTS + " bài mới nhất." : ".") : "Không tìm thấy bài viết nào.";
        shown.forEach(function (id) {
          var doc = byBlock[Math.floor(id / manifest.block)][id % manifest.block];
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
      });
    }).catch(function () { if (query === latest) status.textContent = "Không tải được chỉ mục tìm kiếm."; });
  }
  function start() {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (k) { if (params.get(k) && form.elements[k]) form.elements[k].value = params.get(k); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    form.addEventListener("input", run);
    run();
  }
  status.textContent = "Đang tải chỉ mục…";
  load("index.json").then(function (data) {
    manifest = data;
    shardKeys = new Set(data.shards);
    status.textContent = "Nhập từ khóa để tìm.";
    start();
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
})();
