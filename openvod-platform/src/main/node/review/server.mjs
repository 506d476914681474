// OpenVOD content review sidecar.
//
// Classifies video frames with the nsfwjs MobileNetV2 model (shipped inside the nsfwjs package) on
// the TensorFlow.js WASM backend (its .wasm files are read from the installed package), so nothing
// is fetched at run time. The platform starts it as `node server.mjs`, reads the first line of
// standard output, {"port":N,"loadMillis":N,"graph":"folded"} (or {"error":"..."} before exiting
// with status 1 when the model cannot load), and talks to it over loopback HTTP:
//   GET  /health     -> {"status":"ok","model":"MobileNetV2","backend":"wasm","simd":true,"graph":"folded",
//                        "folded":{"convolutions":52,"paddings":5},"loadMillis":N,"limits":{...}}
//   POST /classify   body: one JPEG (at most 32 MiB) -> [{"className":"Neutral","probability":0.93}, ...]
//                    (all five classes: Drawing, Hentai, Neutral, Porn, Sexy, most probable first)
//   POST /classify/rgb?width=W&height=H   body: 1..16 frames of W×H pixels, 3 bytes a pixel (R, G, B),
//                    row by row, frame after frame (at most 32 MiB; W and H 1..8192; Content-Length
//                    required and a whole number of frames) -> one such array per frame, in order
// Either POST takes ?graph=layers to run nsfwjs's own classify() (the reference the folded graph is
// checked against) instead of the folded graph.
// Errors are JSON {"error":"..."}: 400 for a frame that cannot be read or parameters out of range,
// 411 without Content-Length (/classify/rgb), 413 for a body over the limit (sent before the body is
// read; the connection is then closed), 404 for any other path.
//
// What is classified is exactly what nsfwjs.classify() computes: pixels as floats divided by 255,
// resized to 224×224 with tf.image.resizeBilinear(alignCorners = true), through the model. The model
// runs as a "folded" graph: each BatchNormalization is folded into the weights and bias of the
// convolution before it, and the ReLU6 after it and the zero padding before it go into that
// convolution (what TensorFlow's converter does for graph models). Same weights, same layers, same
// arithmetic up to float rounding; it spends no time in the 52 BatchNormalization steps that took
// about half of nsfwjs's time per frame. At start the folded graph is checked against nsfwjs's own
// predict() on a fixed input; when they differ by more than 1e-4 the sidecar uses nsfwjs's predict()
// and /health says "graph":"layers". "folded" counts the convolutions and paddings folded.
// Requests are classified one at a time, in the order they arrive (the WASM backend is single
// threaded in Node.js); a platform keeps two requests under way so that the next frames are
// received while the current ones are classified.
// It exits when its standard input closes, so it never outlives the platform that started it.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const MAX_BODY = 32 * 1024 * 1024;
const MAX_PIXELS = 50 * 1024 * 1024;
const MAX_SIDE = 8192;
const MAX_FRAMES = 16;
const SIZE = 224;
const CLASSES = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"];
const FOLD_TOLERANCE = 1e-4;

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

/**
 * The Keras model's layers as a list of steps, with each Conv2D or DepthwiseConv2D that feeds only
 * a BatchNormalization replaced by one fused convolution whose weights and bias hold the
 * normalisation (and the ReLU or ReLU6 that follows, when it is the normalisation's only consumer);
 * a ZeroPadding2D that feeds only such a convolution becomes that convolution's explicit padding.
 * Every other layer runs as itself.
 */
function foldedGraph(model) {
  const inbound = (layer) => (layer.inboundNodes.length === 1 ? layer.inboundNodes[0].inboundLayers : null);
  const consumers = new Map();
  for (const layer of model.layers) {
    for (const from of inbound(layer) || []) consumers.set(from.name, [...(consumers.get(from.name) || []), layer]);
  }
  const sole = (layer) => {
    const next = consumers.get(layer.name) || [];
    return next.length === 1 ? next[0] : null;
  };
  const steps = [];
  const replaced = new Set();
  const padding = new Map(); // a ZeroPadding2D left out: its name -> its input and its padding
  let folds = 0;
  let paddings = 0;
  for (const layer of model.layers) {
    if (layer.getClassName() === "InputLayer" || replaced.has(layer.name)) continue;
    const inputs = inbound(layer);
    if (inputs == null) throw new Error("layer " + layer.name + " is used more than once");
    let names = inputs.map((l) => l.name);
    if (layer.getClassName() === "ZeroPadding2D" && paddedConvolution(layer, sole)) {
      const [[top, bottom], [left, right]] = layer.getConfig().padding;
      padding.set(layer.name, { input: names[0], pad: [[0, 0], [top, bottom], [left, right], [0, 0]] });
      paddings++;
      continue;
    }
    const padded = names.length === 1 ? padding.get(names[0]) : undefined;
    if (padded) names = [padded.input];
    const fold = foldConvolution(layer, sole, padded && padded.pad);
    if (fold) {
      for (const l of fold.replaces) replaced.add(l.name);
      folds++;
      steps.push({ name: fold.replaces[fold.replaces.length - 1].name, inputs: names, run: fold.run });
    } else if (padded) {
      throw new Error("the padding before " + layer.name + " was left out, but it does not fold");
    } else {
      steps.push({ name: layer.name, inputs: names, run: (...xs) => layer.apply(xs.length === 1 ? xs[0] : xs) });
    }
  }
  const input = model.inputLayers[0].name;
  const output = model.outputLayers[0].name;
  const uses = new Map();
  for (const step of steps) for (const n of step.inputs) uses.set(n, (uses.get(n) || 0) + 1);
  return {
    folds,
    paddings,
    /** The model's output for x; each step's output is disposed once the last step that reads it has run. */
    predict(x) {
      return tf.tidy(() => {
        const values = new Map([[input, x]]);
        const left = new Map(uses);
        for (const step of steps) {
          const y = step.run(...step.inputs.map((n) => values.get(n)));
          values.set(step.name, y);
          for (const n of step.inputs) {
            left.set(n, left.get(n) - 1);
            if (left.get(n) > 0 || n === input) continue;
            const done = values.get(n);
            values.delete(n);
            if (![...values.values()].includes(done)) done.dispose();
          }
        }
        return values.get(output);
      });
    },
  };
}

/** Whether a ZeroPadding2D (channels last) feeds only a "valid" convolution that folds: the padding goes into it. */
function paddedConvolution(layer, sole) {
  const config = layer.getConfig();
  const next = sole(layer);
  return config.dataFormat === "channelsLast" && next != null && next.getConfig().padding === "valid"
    && foldConvolution(next, sole, null, true) != null;
}

function foldConvolution(layer, sole, explicitPad, check) {
  const kind = layer.getClassName();
  if (kind !== "Conv2D" && kind !== "DepthwiseConv2D") return null;
  const conv = layer.getConfig();
  if (conv.activation !== "linear" || conv.dataFormat !== "channelsLast") return null;
  const bn = sole(layer);
  if (!bn || bn.getClassName() !== "BatchNormalization") return null;
  const norm = bn.getConfig();
  if (norm.axis !== -1 && norm.axis !== 3) return null;
  let activation = "linear";
  const replaces = [bn];
  const relu = sole(bn);
  if (relu && relu.getClassName() === "ReLU") {
    const r = relu.getConfig();
    if (!r.negativeSlope && !r.threshold && (r.maxValue === 6 || r.maxValue == null)) {
      activation = r.maxValue === 6 ? "relu6" : "relu";
      replaces.push(relu);
    }
  }
  if (check) return { replaces };
  const [kernel, convBias] = layer.getWeights();
  const weights = bn.getWeights();
  let i = 0;
  const gamma = norm.scale ? weights[i++] : null;
  const beta = norm.center ? weights[i++] : null;
  const mean = weights[i++];
  const variance = weights[i++];
  const { filter, bias } = tf.tidy(() => {
    let scale = tf.rsqrt(variance.add(norm.epsilon));
    if (gamma) scale = scale.mul(gamma);
    // Conv2D kernels are [h, w, in, out]; depthwise kernels [h, w, in, multiplier], output in × multiplier.
    const k = kind === "Conv2D" ? kernel.mul(scale) : kernel.mul(scale.reshape(kernel.shape.slice(2)));
    let b = (conv.useBias ? convBias.sub(mean) : mean.neg()).mul(scale);
    if (beta) b = b.add(beta);
    return { filter: tf.keep(k), bias: tf.keep(b) };
  });
  const pad = explicitPad || conv.padding;
  const args = { filter, bias, strides: conv.strides, pad, dilations: conv.dilationRate, activation };
  const run = kind === "Conv2D" ? (x) => tf.fused.conv2d({ x, ...args }) : (x) => tf.fused.depthwiseConv2d({ x, ...args });
  return { replaces, run };
}

const started = process.hrtime.bigint();
let model;
let graph;
let predict;
let offset; // 255, as nsfwjs divides by it
let folded = { convolutions: 0, paddings: 0 };
try {
  const wasmDir = path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), path.sep);
  wasm.setWasmPaths(wasmDir);
  if (!(await tf.setBackend("wasm"))) {
    throw new Error("the wasm backend did not initialise");
  }
  await tf.ready();
  offset = tf.scalar(255);
  model = await nsfwjs.load("MobileNetV2");
  const layers = (x) => model.model.predict(x);
  predict = layers;
  graph = "layers";
  try {
    const graphFolded = foldedGraph(model.model);
    const difference = tf.tidy(() => {
      const probe = tf.randomUniform([2, SIZE, SIZE, 3], 0, 1, "float32", 20261207);
      return layers(probe).sub(graphFolded.predict(probe)).abs().max().dataSync()[0];
    });
    if (graphFolded.folds > 0 && difference <= FOLD_TOLERANCE) {
      predict = (x) => graphFolded.predict(x);
      graph = "folded";
      folded = { convolutions: graphFolded.folds, paddings: graphFolded.paddings };
    } else {
      console.warn("review sidecar: the folded graph differs from nsfwjs by " + difference + "; using nsfwjs's predict");
    }
  } catch (e) {
    console.warn("review sidecar: cannot fold the model (" + e.message + "); using nsfwjs's predict");
  }
  // One warm-up pass of each path, so that the first real frame is not slower than the others.
  const warm = new Uint8Array(SIZE * SIZE * 3);
  await scores([warm], SIZE, SIZE, true);
  await scores([warm], SIZE, SIZE, false);
} catch (e) {
  fail("the nsfwjs model failed to load: " + (e && e.message ? e.message : String(e)));
}
const loadMillis = Number(process.hrtime.bigint() - started) / 1e6;

/**
 * Scores of frames (each height × width × 3 bytes, 0–255), one frame at a time (a frame's cost does
 * not shrink in a larger batch, its memory grows): nsfwjs's preprocessing, then the model. With
 * reference, nsfwjs's own classify() on an int32 tensor, exactly as the sidecar did before the
 * folded graph.
 */
async function scores(frames, height, width, reference) {
  const results = [];
  for (const pixels of frames) {
    if (reference) {
      const image = tf.tensor3d(pixels, [height, width, 3], "int32");
      try {
        const predictions = await model.classify(image, CLASSES.length);
        results.push(predictions.map((p) => ({ className: p.className, probability: p.probability })));
      } finally {
        image.dispose();
      }
      continue;
    }
    // 0–255 as floats: what nsfwjs's toFloat() makes of its int32 tensor, without the copy and cast.
    const image = tf.tensor4d(new Float32Array(pixels), [1, height, width, 3], "float32");
    const probabilities = tf.tidy(() => {
      const normalized = step(image, (x) => x.div(offset));
      const resized = height === SIZE && width === SIZE ? normalized
        : step(normalized, (x) => tf.image.resizeBilinear(x, [SIZE, SIZE], true));
      return step(resized, predict);
    });
    const values = await probabilities.data();
    probabilities.dispose();
    const classes = CLASSES.map((className, c) => ({ className, probability: values[c] }));
    results.push(classes.sort((a, b) => b.probability - a.probability));
  }
  return results;
}

/** f(x), with x disposed as soon as f is done with it, so that two large tensors live at once at most. */
function step(x, f) {
  const y = tf.tidy(() => f(x));
  if (y !== x) x.dispose();
  return y;
}

class BadRequest extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function classifyJpeg(body, reference) {
  let image;
  try {
    image = jpeg.decode(body, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS / 1e6 });
  } catch (e) {
    throw new BadRequest(400, "not a JPEG this model can read: " + (e && e.message ? e.message : String(e)));
  }
  return scores([image.data], image.height, image.width, reference).then((f) => f[0]);
}

function rgbShape(query) {
  const width = Number(query.get("width"));
  const height = Number(query.get("height"));
  for (const [name, value] of [["width", width], ["height", height]]) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_SIDE) {
      throw new BadRequest(400, name + " must be a whole number within 1.." + MAX_SIDE + ", not " + query.get(name));
    }
  }
  return { width, height, frameBytes: width * height * 3 };
}

function classifyRgb(body, shape, reference) {
  const count = body.length / shape.frameBytes;
  if (!Number.isInteger(count) || count < 1 || count > MAX_FRAMES) {
    throw new BadRequest(400, "the body holds " + body.length + " bytes, not 1.." + MAX_FRAMES + " frames of "
      + shape.width + "x" + shape.height + " RGB (" + shape.frameBytes + " bytes each)");
  }
  const frames = [];
  for (let n = 0; n < count; n++) frames.push(body.subarray(n * shape.frameBytes, (n + 1) * shape.frameBytes));
  return scores(frames, shape.height, shape.width, reference);
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  const headers = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) };
  if (status === 413 || status === 411) headers.Connection = "close";
  res.writeHead(status, headers);
  res.end(text);
}

/** The request's body, refused with 413 before it is read when its announced length is over the limit. */
function readBody(req, requireLength) {
  return new Promise((resolve, reject) => {
    const announced = req.headers["content-length"];
    if (announced === undefined && requireLength) {
      reject(new BadRequest(411, "Content-Length is required"));
      return;
    }
    if (announced !== undefined && Number(announced) > MAX_BODY) {
      reject(new BadRequest(413, "a request body is at most " + MAX_BODY + " bytes"));
      return;
    }
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners("data");
        reject(new BadRequest(413, "a request body is at most " + MAX_BODY + " bytes"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// Classification runs one request at a time: the WASM backend is single threaded here.
let queue = Promise.resolve();
const inTurn = (work) => {
  const result = queue.then(work);
  queue = result.catch(() => {});
  return result;
};

async function handle(req, res) {
  const url = new URL(req.url, "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/health") {
    send(res, 200, {
      status: "ok", model: "MobileNetV2", backend: tf.getBackend(), simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"),
      graph, folded, loadMillis, limits: { body: MAX_BODY, frames: MAX_FRAMES, side: MAX_SIDE },
    });
    return;
  }
  const rgb = url.pathname === "/classify/rgb";
  if (req.method !== "POST" || (url.pathname !== "/classify" && !rgb)) {
    send(res, 404, { error: "not found" });
    return;
  }
  const reference = url.searchParams.get("graph") === "layers";
  try {
    const shape = rgb ? rgbShape(url.searchParams) : null;
    const body = await readBody(req, rgb);
    send(res, 200, await inTurn(() => (rgb ? classifyRgb(body, shape, reference) : classifyJpeg(body, reference))));
  } catch (e) {
    if (!(e instanceof BadRequest)) throw e;
    send(res, e.status, { error: e.message });
    if (e.status === 413 || e.status === 411) res.on("finish", () => req.destroy());
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    if (!res.headersSent) send(res, 500, { error: "classification failed: " + (e && e.message ? e.message : String(e)) });
  });
});
// A client that stops sending mid-body is dropped rather than waited for.
server.requestTimeout = 60_000;
// An idle connection is kept for 2 minutes, longer than the platform's HTTP client keeps one in its
// pool (30 s), so the client always closes first: with Node's default of 5 s, a request sent on a
// pooled connection just as the sidecar closed it failed with no answer.
server.keepAliveTimeout = 120_000;

server.listen(0, "127.0.0.1", () => {
  writeOut(JSON.stringify({ port: server.address().port, loadMillis, graph }));
});
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
