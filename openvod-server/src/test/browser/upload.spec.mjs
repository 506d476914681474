// Drives OpenVOD's upload page in headless Chromium (the system's chromium; no browser download):
// sign in, upload a clip with its progress shown, wait until "My videos" shows it published, play it.
//
//   node upload.spec.mjs <appUrl> <clip> [screenshot]
//
// Environment: OPENVOD_WEB_USER / OPENVOD_WEB_PASSWORD (default demo / demo-password, the dev
// stack's demo account), CHROMIUM (default /usr/bin/chromium), OPENVOD_WEB_TIMEOUT_MS (the wait
// for "published", default 120000). Exit 0 when every check passed; 1 with the reason otherwise.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, withPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [appUrl, clip, screenshotArg] = process.argv.slice(2);
if (!appUrl || !clip) {
  console.error('usage: node upload.spec.mjs <appUrl> <clip> [screenshot]');
  process.exit(2);
}
const screenshot = resolve(screenshotArg || join(here, '../../../target/browser/upload.png'));
const user = process.env.OPENVOD_WEB_USER || 'demo';
const password = process.env.OPENVOD_WEB_PASSWORD || 'demo-password';
const publishTimeout = Number(process.env.OPENVOD_WEB_TIMEOUT_MS || 120000);

const ok = await withPage(screenshot, async (page) => {
  await page.goto(appUrl, { waitUntil: 'load' });
  check(await page.title() === 'OpenVOD — upload a video', 'the page loads');

  // The page's q-sign implementation against the spec's test vector (UploadPart, §4.5).
  const vector = await page.evaluate(async () => {
    const { authorization } = await import('/qsign.js');
    return authorization({ secretId: 'AKIDTMPSECRETID000000000000000000000', secretKey: 'TmpSecretKey00000000000000000000',
      start: 1700000000, end: 4102444800, method: 'PUT',
      pathname: '/1500000001/abcdvodgzp1500000001/5285890784418605123/x2eWFXPftMEA.mp4',
      query: { partNumber: 1, uploadId: 'UPLOADID-NEW' }, headers: { 'content-length': 1048576 } });
  });
  check(vector.endsWith('&q-header-list=content-length&q-url-param-list=partnumber;uploadid&q-signature=5073323ebfca21d691bb22482f247594087f650f'),
    'the in-browser COS signature matches the spec vector');

  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Upload a video' }).waitFor();
  check(await page.locator('#who-name').textContent() === user, 'signed in as ' + user);
  check(await page.locator('#moderation').isHidden(), 'the review queue is hidden from a user who is not a moderator');

  await page.getByLabel('Video file').setInputFiles(clip);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const result = page.locator('#upload-result[data-file-id]');
  await result.waitFor({ timeout: 60000 }).catch(async (e) => {
    throw new Error('the upload did not finish: ' + (await page.locator('#upload-error').textContent()) + ' (' + e.message + ')');
  });
  const fileId = await result.getAttribute('data-file-id');
  check(/^\d+$/.test(fileId), 'the upload was committed as FileId ' + fileId);
  check(await page.locator('#progress').evaluate((p) => p.value) === 100, 'the progress bar reached 100 %');
  const progressText = await page.locator('#progress-text').textContent();
  check(/ of .* — 100 % — .*\/s$/.test(progressText), 'the progress text shows bytes, % and speed: ' + progressText);

  const card = page.locator(`#video-list li[data-file-id="${fileId}"]`);
  await card.waitFor({ timeout: 10000 });
  const seen = new Set();
  const deadline = Date.now() + publishTimeout;
  for (;;) {
    const state = await card.getAttribute('data-state').catch(() => null);
    if (state) seen.add(state);
    if (state === 'published') break;
    if (['blocked', 'failed', 'pending_review'].includes(state)) throw new Error('the video ended ' + state + ', not published');
    if (Date.now() > deadline) throw new Error('the video is not published within ' + publishTimeout + ' ms; states seen: ' + [...seen]);
    await page.waitForTimeout(250);
  }
  check(await card.locator('.badge').textContent() === 'published', 'the badge says published (states seen: ' + [...seen].join(' → ') + ')');
  check(await page.locator('#videos-status').textContent() !== '' || seen.size === 1, 'the state change was announced');

  await card.getByRole('button', { name: /^Play / }).click();
  const player = page.locator('#player');
  await page.locator('#player-box').waitFor();
  const src = await player.evaluate((v) => v.currentSrc || v.src);
  check(/^https?:\/\//.test(src), 'the player has a src: ' + src);
  check(await player.getAttribute('data-kind') === 'mp4', 'the player plays MP4');
  const playable = await player.evaluate((v) => new Promise((done) => {
    if (v.readyState >= 1) return done('metadata');
    v.addEventListener('loadedmetadata', () => done('metadata'), { once: true });
    v.addEventListener('error', () => done('error ' + (v.error && v.error.code)), { once: true });
    setTimeout(() => done('timeout'), 10000);
  }));
  check(playable === 'metadata', 'the player loads the video (' + playable + ')');

  // The uploader's multipart path and a cover, with 1 MiB parts: 2.5 MiB of bytes in 3 parts
  // (Initiate, parts in parallel, Complete) and a cover by PUT Object, committed by the platform.
  const multipart = await page.evaluate(async () => {
    const { uploadVideo } = await import('/ugc-upload.js');
    const { token } = JSON.parse(sessionStorage.getItem('openvod.session'));
    const { data: { platformUrl } } = await (await fetch('/api/v1/web-config')).json();
    const bytes = new Uint8Array(2.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const video = new File([bytes], 'parts.mp4', { type: 'video/mp4' });
    const cover = new File([new Uint8Array(2048).fill(7)], 'parts-cover.png', { type: 'image/png' });
    let last = null;
    const done = await uploadVideo({
      platformUrl, video, cover, partSize: 1024 * 1024, onProgress: (p) => { last = p; },
      getSignature: async () => (await (await fetch('/api/v1/upload-signature?fileSize=' + video.size,
        { headers: { Authorization: 'Bearer ' + token } })).json()).data.signature,
    });
    return { fileId: done.fileId, videoUrl: done.video && done.video.url, coverUrl: done.cover && done.cover.url, last };
  });
  check(/^\d+$/.test(multipart.fileId) && multipart.videoUrl && multipart.coverUrl,
    'a multipart upload with a cover is committed as FileId ' + multipart.fileId);
  check(multipart.last.loaded === multipart.last.total && multipart.last.total === 2.5 * 1024 * 1024 + 2048
    && multipart.last.percent === 100, 'its progress counts every byte of the parts and the cover');
  const stored = await page.evaluate(async (url) => (await fetch(url)).arrayBuffer().then((b) => b.byteLength), multipart.videoUrl);
  check(stored === 2.5 * 1024 * 1024, 'the platform serves the assembled object (' + stored + ' bytes)');
});
process.exit(ok ? 0 : 1);
