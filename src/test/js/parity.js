// Runs the site's shipped search scripts on one file of parity vectors and prints what they
// give for each vector, by name, for the Java tests to compare with what Java gave
// (dev.errata.testing.Parity). Usage: node parity.js SITE_DIR VECTORS_JSON
// The scripts are those the built search page includes, in its order, from the built site, and
// the constants and rules come from its manifest: what a browser runs.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [siteDir, vectorsPath] = process.argv.slice(2);

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
const Errata = globalThis.Errata;

let last = null;
globalThis.errataIndex = (name, data) => { last = data; };
function load(name) {
  const file = path.join(siteDir, "search", name + ".js");
  if (!fs.existsSync(file)) { return Promise.reject(new Error("no " + file)); }
  last = null;
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  return Promise.resolve(last);
}

const KINDS = { W: "WORD", N: "NUMBER", P: "PATH", C: "CJK" };

/** One function per file of vectors: what the scripts give for a vector. */
const jobs = {
  tokens(v, m) {
    const tokens = Errata.text.tokenize(v.text);
    return {
      tokens: tokens.map((t) => [t.text, KINDS[t.kind], t.start, t.end]),
      terms: Errata.text.terms(tokens, m.compiled)
    };
  },

  versions(v) {
    if (v.range !== undefined) { return { contains: Errata.version.inRange(v.range, v.version) }; }
    if (v.a !== undefined) { return { order: Errata.version.compare(v.a, v.b) }; }
    return { valid: Errata.version.valid(v.text) };
  },

  pastes(v, m) {
    const versions = new Errata.text.Versions(m.compiled);
    const paste = Errata.text.prepare(v.text, m.compiled, versions);
    return {
      lines: paste.lines.map((l) => ({
        errorish: l.errorish, failing: l.failing, level: l.level, number: l.number, order: Errata.text.order(l),
        original: l.original, repeats: l.repeats, lastNumber: l.lastNumber, span: l.span, text: l.text, weight: Errata.text.lineWeight(l)
      })),
      newestFirst: paste.newestFirst,
      session: paste.session,
      totalLines: paste.totalLines,
      truncated: paste.truncated,
      versions: versions.found.map((f) => ({ component: f.component, source: f.source, version: f.version }))
    };
  },

  alignments(v) {
    const template = { explicit: v.template.explicit, items: v.template.items.map((it) => ({ slot: it[0], text: it[1] })) };
    const keyWeight = (k) => {
      if (!Object.prototype.hasOwnProperty.call(v.keyWeights, k)) { throw new Error(v.name + ": no weight for " + k); }
      return v.keyWeights[k];
    };
    const a = Errata.match.align(template, Errata.text.tokenize(v.line), v.weights, keyWeight);
    return {
      contradicted: a.contradicted, coverage: a.coverage, end: a.end, evidence: a.evidence, exact: a.exact,
      matchedLiterals: a.matchedLiterals, matchedTokens: a.matchedTokens, quality: a.quality, start: a.start, tailCut: a.tailCut
    };
  },

  candidates(v) {
    const allowed = {};
    v.keys.forEach((k) => { allowed[k] = true; });
    return { candidates: Errata.match.candidates(v.keys, allowed, v.literal, (k) => v.weights[k]) };
  },

  async words(v, m, engine) {
    const hits = (await engine.searchWords(v.query)).slice(0, 5);
    const infos = await engine.entries(hits.map((h) => h.entry));
    return hits.map((h) => ({ id: infos[h.entry].id, score: h.score, terms: h.terms }));
  },

  async answers(v, m, engine) {
    const r = await engine.match(v.text, { top: 5, lang: v.lang || "en", env: v.env || [] });
    return {
      lines: r.lines,
      results: r.matches.map((x) => ({
        affected: x.affected, confidence: x.confidence, first_line: x.first_line, id: x.id,
        line: x.line === null ? null : { highlights: x.line.highlights, number: x.line.number }, occurrences: x.occurrences, reasons: x.reasons,
        score: x.score, symptom: x.symptom, tokens: x.tokens
      })),
      skipped: r.skipped,
      truncated: r.truncated,
      unexplained: r.unexplained ? r.unexplained.number : null,
      versions: r.versions.map((f) => ({ component: f.component, source: f.source, version: f.version }))
    };
  }
};

async function main() {
  const job = path.basename(vectorsPath, ".json");
  if (!jobs[job]) { throw new Error("no parity job for " + vectorsPath); }
  const file = JSON.parse(fs.readFileSync(vectorsPath, "utf8"));
  const engine = Errata.engine.create(load);
  const m = await engine.manifest();
  const out = {};
  for (const v of file.vectors) {
    try {
      out[v.name] = await jobs[job](v, m, engine);
    } catch (e) {
      out[v.name] = { error: String(e && e.stack || e) };
    }
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
