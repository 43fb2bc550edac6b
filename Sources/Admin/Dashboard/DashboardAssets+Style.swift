extension DashboardAssets {
    /// System fonts only: the page must look right offline, with nothing fetched.
    static let css = #"""
:root {
  --bg: #f4f5f8; --card: #ffffff; --ink: #1b2130; --muted: #6b7385; --line: #e5e8ef;
  --brand: #5b5bd6; --brand-ink: #ffffff; --top: #151a2d;
  --ok: #17915a; --ok-bg: #e3f6ec; --fail: #d0342c; --fail-bg: #fde8e7;
  --busy: #b76e00; --busy-bg: #fff3d6; --wait: #4a5a80; --wait-bg: #e9edf7;
  --ask: #7b3fc4; --ask-bg: #f1e8fc;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif;
}
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 var(--sans); }
a { color: var(--brand); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: var(--mono); font-size: 12px; background: #eef0f6; padding: 1px 5px; border-radius: 4px; }

.top { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 24px; padding: 12px 24px;
  background: var(--top); color: #e8eaf4; box-shadow: 0 2px 10px rgba(10, 14, 30, .25); }
.brand { font-weight: 700; font-size: 17px; letter-spacing: .2px; display: flex; align-items: center; gap: 10px; }
.brand .sub { font-weight: 400; color: #9aa3c0; }
.logo { width: 18px; height: 18px; border-radius: 5px; background: linear-gradient(135deg, #8b8bff, #3ecf8e); transform: rotate(45deg); }
.namespace { display: flex; align-items: center; gap: 8px; margin-left: auto; }
.namespace label { color: #9aa3c0; font-size: 12px; text-transform: uppercase; letter-spacing: .08em; }
.namespace select, .namespace input { background: #232a44; color: #fff; border: 1px solid #394266; border-radius: 6px;
  padding: 6px 8px; font: 13px var(--mono); }
.namespace input { width: 150px; }
.inline { display: inline; margin: 0; }
.live { display: flex; align-items: center; gap: 8px; font-size: 13px; color: #c8cde0; min-width: 130px; }
.live .dot { width: 9px; height: 9px; border-radius: 50%; background: #7c849c; }
.live.on .dot { background: #3ecf8e; box-shadow: 0 0 0 0 rgba(62, 207, 142, .6); animation: ping 1.8s infinite; }
.live.off .dot { background: #e5a03a; }
@keyframes ping { 0% { box-shadow: 0 0 0 0 rgba(62, 207, 142, .55); } 70% { box-shadow: 0 0 0 8px rgba(62, 207, 142, 0); } 100% { box-shadow: 0 0 0 0 rgba(62, 207, 142, 0); } }

main { display: grid; grid-template-columns: 300px minmax(0, 1fr) minmax(0, 1fr); gap: 18px; padding: 20px 24px 8px;
  max-width: 1500px; margin: 0 auto; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px;
  box-shadow: 0 1px 2px rgba(20, 25, 45, .04); min-width: 0; }
.card h2 { margin: 0 0 12px; font-size: 13px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
  display: flex; align-items: center; gap: 8px; }
.card h3 { margin: 16px 0 8px; font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.count { background: #eef0f6; color: var(--ink); border-radius: 10px; padding: 0 8px; font-size: 12px; letter-spacing: 0; }
.hint { font-weight: 400; text-transform: none; letter-spacing: 0; color: #a0a7b8; font-size: 12px; }

.jobs-card { grid-column: 1 / -1; }
.activity-card { grid-column: span 1; }
.webhooks-card { grid-column: span 2; }
.requests-card { grid-column: 1 / -1; }
.stats-card { grid-column: span 1; }

.clock-now { font: 600 19px var(--mono); white-space: nowrap; letter-spacing: -.3px; margin-bottom: 6px; word-break: break-all; }
.clock-meta { display: flex; gap: 10px; align-items: center; color: var(--muted); font-size: 12px; margin-bottom: 14px; }
.tag { display: inline-block; padding: 1px 8px; border-radius: 10px; background: var(--wait-bg); color: var(--wait);
  font-size: 12px; font-weight: 600; }
.tag.manual { background: #ecebff; color: var(--brand); }
.tag.real { background: var(--ok-bg); color: var(--ok); }
.advance { display: flex; gap: 8px; }
.advance input { flex: 1; min-width: 0; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px; font: 14px var(--mono); }
button { font: 13px var(--sans); border: 1px solid var(--line); background: #fff; color: var(--ink); border-radius: 8px;
  padding: 7px 12px; cursor: pointer; }
button:hover { border-color: #c9cede; background: #fafbfd; }
button:disabled { opacity: .5; cursor: default; }
button.primary { background: var(--brand); border-color: var(--brand); color: var(--brand-ink); font-weight: 600; }
button.primary:hover { background: #4a4ac4; }
button.danger { color: var(--fail); }
button.danger.armed { background: var(--fail); border-color: var(--fail); color: #fff; }
.quick { display: flex; gap: 6px; margin: 10px 0; flex-wrap: wrap; }
.quick button { padding: 4px 9px; font: 12px var(--mono); }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
.note { min-height: 1.4em; color: var(--muted); font-size: 12px; margin: 10px 0 0; }
.note.error { color: var(--fail); }

.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
.stat { background: #f7f8fb; border-radius: 10px; padding: 10px; text-align: center; }
.stat .num { display: block; font: 700 24px var(--sans); }
.stat .lbl { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.stat.busy .num { color: var(--busy); } .stat.ok .num { color: var(--ok); } .stat.fail .num { color: var(--fail); }
.schedule, .activity { list-style: none; margin: 0; padding: 0; font-size: 13px; }
.schedule li { display: flex; justify-content: space-between; gap: 8px; padding: 4px 0; border-bottom: 1px dashed var(--line); }
.schedule li:last-child { border-bottom: 0; }
.activity { max-height: 236px; overflow: auto; }
.activity li { display: grid; grid-template-columns: 74px minmax(0, 1fr); gap: 8px; padding: 5px 0; border-bottom: 1px solid #f0f2f6; }
.activity li.fresh { animation: slide .5s ease-out; }
.activity time { color: var(--muted); font: 12px var(--mono); }
@keyframes slide { from { background: #f0efff; transform: translateX(-4px); } to { background: transparent; transform: none; } }

.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .06em;
  padding: 6px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
td { padding: 8px 10px; border-bottom: 1px solid #f0f2f6; vertical-align: middle; white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
tbody tr { transition: background .6s; }
tbody tr:hover { background: #fafbff; }
tbody tr.changed { animation: flash 1.6s ease-out; }
@keyframes flash { 0% { background: #fff6c8; } 100% { background: transparent; } }
td.id a, .mono { font-family: var(--mono); font-size: 12px; }
td.kind .svc { color: var(--muted); }
.pill { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px; font-weight: 600; font-size: 12px;
  background: var(--wait-bg); color: var(--wait); }
.pill::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.pill.ok { background: var(--ok-bg); color: var(--ok); }
.pill.fail { background: var(--fail-bg); color: var(--fail); }
.pill.busy { background: var(--busy-bg); color: var(--busy); }
.pill.busy::before { animation: pulse 1.2s ease-in-out infinite; }
.pill.ask { background: var(--ask-bg); color: var(--ask); }
@keyframes pulse { 0%, 100% { opacity: 1; } 50% { opacity: .25; } }
.muted { color: var(--muted); }
.empty { color: var(--muted); margin: 10px 0 2px; }
.unavailable { background: #f7f8fb; border: 1px dashed #d5d9e4; border-radius: 8px; padding: 10px 12px; color: var(--muted); font-size: 13px; }
.status-2 { color: var(--ok); } .status-3 { color: var(--wait); } .status-4 { color: var(--busy); } .status-5 { color: var(--fail); }

.drawer { position: fixed; top: 0; right: 0; bottom: 0; width: min(460px, 92vw); background: #fff; z-index: 10;
  box-shadow: -10px 0 30px rgba(10, 14, 30, .18); padding: 18px 20px; overflow: auto; }
.drawer-head { display: flex; align-items: center; justify-content: space-between; }
.drawer-head h2 { font-size: 15px; margin: 0; font-family: var(--mono); }
.drawer-head button { font-size: 18px; line-height: 1; padding: 4px 10px; }
.timeline { list-style: none; padding: 0; margin: 14px 0; border-left: 2px solid var(--line); }
.timeline li { position: relative; padding: 0 0 14px 16px; }
.timeline li::before { content: ""; position: absolute; left: -6px; top: 5px; width: 10px; height: 10px; border-radius: 50%;
  background: #fff; border: 2px solid var(--brand); }
.timeline .when { font: 12px var(--mono); color: var(--muted); }
pre.json { background: #f7f8fb; border-radius: 8px; padding: 10px; font: 12px var(--mono); overflow: auto; max-height: 280px; }

.foot { text-align: center; color: var(--muted); font-size: 12px; padding: 14px 0 24px; }
@media (max-width: 1100px) { main { grid-template-columns: 1fr 1fr; } .webhooks-card { grid-column: 1 / -1; } }
@media (max-width: 720px) { main { grid-template-columns: 1fr; } .jobs-card, .webhooks-card, .requests-card { grid-column: auto; } .top { flex-wrap: wrap; } .namespace { margin-left: 0; } }
"""#
}
