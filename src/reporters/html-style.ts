/**
 * The HTML report's stylesheet, inlined so the file is self-contained (no fonts, no images, no
 * network). Light and dark schemes; prints on paper with the details open.
 */
export const HTML_STYLE = `
:root { --fg: #1d1f23; --muted: #5c6370; --bg: #ffffff; --panel: #f5f6f8; --line: #d9dce1;
  --blocker: #b00020; --high: #d9480f; --medium: #b7791f; --low: #1c7ed6; --info: #6c757d;
  --pass: #2b8a3e; --error: #862e9c; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e8eb; --muted: #a0a7b4; --bg: #15171a; --panel: #1e2125; --line: #343a40;
    --blocker: #ff6b81; --high: #ff922b; --medium: #fcc419; --low: #4dabf7; --info: #adb5bd;
    --pass: #69db7c; --error: #da77f2; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); font-size: 20px; }
h3 { margin: 20px 0 8px; font-size: 16px; }
code, pre, .target { font-family: var(--mono); font-size: 13px; }
a { color: var(--low); }
.meta, .note, footer { color: var(--muted); font-size: 13px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; margin: 16px 0; }
.tile { background: var(--panel); border-radius: 6px; padding: 10px 12px; border-top: 4px solid var(--line); }
.tile b { display: block; font-size: 24px; }
.tile span { color: var(--muted); font-size: 13px; }
.summary { font-weight: 600; }
.sev-blocker { border-color: var(--blocker); } .sev-blocker .badge, h3.sev-blocker { color: var(--blocker); }
.sev-high { border-color: var(--high); } .sev-high .badge, h3.sev-high { color: var(--high); }
.sev-medium { border-color: var(--medium); } .sev-medium .badge, h3.sev-medium { color: var(--medium); }
.sev-low { border-color: var(--low); } .sev-low .badge, h3.sev-low { color: var(--low); }
.sev-info { border-color: var(--info); } .sev-info .badge, h3.sev-info { color: var(--info); }
.tile.pass { border-color: var(--pass); } .tile.error { border-color: var(--error); }
.finding { background: var(--panel); border-left: 4px solid var(--line); border-radius: 4px; padding: 10px 14px; margin: 10px 0; }
.finding header { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.badge { font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
.finding p { margin: 6px 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { font-weight: 600; }
table.evidence th { width: 1%; white-space: nowrap; color: var(--muted); font-weight: 500; }
table.evidence td { font-family: var(--mono); font-size: 13px; }
tr.problem td:first-child { color: var(--blocker); font-weight: 600; }
pre.mermaid { background: var(--panel); padding: 12px; overflow-x: auto; white-space: pre; }
details { margin: 12px 0; }
summary { cursor: pointer; font-weight: 600; }
@media print { details > * { display: block; } body { max-width: none; } }
`;
