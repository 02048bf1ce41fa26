/* limitbench report: renders the JSON embedded in the page, on demand. Hand-written, no libraries. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var COST_COLUMNS = [
    ["docs_read", "docs read/q", 1],
    ["tool_calls", "tool calls/q", 2],
    ["llm_tokens", "LLM tokens/q", 0],
    ["seconds_per_query", "s/query", 3],
  ];
  var PAGE = 200; // query list items rendered per "show more"
  var state = {
    tab: "results",
    dataset: 0,
    query: null,
    search: "",
    metric: null,
    filterA: "",
    filterB: "",
    mode: "differ",
    shown: PAGE,
    sort: null,
    openRows: {},
    traceSystem: null,
    deep: {},
  };

  // -- small helpers -------------------------------------------------------------------------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") el.textContent = value;
        else if (key === "class") el.className = value;
        else if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), value);
        else if (key === "style") el.setAttribute("style", value);
        else el.setAttribute(key, value === true ? "" : value);
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  function fmt(value, digits) {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value !== "number") return String(value);
    if (digits === undefined) digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 1 : 3;
    return value.toFixed(digits);
  }
  function pct(value) { return value === null || value === undefined ? "–" : value.toFixed(1); }
  function heat(value) {
    // 0 -> red, 50 -> amber, 100 -> green (value in percent)
    if (value === null || value === undefined) return "#d0d5dd";
    var hue = Math.max(0, Math.min(100, value)) * 1.2;
    return "hsl(" + hue + ", 62%, 46%)";
  }
  function datasets() { return DATA.datasets || []; }
  function ds() { return datasets()[state.dataset]; }
  function systemByName(block, name) {
    for (var i = 0; i < block.systems.length; i++) if (block.systems[i].name === name) return block.systems[i];
    return null;
  }
  function metricsOf(block) {
    var seen = [];
    block.systems.forEach(function (s) { Object.keys(s.per_query).forEach(function (m) { if (seen.indexOf(m) < 0) seen.push(m); }); });
    var ordered = (DATA.metrics || []).filter(function (m) { return seen.indexOf(m) >= 0; });
    return ordered.concat(seen.filter(function (m) { return ordered.indexOf(m) < 0; }));
  }
  function relevantSet(block, qi) {
    var set = {};
    (block.relevant[qi] || []).forEach(function (pair) { set[pair[0]] = pair[1]; });
    return set;
  }
  function docId(block, d) { return block.docs[d] ? block.docs[d][0] : String(d); }
  function docIndex(block) {
    if (!block._index) {
      block._index = {};
      block.docs.forEach(function (doc, i) { block._index[doc[0]] = i; });
    }
    return block._index;
  }
  function queryIndex(block) {
    if (!block._qindex) {
      block._qindex = {};
      block.queries.forEach(function (q, i) { block._qindex[q[0]] = i; });
    }
    return block._qindex;
  }

  // -- routing -------------------------------------------------------------------------------
  function readHash() {
    var parts = location.hash.replace(/^#\/?/, "").split("/");
    if (parts[0] === "queries") {
      state.tab = "queries";
      if (parts.length > 1 && parts[1] !== "") state.dataset = Math.min(datasets().length - 1, Math.max(0, parseInt(parts[1], 10) || 0));
      if (parts.length > 2) state.query = decodeURIComponent(parts.slice(2).join("/"));
    } else if (parts[0] === "changes" && DATA.kind === "compare") {
      state.tab = "changes";
    } else if (parts[0] === "results" || parts[0] === "") {
      state.tab = "results";
    }
  }
  function go(tab, query) {
    var list = document.getElementById("query-list");
    var listScroll = list && tab === "queries" && state.tab === "queries" ? list.scrollTop : 0;
    var changed = tab !== state.tab || (query !== undefined && query !== state.query);
    state.tab = tab;
    if (query !== undefined) state.query = query;
    var hash = "#/" + tab + (tab === "queries" ? "/" + state.dataset + (state.query !== null ? "/" + encodeURIComponent(state.query) : "") : "");
    if (location.hash !== hash) history.replaceState(null, "", hash);
    render();
    list = document.getElementById("query-list");
    if (list) list.scrollTop = listScroll; // the list keeps its place when a query is picked
    if (changed) window.scrollTo(0, 0);
  }

  // up/down (or j/k) walk through the listed queries
  document.addEventListener("keydown", function (e) {
    if (state.tab !== "queries" || /INPUT|SELECT|TEXTAREA/.test(e.target.tagName) || e.altKey || e.ctrlKey || e.metaKey) return;
    var step = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    var block = ds();
    if (!step || !block) return;
    var items = filteredQueries(block).slice(0, state.shown);
    if (!items.length) return;
    var at = -1;
    items.forEach(function (item, n) { if (block.queries[item.i][0] === state.query) at = n; });
    var next = items[Math.max(0, Math.min(items.length - 1, at + step))];
    e.preventDefault();
    go("queries", block.queries[next.i][0]);
    var active = document.querySelector(".query-item.active");
    if (active && active.scrollIntoViewIfNeeded) active.scrollIntoViewIfNeeded(false);
    else if (active) active.scrollIntoView({ block: "nearest" });
  });

  // -- page frame ----------------------------------------------------------------------------
  function render() {
    var app = document.getElementById("app");
    app.textContent = "";
    app.appendChild(header());
    var main = h("main", { id: "view-" + state.tab });
    if (state.tab === "results") renderResults(main);
    else if (state.tab === "queries") renderQueries(main);
    else if (state.tab === "changes") renderChanges(main);
    app.appendChild(main);
  }

  function header() {
    var run = (DATA.runs || [])[0] || {};
    var sub = [];
    datasets().forEach(function (block) {
      sub.push(h("span", null, block.name + " · " + block.queries.length + " queries · " + (block.meta.documents || block.docs.length) + " documents"));
    });
    if (DATA.kind === "compare") sub.push(h("span", null, "A = " + DATA.runs[0].folder + "  vs  B = " + DATA.runs[1].folder));
    else if (run.created) sub.push(h("span", null, "run " + run.created.replace("T", " ").replace("+00:00", " UTC")));
    var tabs = [["results", "Results"], ["queries", "Queries"]];
    if (DATA.kind === "compare") tabs.splice(1, 0, ["changes", "Changes"]);
    return h(
      "header", { class: "top" },
      h("h1", null, h("span", { class: "brand" }, "limitbench"), DATA.title),
      h("div", { class: "subtitle" }, sub),
      h("nav", { class: "tabs" }, tabs.map(function (tab) {
        return h("button", {
          id: "tab-" + tab[0], class: state.tab === tab[0] ? "active" : "",
          onclick: function () { go(tab[0]); },
        }, tab[1]);
      }))
    );
  }

  // -- results tab ---------------------------------------------------------------------------
  function renderResults(main) {
    main.appendChild(h("section", { class: "card", id: "results-card" },
      h("h2", null, "Results", h("span", { class: "hint" }, "click a column to sort, a row for its settings")),
      resultsTable(), significanceLegend()));
    if ((DATA.plots || []).length) {
      main.appendChild(h("section", { class: "card" }, h("h2", null, "Plots"),
        h("div", { class: "plots" }, DATA.plots.map(function (plot) {
          return h("figure", null, h("img", { src: plot.src, alt: plot.title }), h("figcaption", null, plot.title));
        }))));
    }
    var side = h("div", { class: "grid2" });
    datasets().forEach(function (block) { side.appendChild(datasetCard(block)); });
    (DATA.runs || []).forEach(function (run) { side.appendChild(runCard(run)); });
    main.appendChild(side);
  }

  function costColumns() {
    return COST_COLUMNS.filter(function (col) {
      return DATA.rows.some(function (row) { return row.cost && row.cost[col[0]] !== undefined; });
    });
  }

  function resultsTable() {
    var metrics = DATA.metrics || [];
    var costs = costColumns();
    var multiDataset = datasets().length > 1 || DATA.rows.some(function (r) { return r.dataset !== DATA.rows[0].dataset; });
    var columns = [];
    if (multiDataset) columns.push({ key: "dataset", title: "dataset", text: true, value: function (r) { return r.dataset; } });
    columns.push({ key: "system", title: "retriever", text: true, value: function (r) { return r.system; } });
    metrics.forEach(function (m) { columns.push({ key: "m:" + m, title: m, metric: m, value: function (r) { return r.metrics[m]; } }); });
    costs.forEach(function (c) { columns.push({ key: "c:" + c[0], title: c[1], cost: c, value: function (r) { return r.cost[c[0]]; } }); });

    var best = {};
    metrics.forEach(function (m) {
      DATA.rows.forEach(function (r) {
        var key = r.dataset + "|" + m;
        if (r.metrics[m] !== undefined && (best[key] === undefined || r.metrics[m] > best[key])) best[key] = r.metrics[m];
      });
    });
    var rows = DATA.rows.map(function (r, i) { return { row: r, i: i }; });
    if (state.sort) {
      var col = columns.filter(function (c) { return c.key === state.sort.key; })[0];
      if (col) {
        rows.sort(function (a, b) {
          var x = col.value(a.row), y = col.value(b.row);
          if (x === undefined || x === null) return 1;
          if (y === undefined || y === null) return -1;
          return (x < y ? -1 : x > y ? 1 : 0) * state.sort.dir;
        });
      }
    }
    var head = h("tr", null, columns.map(function (c) {
      var cls = "sortable" + (c.text ? " text" : "");
      if (state.sort && state.sort.key === c.key) cls += state.sort.dir > 0 ? " sorted-asc" : " sorted-desc";
      return h("th", {
        class: cls, "data-key": c.key,
        onclick: function () {
          var dir = state.sort && state.sort.key === c.key ? -state.sort.dir : (c.text ? 1 : -1);
          state.sort = { key: c.key, dir: dir };
          render();
        },
      }, c.title);
    }));
    var body = h("tbody");
    rows.forEach(function (item) {
      var r = item.row;
      var tr = h("tr", { class: "row-main", "data-system": r.system, onclick: function () { state.openRows[item.i] = !state.openRows[item.i]; render(); } });
      columns.forEach(function (c) {
        if (c.key === "system") {
          tr.appendChild(h("td", { class: "text" },
            r.run ? h("span", { class: "run-tag" }, r.run) : null,
            h("span", { class: "system-name" }, r.retriever),
            Object.keys(r.extra || {}).some(function (k) { return /oracle/i.test(k); }) ? h("span", { class: "badge oracle", style: "margin-left:6px" }, "oracle hint") : null));
        } else if (c.text) {
          tr.appendChild(h("td", { class: "text" }, c.value(r)));
        } else if (c.metric) {
          var v = r.metrics[c.metric];
          var sig = r.significance && r.significance[c.metric];
          var isBest = v !== undefined && v === best[r.dataset + "|" + c.metric];
          tr.appendChild(h("td", { class: "metric" + (isBest ? " best" : "") },
            pct(v),
            sig && sig.significant ? h("span", {
              class: "sig " + (sig.delta >= 0 ? "up" : "down"),
              title: "vs " + sig.baseline + ": Δ " + fmt(sig.delta, 1) + ", p = " + sig.p.toExponential(2) + ", Holm-adjusted p = " + sig.p_adj.toExponential(2),
            }, sig.delta >= 0 ? "▲" : "▼") : null,
            h("span", { class: "bar" }, h("i", { style: "width:" + Math.max(0, Math.min(100, v || 0)) + "%" }))));
        } else {
          var value = c.value(r);
          tr.appendChild(h("td", null, value === undefined ? "" : fmt(value, c.cost[2])));
        }
      });
      body.appendChild(tr);
      if (state.openRows[item.i]) body.appendChild(h("tr", { class: "row-detail" }, h("td", { colspan: columns.length }, rowDetail(r))));
    });
    return h("div", { style: "overflow-x:auto" }, h("table", { class: "data", id: "results-table" }, h("thead", null, head), body));
  }

  function rowDetail(r) {
    var items = [];
    if (r.spec) items.push(["retriever", r.spec.name + (r.spec.options && Object.keys(r.spec.options).length ? " " + JSON.stringify(r.spec.options) : "")]);
    if (r.dimension) items.push(["dimension", r.dimension]);
    if (r.k) items.push(["k", r.k]);
    Object.keys(r.cost || {}).forEach(function (k) { items.push([k, fmt(r.cost[k])]); });
    Object.keys(r.extra || {}).forEach(function (k) { items.push([k, typeof r.extra[k] === "object" ? JSON.stringify(r.extra[k]) : r.extra[k]]); });
    var dl = kv(items);
    dl.classList.add("wide");
    return dl;
  }

  function kv(items) {
    var dl = h("dl", { class: "kv" });
    items.forEach(function (item) { dl.appendChild(h("dt", null, item[0])); dl.appendChild(h("dd", null, item[1] === null || item[1] === undefined ? "–" : String(item[1]))); });
    return dl;
  }

  function significanceLegend() {
    var anySig = DATA.rows.some(function (r) { return r.significance && Object.keys(r.significance).length; });
    var parts = [];
    if (anySig) {
      var conf = ((DATA.runs || [])[0] || {}).config || {};
      var s = conf.significance || {};
      parts.push("▲/▼: significantly better/worse than " + (DATA.baseline || s.baseline || "the baseline") + " (" + (s.test || "t-test") +
        ", Holm-corrected, α = " + (s.alpha || 0.05) + "); hover for p-values. ");
    } else {
      parts.push("No significance test in this run (give --baseline NAME). ");
    }
    parts.push("Metrics in %; bold: best per dataset. Cost columns are means per query.");
    return h("div", { class: "legend" }, parts.join(""));
  }

  function datasetCard(block) {
    var meta = block.meta || {};
    var items = [["documents", meta.documents || "–"], ["queries", meta.queries || block.queries.length], ["qrels", meta.qrels || "–"]];
    if (meta.source) items.push(["source", meta.source]);
    if (meta.fingerprint) items.push(["fingerprint", meta.fingerprint.slice(0, 16) + "…"]);
    var extra = meta.metadata || {};
    Object.keys(extra).forEach(function (k) { items.push([k, typeof extra[k] === "object" ? JSON.stringify(extra[k]) : extra[k]]); });
    var hints = [];
    DATA.rows.forEach(function (r) {
      if (r.dataset !== block.name) return;
      Object.keys(r.extra || {}).forEach(function (k) { if (/oracle/i.test(k)) hints.push([r.system + " · " + k, JSON.stringify(r.extra[k])]); });
    });
    return h("section", { class: "card" }, h("h2", null, "Dataset ", h("code", null, block.name)), kv(items),
      hints.length ? [h("div", { class: "section-title" }, "Oracle hints (information taken from the answers)"), kv(hints)] : null);
  }

  function runCard(run) {
    var conf = run.config || {};
    var items = [];
    if (run.label) items.push(["run", run.label + " = " + run.folder]);
    if (run.created) items.push(["created", run.created]);
    if (conf.k) items.push(["k", conf.k]);
    if (conf.retrievers) items.push(["retrievers", conf.retrievers.map(function (r) { return r.label || r.name; }).join(", ")]);
    if (conf.executor) items.push(["executor", conf.executor]);
    Object.keys(run.versions || {}).forEach(function (k) { items.push([k, run.versions[k]]); });
    return h("section", { class: "card" }, h("h2", null, run.label ? "Run " + run.label : "Run"), kv(items));
  }

  // -- queries tab ---------------------------------------------------------------------------
  function filteredQueries(block) {
    var metric = state.metric;
    var a = systemByName(block, state.filterA), b = systemByName(block, state.filterB);
    var needle = state.search.trim().toLowerCase();
    var out = [];
    for (var i = 0; i < block.queries.length; i++) {
      var q = block.queries[i];
      if (needle && (q[0] + " " + q[1]).toLowerCase().indexOf(needle) < 0) continue;
      var delta = null;
      if (a && b && a !== b && metric) {
        var x = (a.per_query[metric] || [])[i], y = (b.per_query[metric] || [])[i];
        if (x === null || x === undefined || y === null || y === undefined) continue;
        delta = y - x;
        if (state.mode === "differ" && delta === 0) continue;
        if (state.mode === "a_better" && delta >= 0) continue;
        if (state.mode === "b_better" && delta <= 0) continue;
      }
      out.push({ i: i, delta: delta });
    }
    if (out.length && out[0].delta !== null) out.sort(function (p, q) { return Math.abs(q.delta) - Math.abs(p.delta) || p.i - q.i; });
    return out;
  }

  function renderQueries(main) {
    var block = ds();
    if (!block) { main.appendChild(h("div", { class: "card empty" }, "This run folder has no per-query data.")); return; }
    var metrics = metricsOf(block);
    if (!state.metric || metrics.indexOf(state.metric) < 0) state.metric = metrics[0] || null;
    main.appendChild(queryToolbar(block, metrics));
    var list = h("div", { class: "query-list", id: "query-list" });
    var detail = h("div", { id: "query-detail" });
    main.appendChild(h("div", { class: "split" }, list, detail));
    var qindex = queryIndex(block);
    var selected = state.query !== null && qindex[state.query] !== undefined ? qindex[state.query] : null;
    renderList(block, list, selected);
    if (selected === null) {
      detail.appendChild(h("div", { class: "card empty" }, "Pick a query on the left, or search for one. ",
        h("span", { class: "muted" }, "(↑/↓ or j/k step through the list)")));
    } else {
      renderQuery(block, selected, detail);
    }
  }

  function queryToolbar(block, metrics) {
    var names = block.systems.map(function (s) { return s.name; });
    function select(id, value, options, onchange) {
      return h("select", { id: id, onchange: function (e) { onchange(e.target.value); } }, options.map(function (o) {
        return h("option", { value: o[0], selected: o[0] === value }, o[1]);
      }));
    }
    var bar = h("div", { class: "toolbar" });
    if (datasets().length > 1) {
      bar.appendChild(select("dataset-select", String(state.dataset), datasets().map(function (d, i) { return [String(i), d.name]; }), function (v) {
        state.dataset = parseInt(v, 10); state.query = null; state.filterA = state.filterB = ""; go("queries");
      }));
    }
    var search = h("input", {
      type: "search", id: "query-search", placeholder: "Search " + block.queries.length + " queries by text or id…", value: state.search,
      oninput: function (e) {
        state.search = e.target.value; state.shown = PAGE;
        var list = document.getElementById("query-list");
        var qindex = queryIndex(block);
        renderList(block, list, state.query !== null && qindex[state.query] !== undefined ? qindex[state.query] : null);
      },
    });
    bar.appendChild(search);
    var none = [["", "—"]];
    bar.appendChild(h("div", { class: "group", title: "show only queries where two systems score differently" },
      h("label", null, "disagree:"),
      select("filter-a", state.filterA, none.concat(names.map(function (n) { return [n, n]; })), function (v) { state.filterA = v; state.shown = PAGE; render(); }),
      h("label", null, "vs"),
      select("filter-b", state.filterB, none.concat(names.map(function (n) { return [n, n]; })), function (v) { state.filterB = v; state.shown = PAGE; render(); }),
      h("label", null, "on"),
      select("filter-metric", state.metric || "", metrics.map(function (m) { return [m, m]; }), function (v) { state.metric = v; render(); }),
      select("filter-mode", state.mode, [["differ", "any difference"], ["a_better", "first better"], ["b_better", "second better"]], function (v) { state.mode = v; state.shown = PAGE; render(); })));
    return bar;
  }

  function renderList(block, list, selected) {
    list.textContent = "";
    var items = filteredQueries(block);
    var filtering = state.filterA && state.filterB && state.filterA !== state.filterB;
    list.appendChild(h("div", { class: "count", id: "query-count" },
      items.length + " of " + block.queries.length + " queries" + (filtering ? " where " + state.filterA + " and " + state.filterB + " differ on " + state.metric : "") +
      (state.metric ? " · squares: " + state.metric + " per system" : "")));
    if (!items.length) { list.appendChild(h("div", { class: "empty" }, "No query matches.")); return; }
    items.slice(0, state.shown).forEach(function (item) {
      var q = block.queries[item.i];
      var dots = h("span", { class: "dots" }, block.systems.map(function (s) {
        var v = state.metric ? (s.per_query[state.metric] || [])[item.i] : null;
        return h("span", { class: "dot", style: "background:" + heat(v), title: s.name + ": " + pct(v) });
      }));
      list.appendChild(h("div", {
        class: "query-item" + (item.i === selected ? " active" : ""), "data-qid": q[0],
        onclick: function () { go("queries", q[0]); },
      },
      h("div", { class: "qtext" }, q[1] || q[0]),
      h("div", { class: "qmeta" }, h("span", { class: "qid" }, q[0]),
        item.delta !== null ? h("span", { class: "delta " + (item.delta > 0 ? "up" : "down") }, (item.delta > 0 ? "+" : "") + fmt(item.delta, 1)) : null,
        dots)));
    });
    if (items.length > state.shown) {
      list.appendChild(h("button", { class: "more", onclick: function () { state.shown += PAGE; renderList(block, list, selected); } },
        "Show " + Math.min(PAGE, items.length - state.shown) + " more"));
    }
  }

  function rankChip(rank, k) {
    if (!rank) return h("span", { class: "rank-chip rank-none", title: "not in the top " + k }, "—");
    var cls = rank <= 2 ? "rank-top" : rank <= 10 ? "rank-mid" : "rank-low";
    return h("span", { class: "rank-chip " + cls }, "#" + rank);
  }

  function docText(block, d) {
    var doc = block.docs[d];
    if (!doc || doc[1] === null) return h("div", { class: "doc-text" }, h("span", { class: "trunc" }, "text not in this run folder"));
    return h("div", { class: "doc-text" }, doc[1], doc[2] ? h("span", { class: "trunc" }, " … (truncated; full text in datasets/" + block.name + "/docs.jsonl)") : null);
  }

  function renderQuery(block, qi, detail) {
    var q = block.queries[qi];
    var rel = relevantSet(block, qi);
    var relList = block.relevant[qi] || [];
    var metrics = metricsOf(block);
    detail.appendChild(h("div", { class: "card qhead" },
      h("h2", { id: "query-text" }, q[1] || q[0]),
      h("span", { class: "qid" }, q[0]), " · ", relList.length + " relevant document" + (relList.length === 1 ? "" : "s")));

    // where the relevant documents landed, and each system's scores for this query
    var landed = h("table", { class: "data landed", id: "landed" });
    landed.appendChild(h("thead", null, h("tr", null, h("th", { class: "text" }, "relevant document"),
      block.systems.map(function (s) { return h("th", null, s.name); }))));
    var lb = h("tbody");
    relList.forEach(function (pair, j) {
      lb.appendChild(h("tr", null,
        h("td", { class: "text" }, h("code", null, docId(block, pair[0])), pair[1] > 1 ? h("span", { class: "badge", style: "margin-left:6px" }, "grade " + pair[1]) : null),
        block.systems.map(function (s) { return h("td", { class: "rank" }, rankChip(s.ranks[qi][j], block.k || "k")); })));
    });
    metrics.forEach(function (m, n) {
      lb.appendChild(h("tr", { class: "metric-row" + (n === 0 ? " first" : "") }, h("td", { class: "text muted" }, m),
        block.systems.map(function (s) {
          var v = (s.per_query[m] || [])[qi];
          return h("td", null, h("span", { style: "color:" + heat(v) + ";font-weight:650" }, pct(v)));
        })));
    });
    landed.appendChild(lb);
    detail.appendChild(h("div", { class: "card" }, h("h2", null, "Where the relevant documents landed",
      h("span", { class: "hint" }, "rank in each system's full ranking; — = not retrieved")), h("div", { style: "overflow-x:auto" }, landed)));

    // each system's top k
    var grid = h("div", { class: "systems" });
    block.systems.forEach(function (s) {
      var deep = state.deep[s.name];
      var top = s.top[qi] || [];
      var shown = deep ? top : top.slice(0, 10);
      var ol = h("ol");
      shown.forEach(function (d, r) {
        var li = h("li", { class: "doc-row" + (rel[d] ? " relevant" : ""), "data-doc": docId(block, d) },
          h("span", { class: "r" }, r + 1), h("span", { class: "id" }, docId(block, d)));
        li.addEventListener("click", function (e) {
          if (e.target.closest(".doc-text")) return;
          var open = li.querySelector(".doc-text");
          if (open) open.remove(); else li.appendChild(docText(block, d));
        });
        ol.appendChild(li);
      });
      var card = h("div", { class: "system-card", "data-system": s.name },
        h("header", null,
          h("span", null, h("span", { class: "system-name" }, s.name), " ",
            h("span", { class: "scores" }, metrics.slice(0, 2).map(function (m) { return m + " " + pct((s.per_query[m] || [])[qi]); }).join(" · "))),
          s.trace && s.trace[qi] ? h("button", {
            class: "btn primary trace-button", "data-system": s.name,
            onclick: function () { state.traceSystem = s.name; renderTrace(block, qi); },
          }, "Trace") : null),
        shown.length ? ol : h("div", { class: "empty small" }, "no documents"),
        top.length > 10 ? h("div", { style: "padding:8px 12px" }, h("button", {
          class: "btn", onclick: function () { state.deep[s.name] = !deep; render(); },
        }, deep ? "Show top 10" : "Show top " + top.length)) : null);
      grid.appendChild(card);
    });
    detail.appendChild(h("div", { class: "section-title" }, "Top documents per system (click one for its text; green = relevant)"));
    detail.appendChild(grid);
    detail.appendChild(h("div", { id: "trace" }));
    var withTrace = block.systems.filter(function (s) { return s.trace && s.trace[qi]; });
    if (withTrace.length && (!state.traceSystem || !systemByName(block, state.traceSystem) || !systemByName(block, state.traceSystem).trace)) state.traceSystem = null;
    if (state.traceSystem) renderTrace(block, qi);
  }

  // -- trace viewer --------------------------------------------------------------------------
  function renderTrace(block, qi) {
    var holder = document.getElementById("trace");
    holder.textContent = "";
    var system = systemByName(block, state.traceSystem);
    var steps = system && system.trace ? system.trace[qi] : null;
    if (!steps) return;
    var rel = relevantSet(block, qi);
    var relIds = {};
    Object.keys(rel).forEach(function (d) { relIds[docId(block, +d)] = true; });
    var totals = traceTotals(steps);
    holder.appendChild(h("div", { class: "section-title", id: "trace-title" }, "Agent trace — " + system.name));
    holder.appendChild(h("div", { class: "trace-summary" },
      stat(steps.length, "steps"), stat(fmt(totals.tool_calls || 0, 0), "tool calls"), stat(fmt(totals.docs_read || 0, 0), "docs read"),
      totals.llm_calls ? stat(fmt(totals.llm_calls, 0), "LLM calls") : null,
      totals.llm_tokens ? stat(fmt(totals.llm_tokens, 0), "LLM tokens") : null,
      totals.faults ? stat(fmt(totals.faults, 0), "faults") : null,
      stat(totals.stop || "—", "why it stopped")));
    var ol = h("ol", { class: "steps trace" });
    steps.forEach(function (step, n) { ol.appendChild(stepCard(block, step, n, relIds)); });
    holder.appendChild(ol);
    holder.scrollIntoView({ block: "start" });
  }

  function stat(value, label) { return h("div", { class: "stat" }, h("b", null, String(value)), h("span", null, label)); }

  function traceTotals(steps) {
    var totals = {};
    steps.forEach(function (step) {
      if (step.spent) Object.keys(step.spent).forEach(function (k) { totals[k] = step.spent[k]; });
      if (step.stop) totals.stop = step.stop;
    });
    if (!steps.some(function (s) { return s.spent; })) {
      steps.forEach(function (step) { Object.keys(step.cost || {}).forEach(function (k) { totals[k] = (totals[k] || 0) + step.cost[k]; }); });
    }
    return totals;
  }

  function docChip(id, relIds) {
    return h("span", { class: "chip" + (relIds[id] ? " rel" : ""), title: relIds[id] ? "relevant (qrels)" : "not relevant (qrels)" }, id);
  }
  function chips(ids, relIds) { return h("span", { class: "chips" }, (ids || []).map(function (id) { return docChip(id, relIds); })); }
  function quote(text) { return h("span", { class: "quote" }, text); }
  function line(key, value) { return h("div", { class: "kvline" }, h("span", { class: "k" }, key), value); }
  function generic(value) {
    if (value === null || value === undefined) return h("span", { class: "muted" }, "—");
    if (typeof value === "object") return h("pre", { class: "json" }, JSON.stringify(value, null, 1));
    return h("span", null, String(value));
  }

  // Known fields get a readable form; every other field of a step is shown as it is, so
  // new trace fields appear without a change here.
  var STEP_VIEWS = {
    analyse: function (step, relIds, used) {
      used.plan = true;
      var plan = step.plan || {};
      var body = [];
      if (plan.expression) body.push(line("requires", quote(plan.expression)));
      if (plan.sub_queries && plan.sub_queries.length) {
        body.push(h("table", null, h("tr", null, h("th", null, "search text"), h("th", null, "tools"), h("th", null, "optional")),
          plan.sub_queries.map(function (s) { return h("tr", null, h("td", null, s.text), h("td", null, (s.tools || []).join(", ")), h("td", null, s.optional ? "yes" : "")); })));
      }
      Object.keys(plan).forEach(function (k) {
        if (k === "expression" || k === "sub_queries") return;
        var v = plan[k];
        if (v === null || (Array.isArray(v) && !v.length)) return;
        body.push(line(k, generic(v)));
      });
      return { summary: ["Plan", plan.by ? " (" + plan.by + ")" : "", ": ", plan.expression ? quote(plan.expression) : "—"], body: body };
    },
    decide: function (step, relIds, used) {
      used.action = used.stop = true;
      var a = step.action;
      if (!a) return { summary: ["Stop: ", h("b", null, step.stop || "—")], body: [] };
      var body = [];
      if (a.why) body.push(line("why", a.why));
      Object.keys(a).forEach(function (k) { if (["tool", "query", "read", "depth", "why"].indexOf(k) < 0 && a[k] !== null) body.push(line(k, generic(a[k]))); });
      return { summary: ["Search ", h("b", null, a.tool), " for ", quote(a.query), ", read " + a.read + (a.depth ? ", depth " + a.depth : "")], body: body };
    },
    retrieve: function (step, relIds, used) {
      ["tool", "query", "depth", "returned", "called", "to_read", "error"].forEach(function (k) { used[k] = true; });
      var body = [];
      if (step.to_read && step.to_read.length) body.push(line("to read", chips(step.to_read, relIds)));
      if (step.error) body.push(line("error", h("span", { style: "color:var(--bad)" }, step.error)));
      var how = step.called ? " · depth " + step.depth + " → " + step.returned + " documents" : " · (earlier results reused)";
      return { summary: [h("b", null, step.tool), " ", quote(step.query || ""), how], body: body };
    },
    judge: function (step, relIds, used) {
      used.read = true;
      var read = step.read || {};
      var ids = Object.keys(read);
      var extraCols = [];
      ids.forEach(function (id) {
        Object.keys(read[id] || {}).forEach(function (k) {
          if (["relevant", "reason", "by", "confidence", "evidence"].indexOf(k) < 0 && extraCols.indexOf(k) < 0) extraCols.push(k);
        });
      });
      var hasConf = ids.some(function (id) { return read[id] && read[id].confidence !== undefined; });
      var hasEvidence = ids.some(function (id) { return read[id] && read[id].evidence; });
      var table = h("table", { class: "judgments" }, h("tr", null, h("th", null, "document"), h("th", null, "verdict"), h("th", null, "qrels"),
        hasConf ? h("th", null, "confidence") : null, h("th", null, "reason"), hasEvidence ? h("th", null, "evidence") : null, h("th", null, "by"),
        extraCols.map(function (k) { return h("th", null, k); })));
      var yes = 0;
      ids.forEach(function (id) {
        var v = read[id] || {};
        if (v.relevant === true) yes++;
        var verdict = v.relevant === true ? ["yes", "✓ relevant"] : v.relevant === false ? ["no", "✗ not relevant"] : ["none", "? undecided"];
        table.appendChild(h("tr", { class: "judgment", "data-doc": id },
          h("td", null, h("code", null, id)), h("td", null, h("span", { class: "verdict " + verdict[0] }, verdict[1])),
          h("td", null, relIds[id] ? h("span", { class: "verdict yes" }, "relevant") : h("span", { class: "muted" }, "—")),
          hasConf ? h("td", null, v.confidence === undefined || v.confidence === null ? "—" : fmt(v.confidence, 2)) : null,
          h("td", null, v.reason || ""), hasEvidence ? h("td", null, v.evidence ? h("span", { class: "evidence" }, "“" + v.evidence + "”") : "—") : null,
          h("td", { class: "muted" }, v.by || ""), extraCols.map(function (k) { return h("td", null, generic(v[k])); })));
      });
      return { summary: ["Read " + ids.length + " document" + (ids.length === 1 ? "" : "s") + ": ", h("b", null, yes + " judged relevant")], body: ids.length ? [table] : [] };
    },
    rank: function (step, relIds, used) {
      ["stop", "relevant", "top", "spent"].forEach(function (k) { used[k] = true; });
      var body = [];
      if (step.relevant) body.push(line("judged relevant", chips(step.relevant, relIds)));
      if (step.top) body.push(line("final top " + step.top.length, chips(step.top, relIds)));
      if (step.spent) body.push(line("spent", h("span", null, Object.keys(step.spent).map(function (k) { return k + " " + fmt(step.spent[k], 0); }).join(" · "))));
      return { summary: ["Final ranking · stopped: ", h("b", null, step.stop || "—")], body: body };
    },
  };

  function stepCard(block, step, n, relIds) {
    var used = { node: true, step: true, notes: true, cost: true };
    var view = STEP_VIEWS[step.node] ? STEP_VIEWS[step.node](step, relIds, used) : { summary: [step.node || "step"], body: [] };
    var body = h("div", { class: "step-body" }, view.body);
    Object.keys(step).forEach(function (k) { if (!used[k]) body.appendChild(line(k, generic(step[k]))); });
    if (step.notes && step.notes.length) body.appendChild(h("ul", { class: "notes" }, step.notes.map(function (note) { return h("li", null, note); })));
    var cost = step.cost && Object.keys(step.cost).length ? Object.keys(step.cost).map(function (k) { return k + " +" + fmt(step.cost[k], 0); }).join(" · ") : "";
    if (cost) body.appendChild(h("div", { class: "cost" }, "cost: " + cost));
    return h("li", { class: "step", "data-node": step.node || "" },
      h("div", { class: "step-head" }, h("span", { class: "n" }, String(step.step || n + 1)), h("span", { class: "node" }, step.node || "?"),
        h("span", { class: "summary" }, view.summary)),
      body.childNodes.length ? body : null);
  }

  // -- changes tab (two runs) ----------------------------------------------------------------
  function renderChanges(main) {
    (DATA.changes || []).forEach(function (change) {
      var block = datasets().filter(function (d) { return d.name === change.dataset; })[0];
      var di = datasets().indexOf(block);
      var metrics = change.metrics;
      if (!state.metric || metrics.indexOf(state.metric) < 0) state.metric = metrics[0];
      var table = h("table", { class: "data", id: "changes-table" }, h("thead", null, h("tr", null,
        h("th", { class: "text" }, "system"), h("th", null, "metric"), h("th", null, "A"), h("th", null, "B"), h("th", null, "Δ (B − A)"),
        h("th", null, "p (" + change.test + ")"), h("th", null, "Holm p"), h("th", null, "better in B"), h("th", null, "worse in B"), h("th", null, "unchanged"))));
      var body = h("tbody");
      change.pairs.forEach(function (pair) {
        metrics.forEach(function (m) {
          var s = pair.metrics[m];
          body.appendChild(h("tr", null, h("td", { class: "text" }, h("span", { class: "system-name" }, pair.system)), h("td", null, m),
            h("td", null, pct(s.mean_a)), h("td", null, pct(s.mean_b)),
            h("td", null, h("span", { class: "delta " + (s.delta > 0 ? "up" : s.delta < 0 ? "down" : "") }, (s.delta > 0 ? "+" : "") + fmt(s.delta, 2)),
              s.significant ? h("span", { class: "sig " + (s.delta >= 0 ? "up" : "down"), title: "significant after Holm correction" }, "*") : null),
            h("td", null, s.p.toExponential(2)), h("td", null, s.p_adj.toExponential(2)),
            h("td", null, s.improved), h("td", null, s.worsened), h("td", null, s.unchanged)));
        });
      });
      table.appendChild(body);
      main.appendChild(h("section", { class: "card" }, h("h2", null, "What changed from A to B on ", h("code", null, change.dataset),
        h("span", { class: "hint" }, "paired test over queries, Holm-corrected within each system")), h("div", { style: "overflow-x:auto" }, table)));

      var metricSelect = h("select", { id: "changes-metric", onchange: function (e) { state.metric = e.target.value; render(); } },
        metrics.map(function (m) { return h("option", { value: m, selected: m === state.metric }, m); }));
      var lists = h("div", { class: "grid2" });
      change.pairs.forEach(function (pair) {
        var changed = (pair.changed[state.metric] || []);
        var rows = h("div", { class: "query-list", style: "position:static;max-height:520px" },
          h("div", { class: "count" }, changed.length + " queries changed on " + state.metric));
        changed.slice(0, 300).forEach(function (c) {
          var q = block.queries[c[0]];
          var d = c[2] - c[1];
          rows.appendChild(h("div", { class: "query-item changed-query", "data-qid": q[0], onclick: function () {
            state.dataset = di; state.filterA = pair.a; state.filterB = pair.b; state.search = ""; go("queries", q[0]);
          } },
            h("div", { class: "qtext" }, q[1] || q[0]),
            h("div", { class: "qmeta" }, h("span", { class: "qid" }, q[0] + ": " + pct(c[1]) + " → " + pct(c[2])),
              h("span", { class: "delta " + (d > 0 ? "up" : "down") }, (d > 0 ? "+" : "") + fmt(d, 1)))));
        });
        if (changed.length > 300) rows.appendChild(h("div", { class: "empty small" }, (changed.length - 300) + " more: use the Queries tab's disagree filter"));
        lists.appendChild(h("section", { class: "card" }, h("h2", null, pair.system, h("span", { class: "hint" }, "largest changes first; click to open")), rows));
      });
      main.appendChild(h("div", { class: "toolbar" }, h("div", { class: "group" }, h("label", null, "changed queries on"), metricSelect)));
      main.appendChild(lists);
    });
  }

  window.addEventListener("hashchange", function () { readHash(); render(); });
  readHash();
  render();
})();
