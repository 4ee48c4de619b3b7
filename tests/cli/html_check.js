// The HTML report as a browser shows it: axe-core's WCAG 2.1 AA rules in Debian's
// chromium at 1280 and 390 px wide, no table wider than the page, no chart label over
// another label or over the 100 % line. Usage:
//   node html_check.js [--screenshots DIR] FILE.html...
// Exit 1 on any finding, listing each; screenshots (optional) as DIR/<name>-<width>.png.
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const args = process.argv.slice(2);
let shots = null;
if (args[0] === "--screenshots") {
  shots = args[1];
  args.splice(0, 2);
}
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// What the page itself can tell: tables cut off, chart texts that overlap.
function layoutProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
  }
  // On a phone every column shows (the rows are laid out as lists); on a wide screen a
  // table wider than its card scrolls inside it, which axe checks the keyboard can reach.
  for (const table of width < 640 ? document.querySelectorAll("table") : []) {
    const box = table.getBoundingClientRect();
    const holder = table.parentElement.getBoundingClientRect();
    if (box.width > holder.width + 1) {
      const title = table.closest("section, .card")?.querySelector("h2, h3")?.textContent ?? "a table";
      problems.push(`${title}: its table is ${Math.round(box.width)} px in ${Math.round(holder.width)} px`);
    }
  }
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                            a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  for (const svg of document.querySelectorAll("svg")) {
    const texts = [...svg.querySelectorAll("text")].map((t) => [t, t.getBoundingClientRect()]);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (overlap(texts[i][1], texts[j][1])) {
          problems.push(`chart "${svg.getAttribute("aria-label")}": "${texts[i][0].textContent}" ` +
                        `overlaps "${texts[j][0].textContent}"`);
        }
      }
    }
    for (const line of svg.querySelectorAll("line.reference")) {
      const l = line.getBoundingClientRect();
      for (const [t, box] of texts) {
        if (t.classList.contains("value") && box.left < l.right - 0.5 && l.left < box.right - 0.5 &&
            box.top < l.bottom && l.top < box.bottom) {
          problems.push(`chart "${svg.getAttribute("aria-label")}": "${t.textContent}" crosses the 100 % line`);
        }
      }
    }
  }
  return problems;
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.KPI_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let failures = 0;
  try {
    for (const file of args) {
      for (const width of [1280, 390]) {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        }));
        const where = `${path.basename(file)} at ${width} px`;
        for (const v of result.violations) {
          for (const node of v.nodes) {
            console.log(`FAIL: ${where}: ${v.id}: ${node.target.join(" ")}: ${node.failureSummary.replace(/\s+/g, " ")}`);
            failures++;
          }
        }
        for (const problem of await page.evaluate(layoutProblems)) {
          console.log(`FAIL: ${where}: ${problem}`);
          failures++;
        }
        if (shots) {
          const name = path.basename(file, ".html");
          await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
        }
        console.log(`${where}: ${result.passes.length} axe rules passed, ${result.violations.length} failed`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failures > 0 ? 1 : 0);
})().catch((e) => {
  console.log("FAIL:", e.message);
  process.exit(1);
});
