// Frontwire analyst page: map + timeline + filter bar + event panel with claims by source.
// Security rule (issue 7): text from reports only ever reaches the DOM through
// textContent / attribute setters; this file never assigns innerHTML.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d1495b",
  "Explosions/Remote violence": "#ed7d3a",
  "Violence against civilians": "#8f2d56",
  "Protests": "#2e86ab",
  "Riots": "#6a4c93",
  "Strategic developments": "#4f772d",
};
const FALLBACK_COLOUR = "#6c757d";
const AREA_KM = { 2: 25, 3: 90 }; // ACLED geo_precision 2: near a town, 3: a region
const CLUSTER_PX = 38;
const MAX_EVENTS = 5000;

const state = {
  events: [], visible: [], range: null, selected: null, transform: null,
  projection: null, world: null, tiles: false,
};

// ---------------------------------------------------------------- DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
const $ = (sel) => document.querySelector(sel);
const colour = (type) => TYPE_COLOURS[type] || FALLBACK_COLOUR;

// ---------------------------------------------------------------- API

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = await resp.json().catch(() => ({ error: `HTTP ${resp.status}` }));
  if (!resp.ok) throw new Error(body.error || `HTTP ${resp.status}`);
  return body;
}

function authHeaders() {
  const token = $("#token").value.trim();
  return token ? { "Authorization": `Bearer ${token}` } : {};
}

async function post(path, payload) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders() },
    body: JSON.stringify(payload),
  });
}

// ---------------------------------------------------------------- filters

function serverQuery() {
  const q = new URLSearchParams({ limit: String(MAX_EVENTS), view: "compact" });
  for (const [id, key] of [["#f-type", "event_type"], ["#f-country", "country"],
    ["#f-actor", "actor"], ["#f-text", "text"], ["#f-stance", "stance"]]) {
    const v = $(id).value.trim();
    if (v) q.set(key, v);
  }
  if ($("#f-contradicted").checked) q.set("contradicted", "true");
  return q;
}

function dateRangeFromInputs() {
  const from = $("#f-from").value, to = $("#f-to").value;
  return from || to ? [from || "0000-01-01", to || "9999-12-31"] : null;
}

function inRange(ev, range) {
  if (!range) return true;
  const start = ev.date_start || "", end = ev.date_end || start;
  return start && start <= range[1] && end >= range[0];
}

async function load() {
  const notice = $("#notice");
  try {
    const data = await api(`/api/events?${serverQuery()}`);
    state.events = data.events;
    notice.hidden = data.events.length < MAX_EVENTS;
    notice.textContent = `showing the first ${MAX_EVENTS} events: narrow the filters`;
  } catch (err) {
    notice.hidden = false;
    notice.textContent = `could not load events: ${err.message}`;
    state.events = [];
  }
  state.range = dateRangeFromInputs();
  refresh();
  drawTimeline();
}

function shown(ev) {
  return $("#f-background").checked || !ev.background;
}

function refresh() {
  state.visible = state.events.filter((ev) => shown(ev) && inRange(ev, state.range));
  document.body.dataset.visible = String(state.visible.length);
  drawMarkers();
  drawList();
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    $("#stats").textContent =
      `${s.events} events · ${s.documents} reports · ${s.contradicted_events ?? 0} contradicted`;
    const select = $("#f-type");
    for (const type of Object.keys(s.by_event_type || {}).sort()) {
      select.append(el("option", { value: type, text: type }));
    }
    const list = $("#countries");
    for (const c of Object.keys(s.by_country || {}).sort()) list.append(el("option", { value: c }));
  } catch (err) {
    $("#stats").textContent = `stats unavailable: ${err.message}`;
  }
}

// ---------------------------------------------------------------- map

function mapSize() {
  const box = $("#map").getBoundingClientRect();
  return [Math.max(box.width, 100), Math.max(box.height, 100)];
}

async function initMap() {
  const svg = d3.select("#map");
  const [w, h] = mapSize();
  state.projection = d3.geoMercator().scale(w / (2 * Math.PI)).translate([w / 2, h / 1.6]);
  const base = svg.append("g").attr("class", "base");
  base.append("g").attr("class", "tiles");
  const vector = base.append("g").attr("class", "vector");
  svg.append("g").attr("class", "labels");
  svg.append("g").attr("class", "areas");
  svg.append("g").attr("class", "markers");
  try {
    const topo = await d3.json("/static/vendor/world-atlas/countries-50m.json");
    state.world = topojson.feature(topo, topo.objects.countries);
    const path = d3.geoPath(state.projection);
    vector.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
    vector.selectAll("path.land").data(state.world.features).join("path")
      .attr("class", "land").attr("d", path);
  } catch (err) {
    $("#notice").hidden = false;
    $("#notice").textContent = "world outline missing: run scripts/build_web.sh";
  }
  state.zoom = d3.zoom().scaleExtent([1, 4096]).on("zoom", (e) => {
    state.transform = e.transform;
    base.attr("transform", e.transform);
    drawMarkers();
    if (state.tiles) drawTiles();
  });
  svg.call(state.zoom);
  state.transform = d3.zoomIdentity;
  drawLegend();
}

function fitToEvents() {
  const pts = state.events.filter((e) => e.lat != null && e.lon != null);
  if (!pts.length) return;
  const [w, h] = mapSize();
  const xy = pts.map((e) => state.projection([e.lon, e.lat]));
  let [x0, y0] = [d3.min(xy, (p) => p[0]), d3.min(xy, (p) => p[1])];
  let [x1, y1] = [d3.max(xy, (p) => p[0]), d3.max(xy, (p) => p[1])];
  const pad = 0.8; // at least ~1.5 degrees around a single event
  x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
  const k = Math.min(4096, 0.8 / Math.max((x1 - x0) / w, (y1 - y0) / h));
  const t = d3.zoomIdentity.translate(w / 2, h / 2).scale(k)
    .translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
  d3.select("#map").call(state.zoom.transform, t);
}

function screenXY(ev) {
  const p = state.projection([ev.lon, ev.lat]);
  return state.transform.apply(p);
}

function pxPerKm(ev) {
  const a = screenXY(ev);
  const b = state.transform.apply(state.projection([ev.lon, ev.lat + 1 / 111.2]));
  return Math.abs(a[1] - b[1]);
}

function clusters(points) {
  const cells = new Map();
  for (const ev of points) {
    const [x, y] = screenXY(ev);
    const key = `${Math.floor(x / CLUSTER_PX)}:${Math.floor(y / CLUSTER_PX)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push({ ev, x, y });
  }
  return [...cells.values()].map((members) => {
    const byType = d3.rollup(members, (v) => v.length, (m) => m.ev.event_type);
    const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return {
      members, type: top,
      x: d3.mean(members, (m) => m.x), y: d3.mean(members, (m) => m.y),
      fatalities: d3.sum(members, (m) => m.ev.fatalities || 0),
      contradicted: members.some((m) => m.ev.contradicted),
    };
  });
}

function radius(fatalities) { return Math.min(30, 6 + 3 * Math.sqrt(fatalities)); }

// Names of the countries that have events, at their centroids (context without tiles).
function drawLabels() {
  if (!state.world) return;
  const wanted = new Set(state.visible.map((e) => e.country).filter(Boolean));
  const feats = state.world.features.filter((f) => wanted.has(f.properties.name));
  const path = d3.geoPath(state.projection);
  d3.select("#map g.labels").selectAll("text").data(feats, (f) => f.properties.name)
    .join("text").attr("class", "country-label")
    .attr("transform", (f) => `translate(${state.transform.apply(path.centroid(f))})`)
    .text((f) => f.properties.name);
}

function drawMarkers() {
  if (!state.projection) return;
  drawLabels();
  const located = state.visible.filter((e) => e.lat != null && e.lon != null);
  const precise = located.filter((e) => !(e.geo_precision in AREA_KM));
  const coarse = located.filter((e) => e.geo_precision in AREA_KM);
  const areas = d3.select("#map g.areas").selectAll("g.area-group").data(coarse, (e) => e.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "area-group");
      g.append("circle").attr("class", "area");
      g.append("circle").attr("class", "area-centre").attr("r", 3);
      g.append("title");
      return g;
    });
  areas.attr("data-id", (e) => e.id).on("click", (_, e) => openEvent(e.id));
  areas.select("circle.area")
    .attr("cx", (e) => screenXY(e)[0]).attr("cy", (e) => screenXY(e)[1])
    .attr("r", (e) => Math.max(8, AREA_KM[e.geo_precision] * pxPerKm(e)))
    .attr("fill", (e) => colour(e.event_type)).attr("stroke", (e) => colour(e.event_type));
  areas.select("circle.area-centre")
    .attr("cx", (e) => screenXY(e)[0]).attr("cy", (e) => screenXY(e)[1])
    .attr("fill", (e) => colour(e.event_type));
  areas.select("title").text((e) =>
    `${e.event_type} · ${e.location} (approximate: ${e.geo_precision === 3 ? "region" : "near town"})`);

  const groups = d3.select("#map g.markers").selectAll("g.cluster").data(clusters(precise))
    .join((enter) => {
      const g = enter.append("g").attr("class", "cluster");
      g.append("circle").attr("class", "marker");
      g.append("text").attr("class", "count").attr("dy", "0.35em");
      g.append("title");
      return g;
    });
  groups.attr("transform", (c) => `translate(${c.x},${c.y})`)
    .attr("data-id", (c) => (c.members.length === 1 ? c.members[0].ev.id : null))
    .on("click", (_, c) => clickCluster(c));
  groups.select("circle")
    .attr("r", (c) => radius(c.fatalities) + (c.members.length > 1 ? 3 : 0))
    .attr("fill", (c) => colour(c.type))
    .classed("contradicted", (c) => c.contradicted)
    .classed("selected", (c) => c.members.some((m) => m.ev.id === state.selected));
  groups.select("text").text((c) => (c.members.length > 1 ? c.members.length : ""));
  groups.select("title").text((c) => (c.members.length > 1
    ? `${c.members.length} events, ${c.fatalities} fatalities`
    : `${c.members[0].ev.event_type} · ${c.members[0].ev.location} · ${c.members[0].ev.date_start}`));
}

function clickCluster(c) {
  if (c.members.length === 1) { openEvent(c.members[0].ev.id); return; }
  const svg = d3.select("#map");
  svg.transition().duration(450).call(state.zoom.scaleBy, 3, [c.x, c.y]);
}

function drawLegend() {
  const box = $("#legend");
  clear(box);
  for (const [type, c] of Object.entries(TYPE_COLOURS)) {
    const sw = el("span", { class: "sw" });
    sw.style.background = c;
    box.append(el("div", {}, sw, type));
  }
  box.append(el("div", {}, el("span", { class: "sw area" }), "approximate place (area)"));
  box.append(el("div", { text: "size: fatalities · red ring: contradicted" }));
}

// Optional online tiles (OpenStreetMap), drawn under the packaged outline.
function drawTiles() {
  const layer = d3.select("#map g.tiles");
  layer.attr("transform", null);
  d3.select("#map g.base").attr("transform", null);
  const t = state.transform;
  d3.select("#map g.vector").attr("transform", t);
  const [w, h] = mapSize();
  const worldPx = 2 * Math.PI * state.projection.scale() * t.k;
  const z = Math.max(0, Math.min(17, Math.round(Math.log2(worldPx / 256))));
  const n = 2 ** z, size = worldPx / n;
  const [ox, oy] = t.apply(state.projection([-180, 85.0511287798]));
  const tiles = [];
  for (let x = Math.floor(-ox / size); x <= Math.floor((w - ox) / size); x++) {
    for (let y = Math.max(0, Math.floor(-oy / size)); y <= Math.min(n - 1, Math.floor((h - oy) / size)); y++) {
      tiles.push({ key: `${z}/${((x % n) + n) % n}/${y}`, x: ox + x * size, y: oy + y * size });
    }
  }
  layer.selectAll("image").data(tiles.slice(0, 80), (d) => d.key + d.x).join("image")
    .attr("class", "tile").attr("href", (d) => `https://tile.openstreetmap.org/${d.key}.png`)
    .attr("x", (d) => d.x).attr("y", (d) => d.y).attr("width", size + 0.5).attr("height", size + 0.5);
}

function toggleTiles() {
  state.tiles = $("#tiles").checked;
  d3.select("#map g.vector").selectAll("path.land").style("fill-opacity", state.tiles ? 0.15 : null);
  $("#attribution").textContent = state.tiles ? "tiles © OpenStreetMap contributors" : "outline: Natural Earth";
  if (state.tiles) drawTiles();
  else {
    d3.select("#map g.tiles").selectAll("image").remove();
    d3.select("#map g.vector").attr("transform", null);
    d3.select("#map g.base").attr("transform", state.transform);
  }
}

// ---------------------------------------------------------------- timeline

function drawTimeline() {
  const svg = d3.select("#timeline");
  svg.selectAll("*").remove();
  const box = $("#timeline").getBoundingClientRect();
  const w = Math.max(box.width, 200), h = Math.max(box.height, 60);
  const m = { l: 34, r: 14, t: 10, b: 22 };
  const dated = state.events.filter((e) => e.date_start && shown(e));
  if (!dated.length) {
    svg.append("text").attr("x", 12).attr("y", 24).attr("fill", "#667085")
      .text("no dated events for these filters");
    return;
  }
  const parse = d3.utcParse("%Y-%m-%d");
  const days = dated.map((e) => parse(e.date_start.slice(0, 10))).filter(Boolean);
  days.sort((a, b) => a - b);
  const [first, hi] = d3.extent(days);
  // A few stray old dates must not squash the histogram: start at the 10th percentile
  // when the older tail is long, and say how many events lie before it.
  const p10 = d3.quantileSorted(days, 0.1);
  const lo = d3.utcDay.count(first, p10) > 60 ? d3.utcDay.offset(p10, -7) : first;
  const earlier = days.filter((d) => d < lo).length;
  const x = d3.scaleUtc().domain([d3.utcDay.offset(lo, -1), d3.utcDay.offset(hi, 2)])
    .range([m.l, w - m.r]);
  const bins = d3.bin().domain(x.domain()).thresholds(x.ticks(d3.utcDay.every(
    Math.max(1, Math.ceil(d3.utcDay.count(...x.domain()) / 120)))))(days.filter((d) => d >= lo));
  const y = d3.scaleLinear().domain([0, d3.max(bins, (b) => b.length) || 1]).nice()
    .range([h - m.b, m.t]);
  svg.append("g").selectAll("rect").data(bins).join("rect")
    .attr("class", "bar").attr("x", (b) => x(b.x0) + 0.5)
    .attr("width", (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
    .attr("y", (b) => y(b.length)).attr("height", (b) => y(0) - y(b.length));
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${h - m.b})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(w / 90))).tickSizeOuter(0));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(3));
  if (earlier) {
    svg.append("text").attr("class", "earlier").attr("x", w - m.r).attr("y", m.t + 2)
      .attr("text-anchor", "end")
      .text(`‹ ${earlier} earlier (set “from” to see them)`);
  }
  const fmt = d3.utcFormat("%Y-%m-%d");
  const brush = d3.brushX().extent([[m.l, m.t], [w - m.r, h - m.b]])
    .on("brush end", (e) => {
      if (!e.sourceEvent) return; // moved by code, not by the analyst
      if (!e.selection) { state.range = null; $("#f-from").value = ""; $("#f-to").value = ""; }
      else {
        const [a, b] = e.selection.map(x.invert);
        state.range = [fmt(a), fmt(d3.utcDay.offset(b, -1) < a ? a : d3.utcDay.offset(b, -1))];
        $("#f-from").value = state.range[0];
        $("#f-to").value = state.range[1];
      }
      markBars(svg, parse);
      refresh();
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  if (state.range) {
    const a = parse(state.range[0]) || lo, b = parse(state.range[1]) || hi;
    g.call(brush.move, [Math.max(m.l, x(a)), Math.min(w - m.r, x(d3.utcDay.offset(b, 1)))]);
  }
  markBars(svg, parse);
}

function markBars(svg, parse) {
  svg.selectAll("rect.bar").classed("in", (b) => {
    if (!state.range || !b.length) return false;
    const a = parse(state.range[0]), z = parse(state.range[1]);
    return (!a || b.x1 > a) && (!z || b.x0 <= z);
  });
}

// ---------------------------------------------------------------- list

function drawList() {
  const body = $("#event-list tbody");
  clear(body);
  const rows = [...state.visible].sort((a, b) => (b.date_start || "").localeCompare(a.date_start || ""));
  for (const ev of rows.slice(0, 300)) {
    const dot = el("span", { class: "dot" });
    dot.style.background = colour(ev.event_type);
    const tr = el("tr", { "data-id": ev.id, class: ev.id === state.selected ? "selected" : null,
      onclick: () => openEvent(ev.id) },
    el("td", { text: ev.date_start || "?" }),
    el("td", {}, dot, ev.sub_event_type || ev.event_type),
    el("td", { text: [ev.location, ev.country].filter(Boolean).join(", ") }),
    el("td", { text: ev.fatalities ?? 0 }),
    el("td", { text: ev.n_reports ?? "" }),
    el("td", {}, ev.contradicted ? el("span", { class: "flag", text: "contradicted" }) : null));
    body.append(tr);
  }
}

// ---------------------------------------------------------------- event panel

async function openEvent(id) {
  state.selected = id;
  drawMarkers();
  for (const tr of document.querySelectorAll("#event-list tr")) {
    tr.classList.toggle("selected", tr.dataset.id === id);
  }
  const panel = $("#panel");
  clear(panel);
  panel.append(el("p", { class: "hint", text: "loading…" }));
  try {
    const [ev, audit] = await Promise.all([api(`/api/events/${encodeURIComponent(id)}`),
      api(`/api/events/${encodeURIComponent(id)}/audit`)]);
    renderEvent(ev, audit.audit);
  } catch (err) {
    clear(panel);
    panel.append(el("p", { class: "msg err", text: `could not load ${id}: ${err.message}` }));
  }
}

function fact(dl, label, value, corrected) {
  dl.append(el("dt", { text: label }), el("dd", { class: corrected ? "corrected" : null,
    title: corrected ? `machine value: ${corrected.machine ?? "—"} · corrected by ${corrected.by}` : null,
    text: value === null || value === undefined || value === "" ? "—" : value }));
}

const PRECISION = { 1: "exact town", 2: "near a town / part of region", 3: "region only" };

function renderEvent(ev, audit) {
  const panel = $("#panel");
  clear(panel);
  panel.dataset.eventId = ev.id;
  const review = ev.review || { status: "machine", corrected: {} };
  const cor = review.corrected || {};
  const status = review.status === "confirmed" ? "confirmed" : review.status === "corrected" ? "corrected-status" : "status";
  panel.append(el("h2", { id: "event-title", text: `${ev.sub_event_type || ev.event_type}` }),
    el("div", {}, el("span", { class: `badge ${status}`, text: review.status }), " ",
      ev.contradicted ? el("span", { class: "badge warn", text: "contradicted" }) : null, " ",
      el("code", { text: ev.id })));
  if (ev.summary) panel.append(el("p", { text: ev.summary }));
  const dl = el("dl", { class: "facts" });
  fact(dl, "type", `${ev.event_type} / ${ev.sub_event_type}`, cor.event_type || cor.sub_event_type);
  fact(dl, "date", ev.date_end && ev.date_end !== ev.date_start ? `${ev.date_start} – ${ev.date_end}` : ev.date_start, cor.date_start);
  fact(dl, "place", [ev.location, ev.admin1, ev.country].filter(Boolean).join(", "), cor.location);
  fact(dl, "precision", PRECISION[ev.geo_precision] || ev.geo_precision, cor.geo_precision);
  fact(dl, "actor 1", ev.actor1, cor.actor1);
  fact(dl, "actor 2", ev.actor2, cor.actor2);
  const range = ev.fatalities_low !== ev.fatalities_high ? ` (range ${ev.fatalities_low}–${ev.fatalities_high})` : "";
  fact(dl, "fatalities", cor.fatalities ? ev.fatalities : `${ev.fatalities ?? 0}${range}`, cor.fatalities);
  fact(dl, "reports", `${ev.n_reports} from ${ev.n_sources} source(s): ${ev.sources || ""}`);
  for (const [stance, names] of Object.entries(ev.origins_by_stance || {})) {
    fact(dl, `${stance} (origins)`, `${names.length}: ${names.join("; ")}`);
  }
  if (review.merged_from) fact(dl, "merged from", review.merged_from.join(", "));
  if (review.merged_into) fact(dl, "merged into", review.merged_into);
  if (review.split_into) fact(dl, "split into", review.split_into.join(", "));
  if (review.split_from) fact(dl, "split from", review.split_from);
  panel.append(dl);
  renderTollTimeline(panel, ev);
  renderDisputes(panel, ev);
  renderClaims(panel, ev);
  renderReports(panel, ev);
  panel.append(el("h3", { text: "Source text" }),
    el("div", { id: "doc-meta", class: "doc-meta", text: "pick a claim to read it in its report" }),
    el("div", { id: "doc-view", class: "doc-view" }));
  renderReview(panel, ev, audit);
}

// Every death figure in time order: who gives it, and whether a later count superseded it.
function renderTollTimeline(panel, ev) {
  const figures = ev.fatality_figures || [];
  if (!figures.length) return;
  panel.append(el("h3", { text: `Death toll figures (${figures.length})` }));
  const list = el("ol", { class: "toll-timeline", id: "toll-timeline" });
  for (const f of figures) {
    const by = f.superseded_by;
    const state = !f.asserted ? "not asserted" : f.superseded && by ? `superseded by ${by.fatalities} (${by.why})` : "current";
    list.append(el("li", { class: f.superseded || !f.asserted ? "superseded" : "current" },
      el("strong", { text: `${f.fatalities}` }),
      el("span", { class: "doc-meta", text: ` · ${f.time || "undated"} · ${f.origin || f.doc_id}${f.side ? ` [${f.side}]` : ""} · ${state}` }),
      f.text ? el("div", { class: "content", text: `“${f.text}”` }) : null));
  }
  panel.append(list);
}

// Contradictions grouped by what they are about, each with its two sides.
function renderDisputes(panel, ev) {
  const kinds = Object.entries(ev.disputes || {});
  if (!kinds.length) return;
  const box = el("div", { class: "disputes", id: "disputes" }, el("h3", { text: "Disputed" }));
  for (const [kind, disputes] of kinds) {
    const list = el("ul", { class: `dispute-kind ${kind}` });
    for (const d of disputes) {
      list.append(el("li", {},
        el("div", { class: "content", text: d.reason }),
        ...d.sides.map((s) => el("div", { class: `badge ${s.stance}`, text: `${s.source || s.claim} (${s.stance})` }))));
    }
    box.append(el("h4", { text: kind }), list);
  }
  panel.append(box);
}

function claimKey(c) { return `${c.doc_id}:${c.id}`; }

function renderClaims(panel, ev) {
  const conflicts = new Map();
  for (const rel of ev.contradictions || []) {
    if (!conflicts.has(rel.a)) conflicts.set(rel.a, []);
    if (!conflicts.has(rel.b)) conflicts.set(rel.b, []);
    conflicts.get(rel.a).push(rel.b_source || rel.b);
    conflicts.get(rel.b).push(rel.a_source || rel.a);
  }
  const bySource = new Map();
  for (const rep of ev.reports || []) {
    for (const c of rep.claims || []) {
      const who = c.source || rep.outlet || "unattributed";
      if (!bySource.has(who)) bySource.set(who, []);
      bySource.get(who).push({ claim: c, report: rep });
    }
  }
  panel.append(el("h3", { text: `Claims by source (${bySource.size})` }));
  const cols = el("div", { class: "sources", id: "claims" });
  // Sources in a contradiction first, then the most talkative.
  const order = [...bySource.entries()].sort((a, b) => {
    const hot = (items) => items.some(({ claim }) => conflicts.has(claimKey(claim))) ? 1 : 0;
    return hot(b[1]) - hot(a[1]) || b[1].length - a[1].length;
  });
  for (const [who, items] of order) {
    const col = el("div", { class: "source-col" }, el("h4", { text: who }));
    for (const { claim, report } of items) {
      const key = claimKey(claim);
      const against = conflicts.get(key);
      const mark = claim.review && claim.review.verdict ? ` · marked ${claim.review.verdict}` : "";
      const chain = (claim.chain || []).map((l) => l.name).filter(Boolean).join(" → ");
      const card = el("div", {
        class: `claim ${claim.stance}${against ? " contradicted" : ""}`, "data-key": key,
        onclick: () => showClaimInDocument(claim, report, card),
      },
      el("span", { class: `badge ${claim.stance}`, text: claim.stance }),
      el("span", { class: "doc-meta", text: ` ${report.outlet || ""}${mark}` }),
      el("div", { class: "content", text: claim.content }),
      chain ? el("div", { class: "chain", text: `via ${chain}` }) : null,
      against ? el("div", { class: "conflict", text: `contradicts ${[...new Set(against)].join(", ")}` }) : null,
      markSelect(claim, ev));
      col.append(card);
    }
    cols.append(col);
  }
  if (!bySource.size) cols.append(el("p", { class: "hint", text: "no attributed claims" }));
  panel.append(cols);
}

const VERDICTS = ["verified", "false", "misattributed", "irrelevant", "unverifiable"];

function markSelect(claim, ev) {
  const current = claim.review && claim.review.verdict;
  const select = el("select", { class: "mark", "aria-label": "mark claim",
    onclick: (e) => e.stopPropagation() },
  el("option", { value: "", text: current ? `marked ${current}` : "mark claim…" }),
  ...VERDICTS.map((v) => el("option", { value: v, text: v })));
  select.addEventListener("change", async () => {
    if (!select.value) return;
    try {
      await post(`/api/claims/${encodeURIComponent(claimKey(claim))}/mark`, { verdict: select.value });
      await openEvent(ev.id);
    } catch (err) {
      $("#review-msg").className = "msg err";
      $("#review-msg").textContent = err.message;
    }
  });
  return select;
}

// Only http(s) links: a report's URL is data, and "javascript:" must never become a link.
function safeUrl(url) {
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (err) {
    return null;
  }
}

function reportKey(r) { return `${r.doc_id}:${r.event_id}`; }

function renderReports(panel, ev) {
  panel.append(el("h3", { text: `Reports (${(ev.reports || []).length})` }));
  const list = el("ul", { class: "reports", id: "reports" });
  for (const r of ev.reports || []) {
    const href = safeUrl(r.url || "");
    const title = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", text: r.title || r.url })
      : el("span", { text: r.title || r.doc_id });
    list.append(el("li", {},
      el("input", { type: "checkbox", class: "split-pick", value: reportKey(r), "aria-label": "pick for split" }),
      " ", el("strong", { text: r.outlet || "unknown outlet" }), " · ", title,
      el("span", { class: "doc-meta", text: ` · ${r.published || ""} · ${r.fatalities ?? 0} killed` })));
  }
  panel.append(list);
}

async function showClaimInDocument(claim, report, card) {
  for (const c of document.querySelectorAll(".claim.active")) c.classList.remove("active");
  card.classList.add("active");
  const view = $("#doc-view"), meta = $("#doc-meta");
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(claim.doc_id)}`);
    meta.textContent = `${doc.outlet || ""} · ${doc.title || ""} · ${doc.published || ""}`;
    const text = doc.text || "";
    const sent = (doc.sentences || [])[claim.sentence] || { start: claim.content_start, end: claim.content_end };
    renderHighlighted(view, text, sent, { start: claim.content_start, end: claim.content_end });
    if (doc.removed && doc.removed.length) {
      const det = el("details", {}, el("summary", { text: `${doc.removed.length} line(s) removed by the cleaner` }));
      for (const r of doc.removed) det.append(el("div", { class: "doc-meta", text: `[${r.reason}] ${r.text}` }));
      view.append(det);
    }
    const hit = view.querySelector("mark.claimspan");
    if (hit) view.scrollTop = Math.max(0, hit.offsetTop - view.offsetTop - 40); // not the panel
  } catch (err) {
    meta.textContent = `could not load the report: ${err.message}`;
  }
}

// Text split at span edges into text nodes and <mark>s: report text never becomes markup.
function renderHighlighted(view, text, sent, span) {
  clear(view);
  const cuts = [...new Set([0, sent.start, span.start, span.end, sent.end, text.length])]
    .filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i], b = cuts[i + 1];
    const piece = text.slice(a, b);
    if (!piece) continue;
    if (a >= span.start && b <= span.end) view.append(el("mark", { class: "claimspan", text: piece }));
    else if (a >= sent.start && b <= sent.end) view.append(el("mark", { class: "sentence", text: piece }));
    else view.append(document.createTextNode(piece));
  }
}

// ---------------------------------------------------------------- review

function renderReview(panel, ev, audit) {
  panel.append(el("h3", { text: "Review" }));
  const types = Object.keys(TYPE_COLOURS);
  const typeSel = el("select", { id: "r-type" },
    ...types.map((t) => el("option", { value: t, text: t, selected: t === ev.event_type })));
  const form = el("div", { class: "review-form" },
    el("label", { for: "r-type", text: "type" }), typeSel,
    el("label", { for: "r-date", text: "date" }), el("input", { id: "r-date", type: "date", value: ev.date_start || "" }),
    el("label", { for: "r-place", text: "place" }), el("input", { id: "r-place", value: ev.location || "" }),
    el("label", { for: "r-lat", text: "lat, lon" }), el("span", {},
      el("input", { id: "r-lat", type: "number", step: "any", size: 8, value: ev.lat ?? "" }), " ",
      el("input", { id: "r-lon", type: "number", step: "any", size: 8, value: ev.lon ?? "" })),
    el("label", { for: "r-actor1", text: "actor 1" }), el("input", { id: "r-actor1", value: ev.actor1 || "" }),
    el("label", { for: "r-actor2", text: "actor 2" }), el("input", { id: "r-actor2", value: ev.actor2 || "" }),
    el("label", { for: "r-fat", text: "fatalities" }), el("input", { id: "r-fat", type: "number", min: 0, value: ev.fatalities ?? 0 }),
    el("label", { for: "r-note", text: "note" }), el("input", { id: "r-note", placeholder: "why" }));
  const msg = el("div", { class: "msg", id: "review-msg" });
  const run = async (fn) => {
    msg.className = "msg"; msg.textContent = "saving…";
    try { await fn(); msg.textContent = "saved"; await openEvent(ev.id); await load(); }
    catch (err) { msg.className = "msg err"; msg.textContent = err.message; }
  };
  const note = () => $("#r-note").value;
  const correct = () => {
    const fields = {};
    if ($("#r-type").value !== ev.event_type) fields.event_type = $("#r-type").value;
    if ($("#r-date").value && $("#r-date").value !== ev.date_start) fields.date_start = $("#r-date").value;
    if ($("#r-place").value !== (ev.location || "")) fields.location = $("#r-place").value;
    for (const key of ["actor1", "actor2"]) {
      const v = $(`#r-${key}`).value.trim();
      if (v !== (ev[key] || "")) fields[key] = v;
    }
    for (const key of ["lat", "lon"]) {
      const v = parseFloat($(`#r-${key}`).value);
      if (!Number.isNaN(v) && v !== ev[key]) fields[key] = v;
    }
    const fat = parseInt($("#r-fat").value, 10);
    if (!Number.isNaN(fat) && fat !== ev.fatalities) fields.fatalities = fat;
    if (!Object.keys(fields).length) throw new Error("nothing changed");
    return post(`/api/events/${encodeURIComponent(ev.id)}/correct`, { fields, note: note() });
  };
  const merge = () => {
    const into = $("#r-merge").value.trim();
    if (!into) throw new Error("give the id of the event to merge into");
    return post(`/api/events/${encodeURIComponent(ev.id)}/merge`, { into, note: note() });
  };
  const split = () => {
    const keys = [...document.querySelectorAll(".split-pick:checked")].map((c) => c.value);
    if (!keys.length) throw new Error("tick the reports to split off (in the Reports list)");
    return post(`/api/events/${encodeURIComponent(ev.id)}/split`, { reports: keys, note: note() });
  };
  const actions = el("div", { class: "review-actions" },
    el("button", { type: "button", id: "r-confirm", onclick: () => run(() =>
      post(`/api/events/${encodeURIComponent(ev.id)}/confirm`, { note: note() })), text: "Confirm" }),
    el("button", { type: "button", id: "r-save", onclick: () => run(correct), text: "Save correction" }),
    el("button", { type: "button", id: "r-split", onclick: () => run(split), text: "Split ticked reports" }));
  const mergeRow = el("div", { class: "review-actions" },
    el("input", { id: "r-merge", placeholder: "FW-… event id", size: 16, "aria-label": "merge into" }),
    el("button", { type: "button", id: "r-merge-go", onclick: () => run(merge), text: "Merge into" }));
  panel.append(form, actions, mergeRow, msg);
  if (audit && audit.length) {
    const list = el("ol", { class: "audit", id: "audit" });
    for (const a of audit) {
      const what = a.field.startsWith("set:")
        ? `${a.field.slice(4)}: ${a.old === null ? "machine value" : JSON.stringify(a.old)} → ${JSON.stringify(a.new)}`
        : `${a.action} ${a.field}${a.new !== null ? ` ${JSON.stringify(a.new)}` : ""}`;
      list.append(el("li", { text: `${a.at} · ${a.who} · ${what}${a.note ? ` (${a.note})` : ""}` }));
    }
    panel.append(el("h3", { text: "Audit log" }), list);
  }
}

// ---------------------------------------------------------------- start

async function main() {
  const saved = sessionStorage.getItem("frontwire-token");
  if (saved) $("#token").value = saved;
  $("#token").addEventListener("change", () => sessionStorage.setItem("frontwire-token", $("#token").value));
  $("#token-form").addEventListener("submit", (e) => e.preventDefault());
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  $("#clear-filters").addEventListener("click", () => { $("#filters").reset(); load(); });
  $("#tiles").addEventListener("change", toggleTiles);
  $("#f-background").addEventListener("change", () => { refresh(); drawTimeline(); });
  $("#attribution").textContent = "outline: Natural Earth";
  await initMap();
  await loadStats();
  await load();
  fitToEvents();
  window.addEventListener("resize", () => { drawTimeline(); drawMarkers(); });
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", main);
