// Uploads a video (and an optional cover) the way Tencent's web SDK vod-js-sdk-v6 does:
// ApplyUploadUGC on the platform's UGC API, the bytes to its COS-compatible object API signed with
// the session's temporary credentials, then CommitUploadUGC. Every UGC call carries a fresh
// signature from the app (getSignature), as one-time signatures require.
//
// Differences from the SDK, all within what the platform accepts: COS requests are path style
// (<platformUrl>/<bucket>-<appid>/<key>) instead of <bucket>-<appid>.cos.<region>.myqcloud.com;
// files up to one part are sent with a single PUT Object; no region race (PrepareUploadUGC), no
// VOD-level resume and no telemetry.

import { authorization, rfc3986 } from './qsign.js';

export const PART_SIZE = 8 * 1024 * 1024;
const PARALLEL_PARTS = 3;

/** An upload failure: a UGC API code or a COS error code, and the message to show. */
export class UploadError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'UploadError';
    this.code = code;
  }
}

function splitName(fileName) {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? { name: '', type: fileName.toLowerCase() } : { name: fileName.slice(0, dot), type: fileName.slice(dot + 1).toLowerCase() };
}

async function ugc(platformUrl, action, body, signal) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    let response;
    try {
      response = await fetch(platformUrl + '/v3/index.php?Action=' + action, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await body()), signal,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      lastError = new UploadError(action + ': the platform cannot be reached (' + e.message + ')', 'NETWORK');
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const answer = await response.json().catch(() => null);
    if (!response.ok || !answer) {
      throw new UploadError(action + ': HTTP ' + response.status, 'HTTP_' + response.status);
    }
    if (answer.code !== 0) {
      throw new UploadError(action + ': ' + answer.message + ' (' + answer.code + ')', answer.code);
    }
    return answer.data;
  }
  throw lastError;
}

function cosError(status, text) {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] || 'HTTP_' + status;
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] || '';
  return new UploadError('object storage refused the request: ' + code + (message ? ' — ' + message : ''), code);
}

/** One COS request over XMLHttpRequest (fetch reports no upload progress). */
function xhr(method, url, { headers = {}, body = null, onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    if (onProgress) request.upload.onprogress = (e) => onProgress(e.loaded);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request);
      else reject(cosError(request.status, request.responseText));
    };
    request.onerror = () => reject(new UploadError('object storage cannot be reached (network or CORS)', 'NETWORK'));
    request.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

/** A COS client for the session that an ApplyUploadUGC answer describes. */
function cosClient(platformUrl, apply) {
  const bucket = apply.storageBucket + '-' + apply.storageAppId;
  const certificate = apply.tempCertificate;
  return function request(method, key, { query = {}, signedHeaders = {}, headers = {}, body, onProgress, signal }) {
    const pathname = '/' + key;
    const auth = authorization({
      secretId: certificate.secretId, secretKey: certificate.secretKey, start: apply.timestamp, end: certificate.expiredTime,
      method, pathname, query, headers: signedHeaders,
    });
    const search = Object.entries(query).map(([k, v]) => rfc3986(k) + (v === '' ? '' : '=' + rfc3986(String(v)))).join('&');
    const url = platformUrl + '/' + bucket + '/' + key.split('/').map(rfc3986).join('/') + (search ? '?' + search : '');
    return xhr(method, url, {
      headers: { ...headers, Authorization: auth, 'x-cos-security-token': certificate.token }, body, onProgress, signal,
    });
  };
}

/** Sends one file to key: a PUT Object up to partSize bytes, else a multipart upload in parts of partSize. */
async function putFile(cos, key, file, partSize, progress, signal) {
  if (file.size <= partSize) {
    await cos('PUT', key, { signedHeaders: { 'content-length': file.size }, body: file, onProgress: (n) => progress(0, n), signal });
    progress(0, file.size);
    return;
  }
  const initiated = await cos('POST', key, { query: { uploads: '' }, signal });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(initiated.responseText)?.[1];
  if (!uploadId) throw new UploadError('object storage started no multipart upload', 'NoSuchUpload');
  const count = Math.ceil(file.size / partSize);
  const etags = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const part = file.slice(index * partSize, Math.min(file.size, (index + 1) * partSize));
      const answer = await cos('PUT', key, {
        query: { partNumber: index + 1, uploadId }, signedHeaders: { 'content-length': part.size }, body: part,
        onProgress: (n) => progress(index, n), signal,
      });
      etags[index] = answer.getResponseHeader('ETag');
      if (!etags[index]) throw new UploadError('object storage answered a part without a readable ETag (CORS Expose-Headers)', 'NoETag');
      progress(index, part.size);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, count) }, worker));
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><CompleteMultipartUpload>'
    + etags.map((etag, i) => '<Part><PartNumber>' + (i + 1) + '</PartNumber><ETag>' + escape(etag) + '</ETag></Part>').join('')
    + '</CompleteMultipartUpload>';
  await cos('POST', key, { query: { uploadId }, headers: { 'Content-Type': 'application/xml' }, body: xml, signal });
}

/**
 * Uploads video (a File) and an optional cover; answers CommitUploadUGC's data
 * ({fileId, video: {url}, cover?: {url}}).
 * onProgress({loaded, total, percent, speed}) is called as bytes go out (speed in bytes/s).
 * partSize (default PART_SIZE, at least 1 MiB) is the largest file sent in one request and the
 * size of the parts of larger ones.
 */
export async function uploadVideo({
  platformUrl, getSignature, video, cover, mediaName, onProgress = () => {}, signal, partSize = PART_SIZE,
}) {
  if (!(partSize >= 1024 * 1024)) throw new UploadError('partSize must be at least 1 MiB', 'InvalidArgument');
  const base = platformUrl.replace(/\/+$/, '');
  const videoName = splitName(video.name);
  const apply = await ugc(base, 'ApplyUploadUGC', async () => {
    const body = {
      signature: await getSignature(), videoName: mediaName || videoName.name, videoType: videoName.type, videoSize: video.size,
      uploadFromWeb: true,
    };
    if (cover) {
      const coverName = splitName(cover.name);
      Object.assign(body, { coverName: coverName.name, coverType: coverName.type, coverSize: cover.size });
    }
    return body;
  }, signal);
  const cos = cosClient(base, apply);
  const total = video.size + (cover ? cover.size : 0);
  const sent = new Map();
  const samples = [[performance.now(), 0]];
  const report = (file) => (part, loaded) => {
    sent.set(file + ':' + part, loaded);
    let sum = 0;
    for (const n of sent.values()) sum += n;
    const now = performance.now();
    samples.push([now, sum]);
    while (samples.length > 2 && now - samples[0][0] > 3000) samples.shift();
    const [t0, b0] = samples[0];
    const speed = now - t0 > 0 ? ((sum - b0) * 1000) / (now - t0) : 0;
    onProgress({ loaded: sum, total, percent: total ? Math.floor((sum / total) * 100) : 100, speed });
  };
  const key = (storagePath) => storagePath.replace(/^\//, '');
  await putFile(cos, key(apply.video.storagePath), video, partSize, report('video'), signal);
  if (cover) await putFile(cos, key(apply.cover.storagePath), cover, partSize, report('cover'), signal);
  return ugc(base, 'CommitUploadUGC', async () => ({ signature: await getSignature(), vodSessionKey: apply.vodSessionKey }), signal);
}
