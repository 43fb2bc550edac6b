extension DashboardAssets {
    /// Plain ES2017 with no library: reads the admin API, listens to `/__admin/events/stream`, and
    /// refetches lists (debounced) whenever an event says they changed, so it never shows a state
    /// the server does not have. Text always goes in through `textContent`, never as markup.
    static let script = #"""
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // With --admin-token the page is opened as /__admin/ui?token=…: keep the token for this tab only
  // and take it out of the address bar, then send it as a header (the stream takes it as ?token=,
  // since an EventSource cannot send headers).
  if (params.has("token")) {
    sessionStorage.setItem("buildermock.adminToken", params.get("token"));
    params.delete("token");
    const clean = new URL(location.href); clean.searchParams.delete("token"); history.replaceState(null, "", clean);
  }
  const adminToken = sessionStorage.getItem("buildermock.adminToken") || "";
  const state = {
    namespace: params.get("namespace") || localStorage.getItem("buildermock.namespace") || "default",
    clock: null, clockFetchedAt: 0, jobs: [], known: new Set(), lastSeq: 0, source: null,
  };

  // ---- helpers ----------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v; else if (k.startsWith("data-")) el.setAttribute(k, v);
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function nsQuery(extra) {
    const q = new URLSearchParams(extra || {});
    q.set("namespace", state.namespace);
    return q.toString();
  }
  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (adminToken) init.headers["Authorization"] = "Bearer " + adminToken;
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const res = await fetch(path, init);
    let json = null;
    try { json = await res.json(); } catch (e) { json = null; }
    return { status: res.status, ok: res.ok, json };
  }
  function errorText(r) {
    return (r.json && r.json.error && (r.json.error.message || r.json.error.code)) || ("HTTP " + r.status);
  }
  function parseTime(s) { const t = Date.parse(s); return isNaN(t) ? null : t; }
  function clockNow() {
    if (!state.clock) return null;
    const base = state.clock.now_ms;
    if (state.clock.mode !== "real") return base;
    return base + (performance.now() - state.clockFetchedAt) * (state.clock.time_scale || 1);
  }
  function span(ms) {
    if (ms === null || ms === undefined || isNaN(ms)) return "—";
    const neg = ms < 0; ms = Math.abs(ms);
    let out;
    if (ms < 1000) out = Math.round(ms) + "ms";
    else if (ms < 60000) out = (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + "s";
    else if (ms < 3600000) out = Math.floor(ms / 60000) + "m " + String(Math.floor(ms / 1000) % 60).padStart(2, "0") + "s";
    else out = Math.floor(ms / 3600000) + "h " + String(Math.floor(ms / 60000) % 60).padStart(2, "0") + "m";
    return neg ? "-" + out : out;
  }
  function clockText(ms) {
    if (ms === null) return "—";
    return new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z").replace(/Z$/, " UTC");
  }
  function timeOnly(iso) {
    const t = parseTime(iso);
    return t === null ? String(iso || "") : new Date(t).toISOString().slice(11, 19);
  }
  const OK = /^(success|succeeded|completed|complete|deployed|delivered|done|published|ready|live)$/;
  const FAIL = /^(failed|failure|error|errored|gave_up|cancelled|canceled|rejected|timed_out|timeout|expired)$/;
  const WAIT = /^(queued|pending|waiting|scheduled|created|idle|stopped|paused)$/;
  const ASK = /^(gathering|needs_input|awaiting_.*|input_required|question.*)$/;
  function stateClass(s) {
    if (OK.test(s)) return "ok"; if (FAIL.test(s)) return "fail"; if (WAIT.test(s)) return "wait";
    if (ASK.test(s)) return "ask"; return "busy";
  }
  function pill(s) { return h("span", { class: "pill " + stateClass(s) }, s); }
  function note(text, isError) {
    const el = $("clock-note"); el.textContent = text || ""; el.classList.toggle("error", !!isError);
  }
  function debounce(fn, ms) {
    let t = null;
    return () => { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  // ---- namespace ------------------------------------------------------------------------
  async function loadNamespaces() {
    const r = await api("GET", "/__admin/namespaces");
    const names = new Set((r.ok && r.json && r.json.namespaces) || []);
    names.add(state.namespace);
    state.known = names;
    const select = $("namespace");
    const current = [...select.options].map((o) => o.value).join("\n");
    const sorted = [...names].sort();
    if (current !== sorted.join("\n")) {
      select.replaceChildren(...sorted.map((n) => h("option", { value: n }, n)));
    }
    select.value = state.namespace;
  }
  function switchNamespace(name) {
    name = (name || "").trim();
    if (!name || name === state.namespace) return;
    state.namespace = name;
    localStorage.setItem("buildermock.namespace", name);
    const url = new URL(location.href); url.searchParams.set("namespace", name); history.replaceState(null, "", url);
    $("activity").replaceChildren(h("li", { class: "muted" }, "waiting for events…"));
    closeDrawer();
    refreshAll();
    loadNamespaces();
  }

  // ---- clock ----------------------------------------------------------------------------
  function setClock(clock) {
    if (!clock || clock.namespace !== state.namespace) return;
    state.clock = clock; state.clockFetchedAt = performance.now();
    const mode = $("clock-mode");
    mode.textContent = clock.mode + " clock"; mode.className = "tag " + clock.mode;
    $("clock-scale").textContent = clock.mode === "real" && clock.time_scale !== 1 ? "× " + clock.time_scale : "";
    renderTimes();
  }
  async function loadClock() {
    const r = await api("GET", "/__admin/clock?" + nsQuery());
    if (r.ok) setClock(r.json);
  }
  async function advance(by) {
    note("advancing " + by + "…");
    const r = await api("POST", "/__admin/clock/advance?" + nsQuery(), { by });
    if (!r.ok) { note(errorText(r), true); return; }
    setClock(r.json.clock);
    const n = (r.json.transitions || []).length;
    note("advanced " + by + " · " + n + " transition" + (n === 1 ? "" : "s") + " ran");
    refreshJobs();
  }
  async function runIdle() {
    note("running until idle…");
    const r = await api("POST", "/__admin/clock/run-until?" + nsQuery(), { idle: true, max: "24h" });
    if (!r.ok) { note(errorText(r), true); return; }
    setClock(r.json.clock);
    const n = (r.json.transitions || []).length;
    note((r.json.reached ? "idle" : "still busy after 24h") + " · " + n + " transition" + (n === 1 ? "" : "s") + " ran");
    refreshJobs();
  }
  let resetArmed = null;
  async function reset() {
    const button = $("reset");
    if (!resetArmed) {
      button.classList.add("armed"); button.textContent = "Click again to reset";
      resetArmed = setTimeout(() => { resetArmed = null; button.classList.remove("armed"); button.textContent = "Reset namespace"; }, 3000);
      return;
    }
    clearTimeout(resetArmed); resetArmed = null;
    button.classList.remove("armed"); button.textContent = "Reset namespace";
    const r = await api("POST", "/__admin/reset?" + nsQuery());
    if (!r.ok) { note(errorText(r), true); return; }
    note("namespace " + state.namespace + " reset");
    refreshAll();
  }

  // ---- jobs -----------------------------------------------------------------------------
  function jobRow(job) {
    const link = h("a", { href: "/__admin/jobs/" + encodeURIComponent(job.id) + "/events?" + nsQuery(),
      title: "event history", onclick: (e) => { if (e.metaKey || e.ctrlKey) return; e.preventDefault(); openHistory(job.id); } }, job.id);
    return h("tr", { "data-job": job.id, "data-state": job.state },
      h("td", { class: "id" }, link),
      h("td", { class: "kind" }, h("span", { class: "svc" }, job.service + " · "), job.kind),
      h("td", { class: "scenario" }, job.scenario),
      h("td", { class: "state" }, pill(job.state)),
      h("td", { class: "in-state mono", "data-since": String(parseTime(job.updated_at)) }, "—"),
      h("td", { class: "due mono", "data-due": job.due_at ? String(parseTime(job.due_at)) : "" }, "—"),
      h("td", { class: "created mono" }, timeOnly(job.created_at)));
  }
  function renderJobs(jobs) {
    const body = $("jobs").tBodies[0];
    const previous = new Map([...body.rows].map((r) => [r.dataset.job, r.dataset.state]));
    const rows = jobs.map((job) => {
      const row = jobRow(job);
      if (previous.has(job.id) && previous.get(job.id) !== job.state) row.classList.add("changed");
      if (!previous.has(job.id) && previous.size > 0) row.classList.add("changed");
      return row;
    });
    body.replaceChildren(...rows);
    $("jobs-empty").hidden = jobs.length > 0;
    $("jobs-count").textContent = jobs.length ? String(jobs.length) : "";
    let active = 0, ok = 0, fail = 0;
    for (const j of jobs) {
      const c = stateClass(j.state);
      if (c === "ok") ok++; else if (c === "fail") fail++; else if (!j.finished_at) active++;
    }
    $("stat-total").textContent = jobs.length; $("stat-active").textContent = active;
    $("stat-ok").textContent = ok; $("stat-fail").textContent = fail;
    renderTimes();
  }
  function renderTimes() {
    const now = clockNow();
    $("clock-now").textContent = clockText(now);
    if (now === null) return;
    for (const cell of document.querySelectorAll("#jobs td.in-state")) {
      const since = Number(cell.dataset.since);
      cell.textContent = isNaN(since) ? "—" : span(now - since);
    }
    for (const cell of document.querySelectorAll("#jobs td.due")) {
      const due = cell.dataset.due ? Number(cell.dataset.due) : NaN;
      cell.textContent = isNaN(due) ? "—" : "in " + span(due - now);
    }
  }
  async function refreshJobs() {
    const r = await api("GET", "/__admin/jobs?" + nsQuery({ limit: "200" }));
    if (r.ok) { state.jobs = r.json.jobs || []; renderJobs(state.jobs); }
    loadSchedule();
  }
  async function loadSchedule() {
    const r = await api("GET", "/__admin/schedule?" + nsQuery({ limit: "5" }));
    const list = $("schedule");
    if (!r.ok) return;
    const items = r.json.upcoming || [];
    if (!items.length) { list.replaceChildren(h("li", { class: "muted" }, "nothing scheduled")); return; }
    list.replaceChildren(...items.map((it) => h("li", {},
      h("span", {}, h("span", { class: "mono" }, it.job.length > 14 ? it.job.slice(0, 14) + "…" : it.job), " ",
        h("span", { class: "muted" }, it.state + " → " + (it.next_step || "?"))),
      h("span", { class: "mono" }, "in " + span(it.in_ms)))));
  }

  // ---- history drawer ---------------------------------------------------------------------
  async function openHistory(id) {
    const drawer = $("drawer");
    drawer.hidden = false; drawer.dataset.job = id;
    $("drawer-title").textContent = id;
    $("drawer-body").replaceChildren(h("p", { class: "muted" }, "loading…"));
    const [events, job] = await Promise.all([
      api("GET", "/__admin/jobs/" + encodeURIComponent(id) + "/events?" + nsQuery()),
      api("GET", "/__admin/jobs/" + encodeURIComponent(id) + "?" + nsQuery()),
    ]);
    if (drawer.dataset.job !== id) return;
    if (!events.ok) { $("drawer-body").replaceChildren(h("p", { class: "note error" }, errorText(events))); return; }
    const items = (events.json.events || []).map((e) => h("li", {},
      h("div", { class: "when" }, clockText(parseTime(e.at))),
      h("div", {}, e.from ? pill(e.from) : h("span", { class: "muted" }, "created"), " → ", pill(e.to)),
      h("div", { class: "muted" }, "step " + ((e.detail && e.detail.step) || "?") + " · " + ((e.detail && e.detail.trigger) || ""))));
    $("drawer-body").replaceChildren(
      h("p", {}, h("a", { href: "/__admin/jobs/" + encodeURIComponent(id) + "/events?" + nsQuery(), target: "_blank" }, "events JSON"),
        " · ", h("a", { href: "/__admin/jobs/" + encodeURIComponent(id) + "?" + nsQuery(), target: "_blank" }, "job JSON")),
      h("ol", { class: "timeline" }, items),
      job.ok ? h("div", {}, h("h3", {}, "document"), h("pre", { class: "json" }, JSON.stringify(job.json.data, null, 2))) : null);
  }
  function closeDrawer() { $("drawer").hidden = true; delete $("drawer").dataset.job; }

  // ---- webhooks, requests, faults -------------------------------------------------------
  async function refreshWebhooks() {
    const r = await api("GET", "/__admin/webhooks?" + nsQuery({ limit: "20" }));
    const box = $("webhooks");
    if (!r.ok) { box.replaceChildren(h("p", { class: "note error" }, errorText(r))); return; }
    const list = r.json.deliveries || [];
    $("webhooks-count").textContent = r.json.total ? String(r.json.total) : "";
    if (!list.length) { box.replaceChildren(h("p", { class: "muted" }, "No webhook deliveries in this namespace.")); return; }
    box.replaceChildren(h("table", {},
      h("thead", {}, h("tr", {}, ["delivery", "event", "state", "attempts", "last"].map((t) => h("th", {}, t)))),
      h("tbody", {}, list.map((d) => {
        const attempts = d.attempts || [];
        const last = attempts[attempts.length - 1];
        return h("tr", { "data-delivery": d.id },
          h("td", { class: "mono", title: d.url || "" }, d.id),
          h("td", {}, d.event || ""),
          h("td", {}, pill(d.state)),
          h("td", { class: "mono" }, attempts.length + " / " + d.maxAttempts),
          h("td", { class: "mono" }, last ? (last.status !== null && last.status !== undefined ? String(last.status) : (last.error || last.outcome)) : (d.nextAttemptAt ? "due " + timeOnly(d.nextAttemptAt) : "—")));
      }))));
  }
  function unavailable(box, what, detail) {
    box.replaceChildren(h("div", { class: "unavailable" }, h("strong", {}, what + " not available"),
      h("div", {}, detail)));
  }
  function pick(obj, ...keys) { for (const k of keys) if (obj && obj[k] !== undefined && obj[k] !== null) return obj[k]; return undefined; }
  async function refreshRequests() {
    const box = $("requests");
    // The journal pages oldest first: read the total, then the last page, and show it newest first.
    const head = await api("GET", "/__admin/requests?" + nsQuery({ limit: "1" }));
    const total = head.ok && head.json && typeof head.json.total === "number" ? head.json.total : 0;
    const r = await api("GET", "/__admin/requests?" + nsQuery({ limit: "15", offset: String(Math.max(0, total - 15)) }));
    if (r.status === 404 && r.json && r.json.error && r.json.error.code === "not_found") {
      unavailable(box, "journal", "This server has no request journal (GET /__admin/requests answered 404)."); return;
    }
    if (!r.ok) { box.replaceChildren(h("p", { class: "note error" }, errorText(r))); return; }
    const list = (Array.isArray(r.json) ? r.json : (pick(r.json, "requests", "entries", "items") || [])).slice().reverse();
    if (!list.length) { box.replaceChildren(h("p", { class: "muted" }, "No requests journaled in this namespace yet.")); return; }
    box.replaceChildren(h("table", {},
      h("thead", {}, h("tr", {}, ["time", "request", "status", "took"].map((t) => h("th", {}, t)))),
      h("tbody", {}, list.slice(0, 15).map((e) => {
        // Method, path, status and duration are top-level in a journal entry; `request` and
        // `response` hold headers and bodies.
        const req = e;
        const status = pick(e, "status");
        const us = pick(e, "duration_us");
        const ms = typeof us === "number" ? us / 1000 : undefined;
        const fault = pick(e, "fault", "fault_applied", "faultApplied");
        return h("tr", {},
          h("td", { class: "mono" }, timeOnly(pick(e, "at", "time", "clock_time", "clockTime", "timestamp"))),
          h("td", { class: "mono" }, (pick(req, "method") || "") + " " + (pick(req, "path", "target") || ""),
            fault ? h("span", { class: "pill fail", style: "margin-left:6px" }, typeof fault === "string" ? fault : (fault.kind || "fault")) : null),
          h("td", { class: "mono status-" + String(status || "").charAt(0) }, status === undefined ? "—" : String(status)),
          h("td", { class: "mono" }, ms === undefined ? "—" : (ms < 10 ? ms.toFixed(2) + " ms" : ms < 1000 ? Math.round(ms) + " ms" : span(ms))));
      }))));
  }
  async function refreshFaults() {
    const box = $("faults");
    const r = await api("GET", "/__admin/faults?" + nsQuery());
    if (r.status === 404 && r.json && r.json.error && r.json.error.code === "not_found") {
      unavailable(box, "fault injection", "This server has no fault API (GET /__admin/faults answered 404)."); return;
    }
    if (!r.ok) { box.replaceChildren(h("p", { class: "note error" }, errorText(r))); return; }
    const list = Array.isArray(r.json) ? r.json : (pick(r.json, "faults", "items") || []);
    if (!list.length) { box.replaceChildren(h("p", { class: "muted" }, "No faults configured in this namespace.")); return; }
    box.replaceChildren(h("table", {},
      h("thead", {}, h("tr", {}, ["id", "kind", "target", "hits"].map((t) => h("th", {}, t)))),
      h("tbody", {}, list.map((f) => {
        const target = f.target || f.match || {};
        const text = typeof target === "string" ? target
          : Object.entries(target).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => k + "=" + (typeof v === "object" ? JSON.stringify(v) : v)).join(" ");
        return h("tr", {},
          h("td", { class: "mono" }, String(pick(f, "id") || "")),
          h("td", {}, h("span", { class: "pill fail" }, String(pick(f, "kind", "type") || "?"))),
          h("td", { class: "mono" }, text || "any"),
          h("td", { class: "mono" }, String(pick(f, "hits", "hit_count", "hitCount") ?? 0)));
      }))));
  }

  // ---- live events ----------------------------------------------------------------------
  const refreshSoon = debounce(() => { refreshJobs(); refreshWebhooks(); refreshRequests(); }, 120);
  function activity(at, ...parts) {
    const list = $("activity");
    if (list.firstElementChild && list.firstElementChild.classList.contains("muted")) list.replaceChildren();
    list.prepend(h("li", { class: "fresh" }, h("time", {}, at ? timeOnly(at) : ""), h("span", {}, ...parts)));
    while (list.children.length > 60) list.lastElementChild.remove();
  }
  function onTransition(t) {
    const row = document.querySelector('#jobs tr[data-job="' + CSS.escape(t.job) + '"]');
    if (row) {
      row.dataset.state = t.to;
      row.querySelector("td.state").replaceChildren(pill(t.to));
      const since = row.querySelector("td.in-state"); since.dataset.since = String(t.at_ms);
      row.classList.remove("changed"); void row.offsetWidth; row.classList.add("changed");
      renderTimes();
    }
    activity(t.at, h("span", { class: "mono" }, t.job), " ", t.from ? pill(t.from) : h("span", { class: "muted" }, "new"), " → ", pill(t.to),
      h("span", { class: "muted" }, " " + t.kind + (t.trigger && t.trigger !== "timer" ? " · " + t.trigger : "")));
    if ($("drawer").dataset.job === t.job) openHistory(t.job);
    refreshSoon();
  }
  function connect() {
    if (state.source) state.source.close();
    const withToken = (extra) => Object.assign(extra || {}, adminToken ? { token: adminToken } : {});
    const source = new EventSource("/__admin/events/stream?" + nsQuery(withToken({ all: "true" })));
    state.source = source;
    $("stream-link").href = "/__admin/events/stream?" + nsQuery(withToken());
    const live = $("live");
    source.addEventListener("open", () => { live.className = "live on"; $("live-text").textContent = "live"; });
    source.addEventListener("error", () => { live.className = "live off"; $("live-text").textContent = "reconnecting…"; });
    source.addEventListener("hello", () => { state.lastSeq = 0; refreshAll(); });
    const mine = (data) => data.namespace === state.namespace;
    const handle = (type, fn) => source.addEventListener(type, (ev) => {
      const seq = Number(ev.lastEventId);
      // A gap means events were dropped for a slow reader: refetch rather than trust the rest.
      if (state.lastSeq && seq > state.lastSeq + 1) refreshSoon();
      if (seq) state.lastSeq = seq;
      let data; try { data = JSON.parse(ev.data); } catch (e) { return; }
      if (data.namespace && !state.known.has(data.namespace)) loadNamespaces();
      fn(data);
    });
    handle("transition", (t) => { if (mine(t)) onTransition(t); });
    handle("clock", (c) => { if (mine(c)) setClock(c); });
    handle("webhook_attempt", (a) => {
      if (!mine(a)) return;
      activity(a.at, "webhook ", h("span", { class: "mono" }, a.delivery), " attempt " + a.attempt + " ",
        pill(a.outcome), a.status ? h("span", { class: "muted" }, " HTTP " + a.status) : (a.error ? h("span", { class: "muted" }, " " + a.error) : null));
      refreshSoon();
    });
    handle("job_updated", (e) => { if (mine(e)) refreshSoon(); });
    handle("job_deleted", (e) => { if (mine(e)) refreshSoon(); });
    handle("reset", (e) => {
      if (e.namespace !== null && !mine(e)) { loadNamespaces(); return; }
      activity(null, h("span", { class: "muted" }, "namespace reset"));
      refreshAll(); loadNamespaces();
    });
  }

  function refreshAll() { loadClock(); refreshJobs(); refreshWebhooks(); refreshRequests(); refreshFaults(); }

  // ---- wiring ---------------------------------------------------------------------------
  $("namespace").addEventListener("change", (e) => switchNamespace(e.target.value));
  $("namespace-form").addEventListener("submit", (e) => { e.preventDefault(); switchNamespace($("namespace-input").value); $("namespace-input").value = ""; });
  $("advance-form").addEventListener("submit", (e) => { e.preventDefault(); advance($("advance-by").value.trim()); });
  for (const b of document.querySelectorAll("#quick button")) b.addEventListener("click", () => advance(b.dataset.by));
  $("run-idle").addEventListener("click", runIdle);
  $("reset").addEventListener("click", reset);
  $("drawer-close").addEventListener("click", closeDrawer);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeDrawer(); });
  setInterval(renderTimes, 250);
  // Requests and faults have no events of their own: poll them while the page is visible.
  setInterval(() => { if (!document.hidden) { refreshRequests(); refreshFaults(); loadNamespaces(); } }, 5000);

  loadNamespaces();
  refreshAll();
  connect();
  window.buildermockDashboard = { state, refreshAll, switchNamespace };
})();
"""#
}
