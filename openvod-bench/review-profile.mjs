// Summarises V8 CPU profiles (node --cpu-prof) of the review sidecar: where its time went, by kind
// (the model's WebAssembly, TensorFlow.js's JavaScript, the sidecar's own code, Node.js's HTTP and
// other internals, garbage collection, idle) and the functions that took the most time themselves.
//   node review-profile.mjs FILE.cpuprofile...   (the longest profile is summarised: the warm sidecar)
import fs from "node:fs";
import path from "node:path";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node review-profile.mjs FILE.cpuprofile...");
  process.exit(2);
}
const profiles = files.map((file) => ({ file, profile: JSON.parse(fs.readFileSync(file, "utf8")) }));
const span = (p) => p.endTime - p.startTime;
const { file, profile } = profiles.reduce((a, b) => (span(b.profile) > span(a.profile) ? b : a));

function kind(frame) {
  const { functionName: name, url } = frame;
  if (name === "(idle)") return "idle (waiting for a request)";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)") return "V8 and native code outside JavaScript";
  if (url.endsWith(".wasm") || url.startsWith("wasm://") || name.startsWith("wasm-function") || name.startsWith("$")) {
    return "WebAssembly (the model's kernels, resize, cast)";
  }
  if (url.includes("@tensorflow")) return "TensorFlow.js JavaScript (engine, kernel dispatch)";
  if (url.includes("jpeg-js")) return "jpeg-js (JPEG decoding)";
  if (url.includes("nsfwjs")) return "nsfwjs JavaScript";
  if (url.endsWith("server.mjs")) return "server.mjs (the sidecar's own code)";
  if (url.startsWith("node:") || url === "") return "Node.js internals (HTTP, streams, buffers)";
  return "other JavaScript";
}

const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0));
}
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const byKind = new Map();
const byFunction = new Map();
let total = 0;
for (const [id, micros] of self) {
  const frame = nodes.get(id).callFrame;
  total += micros;
  const k = kind(frame);
  byKind.set(k, (byKind.get(k) || 0) + micros);
  const where = frame.url ? path.basename(frame.url) + ":" + (frame.lineNumber + 1) : "";
  const name = (frame.functionName || "(anonymous)") + (where ? " " + where : "");
  byFunction.set(name, (byFunction.get(name) || 0) + micros);
}
const idle = byKind.get("idle (waiting for a request)") || 0;
const busy = total - idle;
const pct = (micros, of) => ((100 * micros) / of).toFixed(1).padStart(5) + " %";
const ms = (micros) => (micros / 1000).toFixed(0).padStart(7) + " ms";
console.log(`profile ${path.basename(file)}: ${(span(profile) / 1e6).toFixed(1)} s, of which busy ${(busy / 1e6).toFixed(1)} s`);
console.log("by kind (share of busy time):");
for (const [k, micros] of [...byKind].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${ms(micros)} ${k === "idle (waiting for a request)" ? "       " : pct(micros, busy)}  ${k}`);
}
console.log("functions with the most self time (share of busy time):");
for (const [name, micros] of [...byFunction].filter(([n]) => n !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`  ${ms(micros)} ${pct(micros, busy)}  ${name}`);
}
