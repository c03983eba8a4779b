// Which files Errata's search page downloads for each query, gzip bytes by folder of the index
// (k/, t/, e/, w/, manifest, engine scripts): where a query's bytes go.
// Usage: node breakdown.mjs SITE_DIR QUERIES_JSON   (QUERIES_JSON as bench/run writes it; prints JSON)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const [siteDir, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.join(siteDir, p.endsWith("/") ? p + "index.html" : p);
  if (!file.startsWith(path.resolve(siteDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { "Content-Type": file.endsWith(".js") ? "text/javascript" : "text/html" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const out = {};
for (const kind of ["paste", "word"]) {
  out[kind] = [];
  for (const q of queries[kind]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Set();
    page.on("request", (r) => {
      const p = decodeURIComponent(new URL(r.url()).pathname).replace(/^\//, "");
      if (p.startsWith("search/") || /^assets\/errata-[a-z]+\.js$/.test(p) || p === "assets/search-ui.js") files.add(p);
    });
    await page.goto(`${base}search.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => { const s = document.getElementById("search-status"); return s && s.textContent && s.textContent !== "Searching…"; }, null, { timeout: 120000 });
    await context.close();
    const by = {};
    for (const f of files) {
      const key = f.startsWith("search/") ? f.split("/").slice(0, 2).join("/").replace(/\/[^/]*\.js$/, "/") : "engine";
      const k = f.startsWith("search/") && f.split("/").length === 2 ? f : key;
      const body = fs.readFileSync(path.join(siteDir, f));
      by[k] = by[k] || { files: 0, raw: 0, gzip: 0 };
      by[k].files++; by[k].raw += body.length; by[k].gzip += zlib.gzipSync(body, { level: 9 }).length;
    }
    out[kind].push(by);
  }
}
await browser.close();
server.close();
process.stdout.write(JSON.stringify(out));
