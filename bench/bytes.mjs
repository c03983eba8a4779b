// Counts the bytes a browser downloads to answer a query, for Errata's search and for Pagefind
// on the same built site: every file the query needs, first query on a cold cache, raw and
// gzip-compressed. Usage: node bytes.mjs SITE_DIR QUERIES_JSON  (prints JSON)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const [siteDir, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".wasm": "application/wasm", ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream", ".pagefind": "application/octet-stream" };

fs.writeFileSync(path.join(siteDir, "pagefind-bench.html"), `<!DOCTYPE html><meta charset="utf-8"><script type="module">
const pf = await import("./pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const r = await pf.search(q);
const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
window.benchDone = data.map((d) => d.url);
</script>`);

const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = path.join(siteDir, p.endsWith("/") ? p + "index.html" : p);
  if (!file.startsWith(path.resolve(siteDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"] });

function sizes(file) {
  const body = fs.readFileSync(path.join(siteDir, file));
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
}

async function measure(url, isSearchFile, done, warm) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on("request", (r) => {
    const p = decodeURIComponent(new URL(r.url()).pathname).replace(/^\//, "");
    if (isSearchFile(p)) { files.add(p); }
  });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(done, null, { timeout: 60000 });
  const ms = Date.now() - t0;
  // Typing again: the time from an input to its results. The first edit (a space after the last
  // word, so that it is no longer read as a prefix) may rank other entries first and fetch their
  // parts; the second (another space: the same words) finds every part it needs loaded, which is
  // what the target means by "once the needed files are cached". Both are reported.
  let firstMs = null, warmMs = null;
  if (warm) {
    [firstMs, warmMs] = await page.evaluate(async () => {
      const box = document.getElementById("q");
      const times = [];
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        box.value = box.value + " ";
        await window.errataSearchRun();
        times.push(performance.now() - t);
      }
      return times;
    });
  }
  await context.close();
  let raw = 0, gzip = 0;
  for (const f of files) { const s = sizes(f); raw += s.raw; gzip += s.gzip; }
  return { files: files.size, raw, gzip, ms, firstMs, warmMs };
}

const out = { errata: { paste: [], word: [] }, pagefind: { paste: [], word: [] } };
for (const kind of ["paste", "word"]) {
  for (const q of queries[kind]) {
    const enc = encodeURIComponent(q);
    out.errata[kind].push(await measure(`${base}search.html?q=${enc}`,
      (p) => p.startsWith("search/") || /^assets\/errata-[a-z]+\.js$/.test(p) || p === "assets/search-ui.js",
      () => { const s = document.getElementById("search-status"); return s && s.textContent && s.textContent !== "Searching…"; }, true));
    out.pagefind[kind].push(await measure(`${base}pagefind-bench.html?q=${enc}`,
      (p) => p.startsWith("pagefind/"), () => window.benchDone !== undefined));
  }
}
await browser.close();
server.close();
fs.unlinkSync(path.join(siteDir, "pagefind-bench.html"));
process.stdout.write(JSON.stringify(out));
