/// The dashboard's page, stylesheet (`DashboardAssets+Style.swift`) and script
/// (`DashboardAssets+Script.swift`), kept as Swift strings so that `swift run`, a test and an
/// installed binary all serve the same bytes with no resource bundle to locate.
enum DashboardAssets {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>buildermock · dashboard</title>
<link rel="stylesheet" href="/__admin/ui/app.css">
</head>
<body>
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true"></span>buildermock <span class="sub">dashboard</span></div>
  <div class="namespace">
    <label for="namespace">namespace</label>
    <select id="namespace" title="namespace shown"></select>
    <form id="namespace-form" class="inline"><input id="namespace-input" placeholder="open another…" aria-label="namespace name" spellcheck="false"></form>
  </div>
  <div id="live" class="live off" role="status"><span class="dot"></span><span id="live-text">connecting…</span></div>
</header>

<main>
  <section class="card clock-card">
    <h2>Clock</h2>
    <div id="clock-now" class="clock-now">—</div>
    <div class="clock-meta"><span id="clock-mode" class="tag">…</span><span id="clock-scale"></span></div>
    <form id="advance-form" class="advance">
      <input id="advance-by" value="30s" aria-label="advance by" spellcheck="false">
      <button type="submit" id="advance" class="primary">Advance</button>
    </form>
    <div class="quick" id="quick">
      <button type="button" data-by="1s">+1s</button><button type="button" data-by="10s">+10s</button><button type="button" data-by="1m">+1m</button><button type="button" data-by="5m">+5m</button><button type="button" data-by="1h">+1h</button>
    </div>
    <div class="actions">
      <button type="button" id="run-idle">Run until idle</button>
      <button type="button" id="reset" class="danger">Reset namespace</button>
    </div>
    <p id="clock-note" class="note"></p>
  </section>

  <section class="card stats-card">
    <h2>At a glance</h2>
    <div class="stats">
      <div class="stat"><span class="num" id="stat-total">0</span><span class="lbl">jobs</span></div>
      <div class="stat busy"><span class="num" id="stat-active">0</span><span class="lbl">in progress</span></div>
      <div class="stat ok"><span class="num" id="stat-ok">0</span><span class="lbl">succeeded</span></div>
      <div class="stat fail"><span class="num" id="stat-fail">0</span><span class="lbl">failed</span></div>
    </div>
    <h3>Next up</h3>
    <ol id="schedule" class="schedule"><li class="muted">nothing scheduled</li></ol>
  </section>

  <section class="card activity-card">
    <h2>Live activity <span class="hint">server-sent events</span></h2>
    <ol id="activity" class="activity"><li class="muted">waiting for events…</li></ol>
  </section>

  <section class="card jobs-card">
    <h2>Jobs <span id="jobs-count" class="count"></span></h2>
    <div class="table-wrap">
      <table id="jobs">
        <thead><tr><th>job</th><th>service · kind</th><th>scenario</th><th>state</th><th>in state</th><th>next move</th><th>created</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <p id="jobs-empty" class="empty">No jobs in this namespace yet. Create one through any emulated API, e.g.
      <code>POST /api/v1/builds</code> with <code>X-Buildermock-Namespace</code> set to this namespace.</p>
  </section>

  <section class="card webhooks-card">
    <h2>Webhook deliveries <span id="webhooks-count" class="count"></span></h2>
    <div id="webhooks"><p class="muted">none yet</p></div>
  </section>

  <section class="card faults-card">
    <h2>Active faults</h2>
    <div id="faults"><p class="muted">loading…</p></div>
  </section>
  <section class="card requests-card">
    <h2>Recent requests</h2>
    <div id="requests"><p class="muted">loading…</p></div>
  </section>

</main>

<aside id="drawer" class="drawer" hidden>
  <div class="drawer-head"><h2 id="drawer-title">History</h2><button type="button" id="drawer-close" aria-label="close">×</button></div>
  <div id="drawer-body"></div>
</aside>

<footer class="foot">
  <a href="/__admin/metrics">metrics</a> · <a id="stream-link" href="/__admin/events/stream">event stream</a> ·
  <a href="/__admin/health">health</a> · <a href="/__admin/scenarios">scenarios</a>
</footer>
<script src="/__admin/ui/app.js"></script>
</body>
</html>
"""#
}
