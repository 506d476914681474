// COS request signatures ("q-sign", HMAC-SHA1), as Tencent's cos-js-sdk-v5 computes them for the
// web SDK. SHA-1 is written out here (about 40 lines) instead of using WebCrypto because
// crypto.subtle exists only on https:// and localhost pages, and the page may be served over plain
// http on a LAN address.

const encoder = new TextEncoder();

function utf8(text) {
  return typeof text === 'string' ? encoder.encode(text) : text;
}

function rotl(x, n) {
  return (x << n) | (x >>> (32 - n));
}

/** SHA-1 of a string (UTF-8) or a Uint8Array; answers 20 bytes. */
export function sha1(message) {
  const bytes = utf8(message);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const w = new Int32Array(80);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setInt32(i * 4, h));
  return out;
}

/** HMAC-SHA1 (RFC 2104); key and message are strings (UTF-8) or bytes; answers 20 bytes. */
export function hmacSha1(key, message) {
  let k = utf8(key);
  if (k.length > 64) k = sha1(k);
  const inner = new Uint8Array(64 + utf8(message).length);
  const outer = new Uint8Array(64 + 20);
  for (let i = 0; i < 64; i++) {
    const b = i < k.length ? k[i] : 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  inner.set(utf8(message), 64);
  outer.set(sha1(inner), 64);
  return sha1(outer);
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ as %XX. */
export function rfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function canonical(entries) {
  const list = Object.entries(entries).map(([k, v]) => [rfc3986(k.toLowerCase()), rfc3986(String(v))]);
  list.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { keys: list.map(([k]) => k).join(';'), text: list.map(([k, v]) => k + '=' + v).join('&') };
}

/**
 * The Authorization header value of a COS request.
 * @param {{secretId: string, secretKey: string, start: number, end: number, method: string,
 *          pathname: string, query?: object, headers?: object}} request pathname is "/" + the
 *          un-encoded object key ("/" for bucket-level calls); query and headers are the signed ones.
 */
export function authorization({ secretId, secretKey, start, end, method, pathname, query = {}, headers = {} }) {
  const keyTime = start + ';' + end;
  const signKey = hex(hmacSha1(secretKey, keyTime));
  const params = canonical(query);
  const signed = canonical(headers);
  const httpString = method.toLowerCase() + '\n' + pathname + '\n' + params.text + '\n' + signed.text + '\n';
  const stringToSign = 'sha1\n' + keyTime + '\n' + hex(sha1(httpString)) + '\n';
  const signature = hex(hmacSha1(signKey, stringToSign));
  return 'q-sign-algorithm=sha1&q-ak=' + secretId + '&q-sign-time=' + keyTime + '&q-key-time=' + keyTime
    + '&q-header-list=' + signed.keys + '&q-url-param-list=' + params.keys + '&q-signature=' + signature;
}
