"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const F = {};
  DATA.fields.forEach((name, i) => { F[name] = i; });
  const CLAIMS = DATA.claims;
  const PAGE = 100;
  const $ = (id) => document.getElementById(id);
  const docCache = new Map();      // doc number -> {text, marks: Map(claim -> elements)}
  let current = { doc: -1, claim: -1 };
  let rows = [];                   // filtered claim indices
  let sort = { field: null, dir: 1 };
  let page = 0;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }
  const get = (i, f) => CLAIMS[i][F[f]];
  const show = (v) => (v === null || v === undefined ? "" : String(v));

  // ---------- header ----------
  const regions = new Set(CLAIMS.map((c) => c[F.region]).filter((r) => r));
  $("stats").textContent = `${DATA.docs.length.toLocaleString()} documents · ${CLAIMS.length.toLocaleString()} claims · ` +
    `${regions.size.toLocaleString()} regions · pbmine ${DATA.version} · ${DATA.generated}`;

  // ---------- documents ----------
  function docText(d) {
    if (!docCache.has(d)) {
      const block = document.getElementById("doc-" + d);
      docCache.set(d, { text: block ? JSON.parse(block.textContent) : "", marks: null });
    }
    return docCache.get(d);
  }

  function claimsOf(d) {
    const out = [];
    for (let i = 0; i < CLAIMS.length; i++) if (CLAIMS[i][F.doc] === d) out.push(i);
    return out;
  }

  function renderDoc(d) {
    const entry = docText(d);
    const text = entry.text || "";
    const ids = claimsOf(d);
    const spans = [];   // [start, end, type, claim]
    for (const i of ids) {
      spans.push([get(i, "start"), get(i, "end"), "n", i]);
      if (get(i, "phrase_start") !== null) spans.push([get(i, "phrase_start"), get(i, "phrase_end"), "p", i]);
      if (get(i, "place_start") !== null) spans.push([get(i, "place_start"), get(i, "place_end"), "g", i]);
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s[0]))); cuts.add(Math.max(0, Math.min(text.length, s[1]))); }
    const points = [...cuts].sort((a, b) => a - b);
    const starting = new Map();
    for (const s of spans) { if (!starting.has(s[0])) starting.set(s[0], []); starting.get(s[0]).push(s); }
    const open = [];
    const marks = new Map();
    const frag = document.createDocumentFragment();
    for (let k = 0; k < points.length - 1; k++) {
      const a = points[k], b = points[k + 1];
      for (const s of starting.get(a) || []) open.push(s);
      for (let j = open.length - 1; j >= 0; j--) if (open[j][1] <= a) open.splice(j, 1);
      const piece = text.slice(a, b);
      const cover = open.filter((s) => s[0] <= a && s[1] >= b);
      if (!cover.length) { frag.append(document.createTextNode(piece)); continue; }
      const types = [...new Set(cover.map((s) => s[2]))].sort();
      const claimIds = [...new Set(cover.map((s) => s[3]))];
      const numberIds = cover.filter((s) => s[2] === "n").map((s) => s[3]);
      const span = el("span", { class: types.join(" "), "data-claims": claimIds.join(" ") });
      span.textContent = piece;
      const first = numberIds.length ? numberIds[0] : claimIds[0];
      span.title = `${get(first, "metric")} = ${get(first, "label")} ${get(first, "unit")} · ${show(get(first, "region"))}` +
        (claimIds.length > 1 ? ` (+${claimIds.length - 1} more)` : "");
      for (const s of cover) if (s[2] === "n" && s[0] === a) span.id = "c" + s[3];
      if (numberIds.length) span.dataset.n = numberIds.join(" ");
      for (const c of claimIds) { if (!marks.has(c)) marks.set(c, []); marks.get(c).push(span); }
      frag.append(span);
    }
    const box = $("doc-text");
    box.replaceChildren(frag);
    entry.marks = marks;
    current.doc = d;
    const meta = DATA.docs[d];
    $("doc-path").textContent = `${show(meta.path) || meta.id} · ${meta.claims} claims`;
    if (meta.partial) $("doc-path").append(el("span", { class: "warn", text: " · document not found: its sentences only" }));
    $("doc-select").value = String(d);
  }

  $("doc-text").addEventListener("click", (ev) => {
    const span = ev.target.closest("span[data-claims]");
    if (!span) return;
    const ids = (span.dataset.n || span.dataset.claims).split(" ").map(Number);
    const others = span.dataset.claims.split(" ").map(Number).filter((c) => !ids.includes(c));
    select(ids.concat(others), false);
  });

  // ---------- the claim panel ----------
  const PANEL = [["metric", "metric"], ["phrase", "phrase"], ["value", "value"], ["unit", "unit"],
    ["qualifier", "qualifier"], ["kind", "kind"], ["region", "region"], ["region_full", "full name"],
    ["adcode", "adcode"], ["region_level", "level"], ["region_source", "region from"], ["place_how", "place mark"],
    ["year", "year"], ["period", "period"], ["section", "section"], ["number", "as written"], ["start", "offsets"]];

  function describe(i) {
    const dl = el("dl");
    for (const [f, label] of PANEL) {
      let v = get(i, f);
      if (f === "start") v = `${get(i, "start")}–${get(i, "end")} (phrase ${show(get(i, "phrase_start"))}–${show(get(i, "phrase_end"))}, place ${show(get(i, "place_start"))}–${show(get(i, "place_end"))})`;
      if (f === "value") v = `${get(i, "label")} (${show(get(i, "value"))})`;
      if (f === "region_source" && v === null && get(i, "region") !== null) v = "not recorded in this table";
      dl.append(el("dt", { text: label }), el("dd", { text: show(v) }));
    }
    const meta = DATA.docs[get(i, "doc")];
    dl.append(el("dt", { text: "document" }), el("dd", { text: show(meta.path) || meta.id }));
    return dl;
  }

  function select(ids, scroll) {
    const i = ids[0];
    const d = get(i, "doc");
    if (current.doc !== d) renderDoc(d);
    document.querySelectorAll("#doc-text .active").forEach((n) => n.classList.remove("active"));
    const marks = docText(d).marks.get(i) || [];
    marks.forEach((n) => n.classList.add("active"));
    if (scroll && marks.length) (document.getElementById("c" + i) || marks[0]).scrollIntoView({ block: "center" });
    current.claim = i;
    const panel = $("panel");
    panel.replaceChildren(el("h3", { text: `${get(i, "metric")}: ${get(i, "label")} ${get(i, "unit")}` }), describe(i));
    for (const other of ids.slice(1)) {
      panel.append(el("div", { class: "more" }, el("h3", { text: `also: ${get(other, "metric")}: ${get(other, "label")} ${get(other, "unit")}` }), describe(other)));
    }
    document.querySelectorAll("#claims tr.current").forEach((r) => r.classList.remove("current"));
    const row = document.querySelector(`#claims tr[data-claim="${i}"]`);
    if (row) row.classList.add("current");
  }

  // ---------- claims table ----------
  const COLS = [["doc", "document"], ["region", "region"], ["metric", "metric"], ["label", "value"],
    ["unit", "unit"], ["kind", "kind"], ["year", "year"], ["snippet", "evidence"]];

  function fillSelect(select, values) {
    for (const v of values) select.append(el("option", { value: v, text: v }));
  }
  const count = (f) => { const m = new Map(); CLAIMS.forEach((c) => { const v = c[F[f]]; if (v !== null) m.set(v, (m.get(v) || 0) + 1); }); return m; };
  fillSelect($("f-metric"), [...count("metric").entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]));
  fillSelect($("f-region"), [...count("region").keys()].sort());
  fillSelect($("f-kind"), [...count("kind").keys()].sort());
  DATA.docs.forEach((d, k) => {
    $("f-doc").append(el("option", { value: String(k), text: d.id }));
    $("doc-select").append(el("option", { value: String(k), text: `${d.id} (${d.claims})` }));
  });

  const head = document.querySelector("#claims thead tr");
  for (const [f, label] of COLS) {
    head.append(el("th", { "data-field": f, text: label, onclick: () => {
      sort = { field: f, dir: sort.field === f ? -sort.dir : (f === "label" ? -1 : 1) };
      head.querySelectorAll("th").forEach((t) => t.classList.remove("sorted-asc", "sorted-desc"));
      head.querySelector(`th[data-field="${f}"]`).classList.add(sort.dir > 0 ? "sorted-asc" : "sorted-desc");
      applyFilters(false);
    } }));
  }

  function sortKey(i, f) {
    if (f === "label") return get(i, "value");
    if (f === "doc") return DATA.docs[get(i, "doc")].id;
    return get(i, f);
  }

  function applyFilters(resetPage = true) {
    const metric = $("f-metric").value, region = $("f-region").value, doc = $("f-doc").value,
      kind = $("f-kind").value, text = $("f-text").value.trim();
    rows = [];
    for (let i = 0; i < CLAIMS.length; i++) {
      const c = CLAIMS[i];
      if (metric && c[F.metric] !== metric) continue;
      if (region && c[F.region] !== region) continue;
      if (doc && String(c[F.doc]) !== doc) continue;
      if (kind && c[F.kind] !== kind) continue;
      if (text && !(show(c[F.snippet]) + show(c[F.metric]) + show(c[F.region]) + show(c[F.phrase])).includes(text)) continue;
      rows.push(i);
    }
    if (sort.field) {
      const f = sort.field, dir = sort.dir;
      rows.sort((a, b) => {
        const x = sortKey(a, f), y = sortKey(b, f);
        if (x === y) return a - b;
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * dir;
      });
    }
    if (resetPage) page = 0;
    drawTable();
  }

  function drawTable() {
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(page, pages - 1);
    const body = document.createDocumentFragment();
    for (const i of rows.slice(page * PAGE, page * PAGE + PAGE)) {
      const tr = el("tr", { "data-claim": String(i) });
      for (const [f] of COLS) {
        const v = f === "doc" ? DATA.docs[get(i, "doc")].id : show(get(i, f));
        tr.append(el("td", { class: f === "label" ? "num" : f, text: v, title: f === "doc" ? v : "" }));
      }
      if (i === current.claim) tr.classList.add("current");
      body.append(tr);
    }
    document.querySelector("#claims tbody").replaceChildren(body);
    $("table-count").textContent = `${rows.length.toLocaleString()} of ${CLAIMS.length.toLocaleString()} claims`;
    $("page").textContent = `page ${page + 1} of ${pages}`;
    $("prev").disabled = page === 0;
    $("next").disabled = page >= pages - 1;
  }

  document.querySelector("#claims tbody").addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr[data-claim]");
    if (tr) select([Number(tr.dataset.claim)], true);
  });
  for (const id of ["f-metric", "f-region", "f-doc", "f-kind"]) $(id).addEventListener("change", () => applyFilters());
  $("f-text").addEventListener("input", () => applyFilters());
  $("prev").addEventListener("click", () => { page--; drawTable(); });
  $("next").addEventListener("click", () => { page++; drawTable(); });
  $("doc-select").addEventListener("change", (ev) => renderDoc(Number(ev.target.value)));

  // ---------- rankings ----------
  DATA.rankings.forEach((r, k) => {
    const several = DATA.rankings.filter((o) => o.metric === r.metric).length > 1;
    $("ranking-metric").append(el("option", { value: String(k), text: `${r.metric}${several ? "（" + r.unit + "）" : ""} · ${r.rows.length} regions` }));
  });

  function drawRanking(k) {
    const r = DATA.rankings[k];
    const box = $("ranking");
    if (!r) { box.replaceChildren(el("div", { class: "muted", text: "No metric is reported by two or more regions." })); return; }
    $("ranking-rule").textContent = `figure per region: ${r.rule}; n = claims behind it · click a bar for its evidence`;
    const top = Math.max(...r.rows.map((x) => x.value || 0), 0);
    const frag = document.createDocumentFragment();
    for (const x of r.rows) {
      const width = top > 0 && x.value !== null ? Math.max(0.5, 100 * x.value / top) : 0;
      frag.append(el("div", { class: "bar-row", title: `${x.region}: ${x.label} ${r.unit} (n = ${x.claims})`,
        onclick: () => {
          $("f-metric").value = r.metric; $("f-region").value = x.region; applyFilters();
          if (x.claim !== null) select([x.claim], true);
        } },
        el("span", { class: "rank", text: String(x.rank) }), el("span", { class: "region", text: x.region }),
        el("span", { class: "bar-track" }, el("span", { class: "bar", style: `width:${width * 0.78}%` }),
          el("span", { class: "bar-label", text: `${x.label} ${r.unit} · n=${x.claims}` }))));
    }
    box.replaceChildren(frag);
  }
  $("ranking-metric").addEventListener("change", (ev) => drawRanking(Number(ev.target.value)));

  // ---------- start ----------
  applyFilters();
  drawRanking(0);
  if (DATA.docs.length) renderDoc(0);
  if (CLAIMS.length) select([claimsOf(0)[0] ?? 0], true);
  document.body.dataset.ready = "1";
})();
