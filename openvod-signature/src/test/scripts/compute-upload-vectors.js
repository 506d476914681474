#!/usr/bin/env node
// Computes client-upload signature vectors with Node's own `querystring` and `crypto`, the way
// Tencent's Node sample (`createFileUploadSignature`) does, so that the Java signer and verifier
// are checked against an implementation that shares none of their code.
//
// Usage (from the module directory):
//   node src/test/scripts/compute-upload-vectors.js > src/test/resources/vectors/upload-signature-node.json
//
// The script first reproduces the vectors published in the specs and exits non-zero if it cannot.
'use strict';

const crypto = require('crypto');
const querystring = require('querystring');

const SOURCE = 'computed by src/test/scripts/compute-upload-vectors.js';
const SPEC_ID = 'AKIDTESTSECRETID00000000000000000000';
const SPEC_KEY = 'TestSecretKey0000000000000000000';

// The signing step of Tencent's sample: stringify, HMAC-SHA1 over the UTF-8 bytes, then
// Base64(hmac || original). Buffer.from(s, 'utf8') is the non-deprecated `new Buffer(s, 'utf8')`.
function sign(argList, secretKey) {
  const original = querystring.stringify(argList);
  const originalBuffer = Buffer.from(original, 'utf8');
  const hmacBuffer = crypto.createHmac('sha1', secretKey).update(originalBuffer).digest();
  const signature = Buffer.concat([hmacBuffer, originalBuffer]).toString('base64');
  return { original, hmacHex: hmacBuffer.toString('hex'), signature };
}

// The sample's argument list, with the clock and the random number fixed so that the output is
// reproducible. Same keys, same order, same default values.
function seedSampleArgList(secretId, current, random,
    { timeStamp = 86400, procedure = '', classId = 0, oneTimeValid = 0, sourceContext = '' } = {}) {
  const expired = current + timeStamp;
  return {
    secretId,
    currentTimeStamp: current,
    expireTime: expired,
    random,
    procedure,
    classId,
    oneTimeValid,
    sourceContext,
  };
}

// What a verifier reports: every parameter, except optional ones signed with an empty value.
const REQUIRED = ['secretId', 'currentTimeStamp', 'expireTime', 'random'];
function parsed(argList) {
  const out = {};
  for (const [k, v] of Object.entries(argList)) {
    if (REQUIRED.includes(k) || String(v) !== '') {
      out[k] = v;
    }
  }
  return out;
}

function vector(name, description, secretKey, argList) {
  return {
    name,
    description,
    source: SOURCE,
    secretId: argList.secretId,
    secretKey,
    parameters: argList,
    ...sign(argList, secretKey),
    parsed: parsed(argList),
  };
}

function selfCheck() {
  const published = [
    {
      name: 'upload-protocol §2.5 vector A',
      key: SPEC_KEY,
      args: { secretId: SPEC_ID, currentTimeStamp: 1700000000, expireTime: 1700086400, random: 220625 },
      hmacHex: '22d2db49099c87bfcab517b0da8fb3a99a39a8d4',
    },
    {
      name: 'upload-protocol §2.5 vector B',
      key: SPEC_KEY,
      args: {
        secretId: SPEC_ID, currentTimeStamp: 1700000000, expireTime: 1700086400, random: 3141592653,
        procedure: 'QCVB_SimpleProcessFile(1,1)', classId: 0, oneTimeValid: 1,
        sourceContext: 'user 42/测试', vodSubAppId: 1500000001,
      },
      hmacHex: 'a2290b95b4e2f478347ec451d1b665991bc6921b',
    },
    {
      name: 'event-protocol §12.6',
      key: 'VodTestSecretKeyEXAMPLE0123456789',
      args: {
        secretId: 'AKIDEXAMPLEVODTESTVECTOR000000000000', currentTimeStamp: 1700000000,
        expireTime: 1700086400, random: 220625, procedure: 'ReviewAndTranscode',
        taskNotifyMode: 'Finish', sourceContext: 'uid=42&course=7',
      },
      hmacHex: '90d2e70365e4e42d528a7284908478abe88eedf4',
    },
  ];
  for (const p of published) {
    const got = sign(p.args, p.key).hmacHex;
    if (got !== p.hmacHex) {
      throw new Error(`${p.name}: Node computes ${got}, the spec says ${p.hmacHex}`);
    }
  }
}

function vectors() {
  const base = (random, extra = {}) => ({
    secretId: SPEC_ID, currentTimeStamp: 1700000000, expireTime: 1700086400, random, ...extra,
  });
  const cjk1000 = Array.from({ length: 1000 }, (_, i) => String.fromCodePoint(0x4e00 + (i * 37) % 0x5000)).join('');
  const ascii250 = Array.from({ length: 250 }, (_, i) => 'abc &=+/?#%~'[i % 12]).join('');
  return [
    vector('seed-sample-defaults',
      "Tencent's createFileUploadSignature({}) with current time 1700000000 and random 2718281828",
      SPEC_KEY, seedSampleArgList(SPEC_ID, 1700000000, 2718281828)),
    vector('seed-sample-with-arguments',
      'createFileUploadSignature with every sample argument set',
      SPEC_KEY, seedSampleArgList(SPEC_ID, 1700000000, 1, {
        timeStamp: 3600, procedure: 'LongVideoPreset', classId: 7, oneTimeValid: 1, sourceContext: 'order-1024',
      })),
    vector('seed-sample-one-time',
      "Tencent's createFileUploadSignature({oneTimeValid: 1}) with current time 1700000000 and random 2718281828",
      SPEC_KEY, seedSampleArgList(SPEC_ID, 1700000000, 2718281828, { oneTimeValid: 1 })),
    vector('seed-sample-unicode-reusable',
      'createFileUploadSignature with a procedure, a classId and a Unicode sourceContext, oneTimeValid 0',
      SPEC_KEY, seedSampleArgList(SPEC_ID, 1700000000, 3141592653, {
        timeStamp: 600, procedure: 'QCVB_SimpleProcessFile(1,1)', classId: 3, oneTimeValid: 0, sourceContext: 'user 42/测试',
      })),
    vector('seed-sample-unicode-one-time',
      'createFileUploadSignature with a procedure, a classId and a Unicode sourceContext, oneTimeValid 1',
      SPEC_KEY, seedSampleArgList(SPEC_ID, 1700000000, 3141592653, {
        timeStamp: 600, procedure: 'QCVB_SimpleProcessFile(1,1)', classId: 3, oneTimeValid: 1, sourceContext: 'user 42/测试',
      })),
    vector('unicode-cjk', 'CJK characters in procedure and sourceContext', SPEC_KEY,
      base(12345, { procedure: '视频审核', sourceContext: '上传测试/用户42：第一集' })),
    vector('unicode-emoji', 'Emoji (surrogate pairs in UTF-16) and a combining accent', SPEC_KEY,
      base(67890, { sourceContext: '🎬 clip 🙂👍🏽', sessionContext: 'cafe\u0301 ✓ 🚀 done' })),
    vector('reserved-characters', 'Characters with a meaning in URLs and in form encoding', SPEC_KEY,
      base(424242, { procedure: "!'()*~-._", sourceContext: 'a&b=c+d/e?f#g%h i', sessionContext: '%2C%20+ &amp; ?x=1#frag' })),
    vector('all-optional-parameters', 'Every optional parameter, in the signing order', 'k3y/With+Special=Chars&',
      {
        secretId: 'AKIDallOptionalParameters0000000000', currentTimeStamp: 1710000000, expireTime: 1710003600,
        random: 99, procedure: 'QCVB_SimpleProcessFile(1,1,1,1)', classId: 123456, taskPriority: 10,
        taskNotifyMode: 'Change', oneTimeValid: 1, sourceContext: 'src', sessionContext: 'session',
        vodSubAppId: 1500000001, storageRegion: 'ap-chongqing',
      }),
    vector('task-priority-negative', 'Lowest task priority and no task-flow events', SPEC_KEY,
      base(7, { procedure: 'LongVideoPreset', taskPriority: -10, taskNotifyMode: 'None' })),
    vector('task-priority-negative-small', 'A small negative priority', SPEC_KEY,
      base(8, { procedure: 'LongVideoPreset', taskPriority: -3, taskNotifyMode: 'Finish' })),
    vector('context-lengths-at-limit', 'sourceContext of 250 and sessionContext of 1000 characters', SPEC_KEY,
      base(9, { procedure: 'LongVideoPreset', sourceContext: ascii250, sessionContext: cjk1000 })),
    vector('random-2-pow-32', 'random = 2^32, which Math.round(Math.random() * 2^32) can return', SPEC_KEY,
      base(4294967296)),
    vector('random-zero', 'random = 0 and a large classId', SPEC_KEY,
      base(0, { classId: 9007199254740991 })),
    vector('validity-90-days', 'The longest validity: 7 776 000 s', SPEC_KEY,
      { secretId: SPEC_ID, currentTimeStamp: 1700000000, expireTime: 1707776000, random: 31337 }),
    vector('empty-optional-strings', 'Present but empty optional strings are signed as key=', SPEC_KEY,
      base(5, { procedure: '', sourceContext: '', sessionContext: '', storageRegion: '' })),
    vector('unicode-secret-key', 'A secret key outside ASCII (HMAC key is its UTF-8 bytes)', 'clé-秘密-🔑',
      base(6, { sourceContext: 'x' })),
  ];
}

// querystring.escape for every ASCII character and a few beyond, for the QueryString tests.
function escapes() {
  const inputs = [];
  for (let c = 0; c < 128; c++) {
    inputs.push(String.fromCharCode(c));
  }
  inputs.push('\u0080', '\u00e9', '\u07ff', '\u0800', '测', '\uffff', '😀', '\u{10ffff}', 'a b+c');
  return inputs.map((input) => ({ input, escaped: querystring.escape(input) }));
}

selfCheck();
const output = {
  comment: 'Generated by src/test/scripts/compute-upload-vectors.js with Node ' + process.version
    + ' (querystring.stringify + crypto.createHmac(sha1)). Do not edit by hand; re-run the script.',
  vectors: vectors(),
  escapes: escapes(),
};
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
