// OpenVOD content review sidecar.
//
// Classifies JPEG frames with the nsfwjs MobileNetV2 model (shipped inside the nsfwjs package) on
// the TensorFlow.js WASM backend (its .wasm files are read from the installed package), so nothing
// is fetched at run time. The platform starts it as `node server.mjs`, reads the first line of
// standard output, {"port":N} (or {"error":"..."} before exiting with status 1 when the model
// cannot load), and talks to it over loopback HTTP:
//   GET  /health    -> {"status":"ok","model":"MobileNetV2","backend":"wasm","loadMillis":N}
//   POST /classify  (body: one JPEG) -> [{"className":"Neutral","probability":0.93}, ...] (all five
//                   classes: Drawing, Hentai, Neutral, Porn, Sexy, most probable first)
// It exits when its standard input closes, so it never outlives the platform that started it.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const MAX_BODY = 32 * 1024 * 1024;
const MAX_PIXELS = 50 * 1024 * 1024;

// Standard output carries only the one line the platform reads; libraries' logs go to standard error.
const writeOut = (line) => process.stdout.write(line + "\n");
console.log = console.info = console.warn = (...args) => process.stderr.write(args.join(" ") + "\n");

function fail(message) {
  writeOut(JSON.stringify({ error: message }));
  process.exit(1);
}

let tf, wasm, nsfwjs, jpeg;
try {
  tf = await import("@tensorflow/tfjs");
  wasm = await import("@tensorflow/tfjs-backend-wasm");
  nsfwjs = await import("nsfwjs");
  jpeg = require("jpeg-js");
} catch (e) {
  fail("cannot load the review packages (run npm ci in " + here + "): " + e.message);
}

const started = process.hrtime.bigint();
let model;
try {
  const wasmDir = path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), path.sep);
  wasm.setWasmPaths(wasmDir);
  if (!(await tf.setBackend("wasm"))) {
    throw new Error("the wasm backend did not initialise");
  }
  await tf.ready();
  model = await nsfwjs.load("MobileNetV2");
  // One warm-up pass, so that the first real frame is not slower than the others.
  const warm = tf.zeros([224, 224, 3], "int32");
  await model.classify(warm, 5);
  warm.dispose();
} catch (e) {
  fail("the nsfwjs model failed to load: " + (e && e.message ? e.message : String(e)));
}
const loadMillis = Number(process.hrtime.bigint() - started) / 1e6;

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

async function classify(buffer) {
  const image = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS / 1e6 });
  const pixels = tf.tensor3d(image.data, [image.height, image.width, 3], "int32");
  try {
    const predictions = await model.classify(pixels, 5);
    return predictions.map((p) => ({ className: p.className, probability: p.probability }));
  } finally {
    pixels.dispose();
  }
}

// Classification runs one frame at a time: the WASM backend is single threaded here.
let queue = Promise.resolve();

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") {
    send(res, 200, { status: "ok", model: "MobileNetV2", backend: tf.getBackend(), loadMillis });
    return;
  }
  if (req.method !== "POST" || req.url !== "/classify") {
    send(res, 404, { error: "not found" });
    return;
  }
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      send(res, 413, { error: "a frame is at most " + MAX_BODY + " bytes" });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (size > MAX_BODY) return;
    queue = queue.then(async () => {
      try {
        send(res, 200, await classify(Buffer.concat(chunks)));
      } catch (e) {
        send(res, 400, { error: "not a JPEG this model can read: " + (e && e.message ? e.message : String(e)) });
      }
    });
  });
});

server.listen(0, "127.0.0.1", () => {
  writeOut(JSON.stringify({ port: server.address().port, loadMillis }));
});
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
