// Runs the site's shipped search engine on the parity inputs and prints what it answers, for
// ParityTest to compare with the Java matcher. Usage: node parity.js SITE_DIR INPUTS_JSON
// The engine's scripts are those the built search page includes, in its order, from the site.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [siteDir, inputsPath] = process.argv.slice(2);

/** The engine's scripts, as search.html includes them. */
function engineScripts() {
  const page = fs.readFileSync(path.join(siteDir, "search.html"), "utf8");
  const out = [];
  for (const m of page.matchAll(/<script src="([^"]*assets\/errata-[a-z]+\.js)"><\/script>/g)) { out.push(m[1]); }
  if (out.length === 0) { throw new Error("search.html includes no engine script"); }
  return out;
}
for (const src of engineScripts()) {
  const file = path.join(siteDir, src);
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
}

let last = null;
globalThis.errataIndex = (name, data) => { last = data; };
function load(name) {
  const file = path.join(siteDir, "search", name + ".js");
  if (!fs.existsSync(file)) { return Promise.reject(new Error("no " + file)); }
  last = null;
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  return Promise.resolve(last);
}

async function main() {
  const inputs = JSON.parse(fs.readFileSync(inputsPath, "utf8"));
  const engine = globalThis.Errata.engine.create(load);
  const out = { pastes: [], words: [] };
  for (const p of inputs.pastes) {
    const r = await engine.match(p.text, { top: 5, lang: p.lang || "en", env: p.env || [] });
    out.pastes.push({ name: p.name, results: r.matches.map((m) => m.id + ":" + m.confidence) });
  }
  for (const q of inputs.words) {
    const hits = await engine.searchWords(q);
    const ids = await engine.entries(hits.slice(0, 5).map((h) => h.entry));
    out.words.push({ query: q, results: hits.slice(0, 5).map((h) => ids[h.entry].id) });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
