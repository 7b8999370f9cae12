#include "reports/html_style.h"

namespace o2c::reports {

// Inline so the report is one file that mail clients and archives keep whole.
const std::string_view kReportCss = R"css(
:root { --ink:#1f2933; --muted:#62707f; --line:#d9dee4; --soft:#f4f6f8; --accent:#1d3a5f;
        --critical:#8f1d1d; --critical-bg:#fbe3e3; --high:#a4400b; --high-bg:#fdebd8;
        --medium:#7a5b00; --medium-bg:#fbf1cf; --low:#1f4f8a; --low-bg:#e2ecf8;
        --ok:#17663a; --ok-bg:#ddf2e4; --new:#1d4ed8; --new-bg:#e0e8fb; }
* { box-sizing: border-box; }
body { margin:0; background:#eef1f4; color:var(--ink); font:14px/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
main { max-width:1320px; margin:0 auto; padding:28px 32px 48px; background:#fff; min-height:100vh; }
.masthead { border-bottom:3px solid var(--accent); padding-bottom:14px; margin-bottom:22px; }
.eyebrow { text-transform:uppercase; letter-spacing:.08em; font-size:11px; color:var(--muted); font-weight:600; }
h1 { font-size:26px; margin:4px 0 6px; color:var(--accent); }
h2 { font-size:18px; margin:34px 0 10px; padding-bottom:6px; border-bottom:1px solid var(--line); color:var(--accent); }
h3 { font-size:16px; margin:0; display:flex; align-items:center; gap:10px; flex-wrap:wrap; }
.period { margin:0; color:var(--muted); }
.period strong { color:var(--ink); }
.cards { display:grid; grid-template-columns:repeat(5, 1fr); gap:14px; }
.card { border:1px solid var(--line); border-radius:8px; padding:14px 16px; border-top:4px solid var(--accent); }
.card .n { font-size:30px; font-weight:700; font-variant-numeric:tabular-nums; line-height:1.1; }
.card .l { font-weight:600; margin-top:2px; }
.card .s { color:var(--muted); font-size:12px; }
.card.new { border-top-color:var(--new); } .card.still { border-top-color:var(--muted); }
.card.ack { border-top-color:var(--ok); } .card.resolved { border-top-color:var(--ok); }
table { width:100%; border-collapse:collapse; }
th { text-align:left; font-size:11px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted);
     background:var(--soft); border-bottom:1px solid var(--line); padding:7px 8px; white-space:nowrap; }
td { border-bottom:1px solid var(--line); padding:7px 8px; vertical-align:top; overflow-wrap:anywhere; }
tbody tr:nth-child(even) td { background:#fafbfc; }
.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.amount { font-weight:600; }
.muted { color:var(--muted); }
code, .mono { font-family:"SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size:12px; }
a { color:var(--accent); }
.sev { display:inline-block; min-width:64px; text-align:center; padding:2px 8px; border-radius:10px; font-size:11px;
       font-weight:700; text-transform:uppercase; letter-spacing:.04em; }
.sev-critical { color:#fff; background:var(--critical); } .sev-high { color:var(--high); background:var(--high-bg); }
.sev-medium { color:var(--medium); background:var(--medium-bg); }
.sev-low { color:var(--low); background:var(--low-bg); }
.kind { margin-top:30px; border-left:4px solid var(--line); padding-left:14px; }
.kind.critical { border-left-color:var(--critical); } .kind.high { border-left-color:var(--high); }
.kind.medium { border-left-color:#d4a514; } .kind.low { border-left-color:var(--low); }
.kind h3 code { color:var(--muted); font-weight:400; }
.kind .count { color:var(--muted); font-weight:400; font-size:13px; }
.action { margin:8px 0 10px; padding:8px 12px; background:var(--soft); border-radius:6px; }
.state { display:inline-block; padding:1px 7px; border-radius:9px; font-size:12px; font-weight:600;
         white-space:nowrap; }
.state-new { color:var(--new); background:var(--new-bg); } .state-still { color:var(--muted); background:var(--soft); }
.state-ack { color:var(--ok); background:var(--ok-bg); }
.note { display:block; margin-top:3px; font-style:italic; color:var(--muted); font-size:12px; }
ul.ev { list-style:none; margin:0; padding:0; font-size:12px; }
ul.ev li { margin:0 0 2px; }
ul.ev .k { color:var(--muted); }
ul.ev .rule { color:#8b96a3; }
table.rows { table-layout:fixed; }
col.c-customer { width:16%; } col.c-ref { width:8%; } col.c-po { width:12%; } col.c-amount { width:11%; }
col.c-age { width:6%; } col.c-state { width:11%; } col.c-evidence { width:28%; }
td.ref { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.status-ok { color:var(--ok); font-weight:600; } .status-failed { color:var(--critical); font-weight:600; }
.status-running, .stale { color:var(--medium); font-weight:600; }
.more { margin:8px 0 0; color:var(--muted); font-style:italic; }
.empty { padding:14px; background:var(--ok-bg); color:var(--ok); border-radius:6px; font-weight:600; }
footer { margin-top:40px; padding-top:12px; border-top:1px solid var(--line); color:var(--muted); font-size:12px; }
footer dt { font-weight:600; color:var(--ink); float:left; clear:left; width:150px; }
footer dd { margin:0 0 4px 150px; }
@media print { body { background:#fff; } main { padding:0; max-width:none; } .kind { break-inside:auto; }
               tr { break-inside:avoid; } }
)css";

}  // namespace o2c::reports
