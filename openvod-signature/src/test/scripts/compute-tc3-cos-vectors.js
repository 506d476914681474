#!/usr/bin/env node
// Independent reference implementation of TC3-HMAC-SHA256 (event-protocol.md §12) and of the
// COS request signature (upload-protocol.md §4.5), using only Node's `crypto`. It shares no code
// with the Java implementation, so the vectors it writes are a second opinion on it.
//
// Usage, from openvod-signature/:   node src/test/scripts/compute-tc3-cos-vectors.js
//
// 1. Recomputes every vector of src/test/resources/vectors/{tc3,cos}.json whose source is a
//    spec section and fails if any published value differs (a check of this script itself).
// 2. Replaces the vectors whose source is this script with freshly computed ones and writes
//    the files back. Running it twice gives identical files.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const SOURCE = 'computed by src/test/scripts/compute-tc3-cos-vectors.js';
const VECTORS = path.join(__dirname, '..', 'resources', 'vectors');

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
const hmac256 = (key, msg) => crypto.createHmac('sha256', key).update(msg, 'utf8').digest();
const sha1 = (data) => crypto.createHash('sha1').update(data, 'utf8').digest('hex');
const hmac1 = (key, msg) => crypto.createHmac('sha1', key).update(msg, 'utf8').digest('hex');

// ---------------------------------------------------------------- TC3-HMAC-SHA256

function bodyBytes(v) {
  return v.bodyBase64 !== undefined ? Buffer.from(v.bodyBase64, 'base64') : Buffer.from(v.body, 'utf8');
}

function tc3(v) {
  const verbatim = v.headerValueCase === 'verbatim';
  const headers = Object.entries(v.headers)
    .map(([k, val]) => [k.trim().toLowerCase(), verbatim ? val.trim() : val.trim().toLowerCase()])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const signedHeaders = headers.map((h) => h[0]).join(';');
  const canonicalHeaders = headers.map(([k, val]) => `${k}:${val}\n`).join('');
  const hashedPayload = sha256(bodyBytes(v));
  const canonicalRequest = [v.method, '/', v.query, canonicalHeaders, signedHeaders, hashedPayload].join('\n');
  const hashedCanonicalRequest = sha256(Buffer.from(canonicalRequest, 'utf8'));
  const date = new Date(v.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${v.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(v.timestamp), credentialScope, hashedCanonicalRequest].join('\n');
  const kDate = hmac256(Buffer.from('TC3' + v.secretKey, 'utf8'), date);
  const kService = hmac256(kDate, v.service);
  const kSigning = hmac256(kService, 'tc3_request');
  const signature = crypto.createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${v.secretId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return {
    hashedPayload, canonicalRequest, hashedCanonicalRequest, stringToSign, credentialScope,
    kDate: kDate.toString('hex'), kService: kService.toString('hex'), kSigning: kSigning.toString('hex'),
    signature, authorization,
  };
}

const VOD = { secretId: 'AKIDEXAMPLEVODTESTVECTOR000000000000', secretKey: 'VodTestSecretKeyEXAMPLE0123456789' };
const JSON_CT = 'application/json; charset=utf-8';

const tc3Inputs = [
  { name: 'vod-get-with-query', ...VOD, service: 'vod', timestamp: 1700003600, method: 'GET',
    query: 'Action=DescribeMediaInfos&FileIds.0=5285890784418605123&Version=2018-07-17&SubAppId=1500000001',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Host: 'vod.tencentcloudapi.com' },
    unsignedHeaders: { 'X-TC-Action': 'DescribeMediaInfos', 'X-TC-Version': '2018-07-17' }, body: '' },
  { name: 'vod-extra-signed-headers-non-ascii-body-just-before-midnight', ...VOD, service: 'vod',
    timestamp: 1700006399, method: 'POST', query: '',
    headers: { 'Content-Type': JSON_CT, Host: 'vod.tencentcloudapi.com', 'X-TC-Action': 'PullEvents',
      'X-TC-Region': 'ap-guangzhou' },
    unsignedHeaders: { 'X-TC-Version': '2018-07-17', 'X-TC-Token': 'temporary-session-token-0001' },
    body: '{"SubAppId":1500000001,"SessionContext":"课程 7 · Übung — 上传 ✓"}' },
  { name: 'vod-empty-body-exactly-midnight', ...VOD, service: 'vod', timestamp: 1700006400, method: 'POST',
    query: '', headers: { 'Content-Type': JSON_CT, Host: 'vod.tencentcloudapi.com' },
    unsignedHeaders: { 'X-TC-Action': 'PullEvents' }, body: '' },
  { name: 'header-names-and-values-are-trimmed-and-lower-cased', ...VOD, service: 'vod',
    timestamp: 1700000123, method: 'POST', query: '',
    headers: { ' CONTENT-TYPE ': '  Application/JSON; Charset=UTF-8 ', Host: ' VOD.TencentCloudAPI.com ',
      'x-tc-language': 'en-US' },
    unsignedHeaders: {}, body: '{"Offset":0,"Limit":10}' },
  { name: 'non-ascii-secret-key-other-service-binary-body', secretId: 'AKIDUNICODEKEY0000000000000000000001',
    secretKey: 'clé-密钥-🔑-0123456789', service: 'cvm', timestamp: 1893456000, method: 'POST', query: '',
    headers: { 'Content-Type': 'application/octet-stream', Host: 'cvm.tencentcloudapi.com' }, unsignedHeaders: {},
    bodyBase64: Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d, 0x7b, 0xc3, 0x28, 0x00]).toString('base64') },
  { name: 'verifier-accepts-values-signed-without-lower-casing', ...VOD, service: 'vod', timestamp: 1700000500,
    method: 'POST', query: '', headerValueCase: 'verbatim', verifyOnly: true,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', Host: 'vod.tencentcloudapi.com' },
    unsignedHeaders: { 'X-TC-Action': 'PullEvents' }, body: '{}' },
];

// ---------------------------------------------------------------- COS q-sign-algorithm=sha1

function rfc3986(s) {
  return Array.from(Buffer.from(String(s), 'utf8'))
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b)
      : '%' + b.toString(16).toUpperCase().padStart(2, '0')))
    .join('');
}

// 'spec': lower-case, then encode; sort by encoded key. 'cos-js': encode, then lower-case; the
// pairs are ordered by the lower-cased raw key and the list by the lower-cased encoded key.
function cosPairs(obj, style) {
  const entries = Object.entries(obj).map(([k, val]) => {
    const key = style === 'spec' ? rfc3986(k.toLowerCase()) : rfc3986(k).toLowerCase();
    return { sortKey: style === 'spec' ? key : k.toLowerCase(), key, val: rfc3986(val) };
  });
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const list = entries.map((e) => e.key).sort().join(';');
  return { str: entries.map((e) => `${e.key}=${e.val}`).join('&'), list };
}

function cos(v) {
  const style = v.keyStyle || 'spec';
  const signTime = v.signTime || v.keyTime;
  const params = cosPairs(v.params, style);
  const headers = cosPairs(v.headers, style);
  const httpString = [v.method.toLowerCase(), v.pathname, params.str, headers.str, ''].join('\n');
  const stringToSign = ['sha1', signTime, sha1(httpString), ''].join('\n');
  const signKey = hmac1(Buffer.from(v.secretKey, 'utf8'), v.keyTime);
  const signature = hmac1(Buffer.from(signKey, 'utf8'), stringToSign);
  const authorization = [`q-sign-algorithm=sha1`, `q-ak=${v.secretId}`, `q-sign-time=${signTime}`,
    `q-key-time=${v.keyTime}`, `q-header-list=${headers.list}`, `q-url-param-list=${params.list}`,
    `q-signature=${signature}`].join('&');
  return { signKey, httpString, stringToSign, headerList: headers.list, urlParamList: params.list, signature,
    authorization };
}

const TMP = { secretId: 'AKIDTMPSECRETID000000000000000000000', secretKey: 'TmpSecretKey00000000000000000000' };
const KEY = '1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4';

const cosInputs = [
  { name: 'put-object-non-ascii-key-and-meta', ...TMP, keyTime: '1700000000;1700001800', method: 'PUT',
    pathname: '/1500000001/视频 文件 (1)+v2.mp4', params: {},
    headers: { 'Content-Length': '0', 'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==', 'x-cos-meta-title': 'Übung 7: «上传» & more',
      'x-cos-storage-class': 'STANDARD' },
    unsignedHeaders: { 'Content-Type': 'video/mp4', 'Cache-Control': '' } },
  { name: 'list-uploads-with-special-characters-in-values', ...TMP, keyTime: '1700000000;1700000900', method: 'GET',
    pathname: '/', params: { uploads: '', prefix: 'a b/c+d~e*f(g)!\'h', 'max-uploads': '10', 'encoding-type': 'url' },
    headers: {}, unsignedHeaders: {} },
  { name: 'host-signed-like-the-java-sdk-with-security-token', ...TMP, keyTime: '1700000000;1700007200',
    securityToken: 'sts-token-ABC123+/=', method: 'GET', pathname: '/' + KEY, params: { uploadId: 'UPLOADID-OLD' },
    headers: { Host: 'abcdvodgzp1500000001-1250000000.cos.ap-guangzhou.myqcloud.com' }, unsignedHeaders: {} },
  { name: 'abort-multipart-upload-delete', ...TMP, keyTime: '1700000000;4102444800', method: 'DELETE',
    pathname: '/' + KEY, params: { uploadId: 'UPLOADID-NEW' }, headers: {}, unsignedHeaders: {},
    unsignedParams: { 'not-signed': 'x' } },
  { name: 'bucket-root-nothing-signed', secretId: 'AKIDPERMANENTKEY00000000000000000001',
    secretKey: 'ключ-permanent-🔐', keyTime: '1699999999;1700000899', method: 'HEAD', pathname: '/', params: {},
    headers: {}, unsignedHeaders: {} },
  { name: 'unusual-keys-spec-style', ...TMP, keyTime: '1700000000;1700003600', method: 'GET', pathname: '/' + KEY,
    params: { 'Ñame(1)': 'v1', 'a/b': 'v2', 'a.b': 'v3', 'response-content-type': 'text/plain' },
    headers: { 'x-cos-meta-a*b': 'star' }, unsignedHeaders: {} },
  { name: 'unusual-keys-cos-js-style', ...TMP, keyTime: '1700000000;1700003600', method: 'GET', pathname: '/' + KEY,
    params: { 'Ñame(1)': 'v1', 'a/b': 'v2', 'a.b': 'v3', 'response-content-type': 'text/plain' },
    headers: { 'x-cos-meta-a*b': 'star' }, unsignedHeaders: {}, keyStyle: 'cos-js', verifyOnly: true },
  { name: 'sign-time-differs-from-key-time', ...TMP, keyTime: '1700000000;1700003600',
    signTime: '1700000100;1700000400', method: 'PUT', pathname: '/' + KEY,
    params: { partNumber: '2', uploadId: 'UPLOADID-NEW' }, headers: { 'Content-Length': '1048576' },
    unsignedHeaders: {}, verifyOnly: true },
];

// ---------------------------------------------------------------- files

function check(file, compute) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const v of doc.vectors.filter((x) => x.source !== SOURCE)) {
    const got = compute(v);
    for (const [field, want] of Object.entries(v.expected)) {
      if (got[field] !== want) {
        throw new Error(`${path.basename(file)} ${v.name}: ${field} is ${JSON.stringify(got[field])}, spec says ${JSON.stringify(want)}`);
      }
    }
    console.log(`ok   ${path.basename(file)} ${v.name} (${v.source}): ${Object.keys(v.expected).length} values reproduced`);
  }
  return doc;
}

function write(file, doc, inputs, compute) {
  doc.vectors = doc.vectors.filter((x) => x.source !== SOURCE);
  for (const input of inputs) {
    const { name, ...rest } = input;
    doc.vectors.push({ name, source: SOURCE, ...rest, expected: compute(input) });
    console.log(`new  ${path.basename(file)} ${name}`);
  }
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

const tc3File = path.join(VECTORS, 'tc3.json');
const cosFile = path.join(VECTORS, 'cos.json');
const tc3Doc = check(tc3File, tc3);
const cosDoc = check(cosFile, cos);
write(tc3File, tc3Doc, tc3Inputs, tc3);
write(cosFile, cosDoc, cosInputs, cos);
