// Renders kpi's Markdown outputs with markdown-it (CommonMark with GFM tables and
// strike-through, links found in bare text) and checks that user text stays text.
// Usage: node markdown_check.js EXPECTED.json FILE.md...
// EXPECTED.json: {"texts": [...]}, strings that must appear, as written, in the rendered
// text of every file that names them (`"files"` maps a file to its texts), and
// {"h1": 1} the number of top-level headings (the document title) each file may hold.
"use strict";
const fs = require("fs");
const MarkdownIt = require("markdown-it");

const md = new MarkdownIt({ html: true, linkify: true });
// What kpi's own Markdown makes: headings, paragraphs, lists, tables, bold labels.
const allowed = new Set(["h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr",
                         "th", "td", "strong"]);
const expected = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let failures = 0;
const fail = (file, what) => {
  console.log(`FAIL: ${file}: ${what}`);
  failures++;
};
const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
                       .replace(/&#39;/g, "'").replace(/&amp;/g, "&");

for (const file of process.argv.slice(3)) {
  const html = md.render(fs.readFileSync(file, "utf8"));
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)];
  for (const [whole, name, attributes] of tags) {
    if (!allowed.has(name.toLowerCase())) {
      fail(file, `markup ${whole} in the rendered page`);
    } else if (attributes.trim() !== "" && !/^ style="text-align:(left|right|center)"$/.test(attributes)) {
      fail(file, `attributes in ${whole}`);
    }
  }
  const h1 = tags.filter(([whole, name]) => name === "h1" && !whole.startsWith("</")).length;
  const wanted_h1 = (expected.h1_exceptions || []).includes(file.split("/").pop()) ? 0 : expected.h1;
  if (h1 !== wanted_h1) {
    fail(file, `${h1} top-level headings, expected ${wanted_h1}`);
  }
  const text = decode(html.replace(/<[^>]*>/g, ""));
  const base = file.split("/").pop();
  for (const wanted of (expected.files || {})[base] || []) {
    if (!text.includes(wanted)) {
      fail(file, `"${wanted}" is not shown as written`);
    }
  }
  console.log(`${file}: ${tags.length} tags checked`);
}
process.exit(failures > 0 ? 1 : 0);
