#include "kpi/render/report_style.hpp"

namespace kpi::render {

std::string_view report_stylesheet() {
  return R"css(
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --paper: #ffffff; --wash: #f5f7fa;
  --green: #17753f; --amber: #9a5b00; --red: #c53030; --none: #616e7c; --accent: #243b53; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 40px; }
header.top { background: var(--accent); color: #fff; padding: 28px 0 24px; }
header.top .inner { max-width: 1080px; margin: 0 auto; padding: 0 20px; }
header.top h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header.top p { margin: 0; color: #d9e2ec; }
.badges { margin-top: 12px; display: flex; flex-wrap: wrap; gap: 8px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px;
  background: rgba(255,255,255,0.14); color: #fff; }
.badge.running { background: #f0b429; color: #1f2933; }
h2 { font-size: 19px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 0 0 2px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 18px; margin: 0 0 16px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.tile { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.tile .n { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .k { color: var(--muted); font-size: 13px; }
.tile.green .n { color: var(--green); } .tile.amber .n { color: var(--amber); }
.tile.red .n { color: var(--red); } .tile.none .n { color: var(--none); }
.meta { color: var(--muted); font-size: 14px; margin: 0 0 10px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.status { line-height: 1.6; }
td.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
tr:last-child td { border-bottom: 0; }
.pill { display: inline-block; min-width: 62px; text-align: center; padding: 1px 8px; border-radius: 999px;
  font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.pill.green { background: var(--green); } .pill.amber { background: var(--amber); }
.pill.red { background: var(--red); } .pill.none { background: var(--none); }
.up { color: var(--green); } .down { color: var(--red); }
.muted { color: var(--muted); fill: #616e7c; }
svg.chart { width: 100%; height: auto; display: block; margin: 8px 0 12px; max-width: 600px; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1f2933; }
svg .tick { fill: #616e7c; font-size: 11px; }
svg .grid { stroke: #e4e7eb; stroke-width: 1; }
svg .reference { stroke: #243b53; stroke-width: 1.2; stroke-dasharray: 4 3; }
svg .bar.green, svg .dot.green { fill: var(--green); } svg .bar.amber, svg .dot.amber { fill: var(--amber); }
svg .bar.red, svg .dot.red { fill: var(--red); } svg .bar.none, svg .dot.none { fill: var(--none); }
svg .bar.total { fill: #486581; }
svg.spark { display: block; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 8px 16px;
  margin-top: 12px; }
.trends figure { margin: 0; }
.trends figcaption { font-size: 13px; color: var(--muted); font-weight: 600; }
svg.trend { width: 100%; height: auto; display: block; max-width: 360px; }
svg.trend .line { fill: none; stroke: #486581; stroke-width: 2; }
svg.spark .line { fill: none; stroke: #486581; stroke-width: 1.5; }
svg.spark .reference { stroke: #bcccdc; stroke-width: 1; }
ul.issues { margin: 0; padding-left: 20px; } ul.issues li { margin: 4px 0; }
.kind { font-weight: 600; }
.alert { background: #fff5f5; border: 2px solid var(--red); color: var(--red); border-radius: 8px;
  padding: 12px 16px; margin: 0 0 16px; font-weight: 600; }
.withheld { color: var(--red); font-weight: 600; }
.reason { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 16px 10px 32px; }
  header.top { padding: 20px 0; }
  header.top .inner { padding: 0 12px; }
  .tiles .tile:first-child { grid-column: 1 / -1; }
  /* A row becomes a list of "title: value" lines: every column shows, none is cut off. */
  .scroll { overflow: visible; }
  .scroll table, .scroll tbody, .scroll tr, .scroll td { display: block; width: 100%; }
  .scroll thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .scroll tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  .scroll tr:last-child { border-bottom: 0; }
  .scroll td, .scroll td.num { display: flex; justify-content: space-between; align-items: center;
    gap: 12px; border: 0; padding: 2px 0; text-align: right; white-space: normal; }
  .scroll td::before { content: attr(data-label); color: var(--muted); font-size: 12px;
    font-weight: 600; text-align: left; }
  .scroll td:first-child { font-weight: 600; }
  svg text { font-size: 14px; }
  svg .tick { font-size: 12px; }
  header.top h1 { font-size: 21px; }
  .card { padding: 12px 10px; }
  th, td { padding: 5px 6px; }
  .tile .n { font-size: 22px; }
  .tiles { grid-template-columns: repeat(2, 1fr); gap: 8px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { background: #fff; font-size: 11pt; }
  header.top { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 8px; }
  header.top p { color: var(--muted); }
  .badge { background: #fff; color: var(--ink); border: 1px solid var(--line); }
  main { max-width: none; padding: 0; }
  .card, .tile { border-color: #bcccdc; break-inside: avoid; }
  .scroll { overflow: visible; }
  section.unit { break-before: page; }
  section.people-cards { break-before: page; }
  tr, svg { break-inside: avoid; }
  .pill, .bar, .dot, .tile .n { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";
}

std::string_view chart_stylesheet() {
  // The svg rules above with the colours written out: a chart drawn on its own (an image
  // of a mail) has no page whose variables it could read.
  return R"css(
text { font: 12px "DejaVu Sans", Arial, sans-serif; fill: #1f2933; }
.tick { fill: #616e7c; font-size: 11px; }
.muted { fill: #616e7c; }
.grid { stroke: #e4e7eb; stroke-width: 1; }
.reference { stroke: #243b53; stroke-width: 1.2; stroke-dasharray: 4 3; fill: none; }
.bar.green, .dot.green { fill: #17753f; } .bar.amber, .dot.amber { fill: #9a5b00; }
.bar.red, .dot.red { fill: #c53030; } .bar.none, .dot.none { fill: #616e7c; }
.bar.total { fill: #486581; }
.line { fill: none; stroke: #486581; stroke-width: 2; }
)css";
}

}  // namespace kpi::render
