// The review queue of OpenVOD's page in headless Chromium: signed out, the page shows the sign-in
// form and nobody signed in; a moderator sees a queued video with its cover and review result, plays
// it, approves it with the keyboard; its owner then sees it published. With failedFileId, a video of
// the owner that is not playable is not in the queue, and its owner sees why it failed.
//
//   node moderation.spec.mjs <appUrl> <fileId> [screenshot] [failedFileId]
//
// Environment: OPENVOD_WEB_MODERATOR / OPENVOD_WEB_MODERATOR_PASSWORD (default mia / mia-password),
// OPENVOD_WEB_USER / OPENVOD_WEB_PASSWORD (the owner; default demo / demo-password), CHROMIUM.
// Exit 0 when every check passed; 1 with the reason otherwise.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, withPage } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [appUrl, fileId, screenshotArg, failedFileId] = process.argv.slice(2);
if (!appUrl || !fileId) {
  console.error('usage: node moderation.spec.mjs <appUrl> <fileId> [screenshot]');
  process.exit(2);
}
const screenshot = resolve(screenshotArg || join(here, '../../../target/browser/moderation.png'));
const moderator = process.env.OPENVOD_WEB_MODERATOR || 'mia';
const moderatorPassword = process.env.OPENVOD_WEB_MODERATOR_PASSWORD || 'mia-password';
const owner = process.env.OPENVOD_WEB_USER || 'demo';
const ownerPassword = process.env.OPENVOD_WEB_PASSWORD || 'demo-password';

async function signIn(page, user, password) {
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Upload a video' }).waitFor();
}

/** Nobody is signed in: the page shows the sign-in form and nothing of a signed-in user. */
async function checkSignedOut(page, when) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  check(await page.getByLabel('User name').isVisible() && await page.getByLabel('Password').isVisible()
    && await page.getByRole('button', { name: 'Sign in', exact: true }).isVisible(), when + ', the page shows the sign-in form');
  check(await page.getByText('Signed in as').isHidden() && await page.getByRole('button', { name: 'Sign out' }).isHidden()
    && await page.locator('#who').isHidden(), when + ', the page shows no "Signed in as" and no "Sign out"');
}

const ok = await withPage(screenshot, async (page) => {
  await page.goto(appUrl, { waitUntil: 'load' });
  await checkSignedOut(page, 'before anyone signs in');
  await signIn(page, moderator, moderatorPassword);
  check(await page.getByText('Signed in as').isVisible(), 'signed in, the page says who is signed in');
  const queued = page.locator(`#queue li[data-file-id="${fileId}"]`);
  await queued.waitFor({ timeout: 10000 });
  check(await page.getByRole('heading', { name: 'Review queue' }).isVisible(), 'a moderator sees the review queue');
  const text = await queued.textContent();
  check(text.includes('pending_review') && text.includes('Uploaded by ' + owner), 'the queued video shows its state and owner');
  check(/Review: review, confidence 72\.5, label porn/.test(text), 'the queued video shows the review suggestion, confidence and label');
  check(await queued.locator('img').getAttribute('alt') === 'Cover of holiday', 'the cover is shown with a text alternative');
  check(await queued.getByRole('link', { name: 'Open the media' }).getAttribute('href') !== '', 'a link opens the media');
  if (failedFileId) {
    check(await page.locator(`#queue li[data-file-id="${failedFileId}"]`).count() === 0, 'a video that is not playable is not queued');
  }

  await queued.getByRole('button', { name: 'Play holiday' }).click();
  const player = page.locator('#player');
  await page.locator('#player-box').waitFor();
  check(/\/holiday\.f100010\.mp4$/.test(await player.getAttribute('src')), 'the player plays the transcoded MP4');
  const nativeHls = await player.evaluate((v) => v.canPlayType('application/vnd.apple.mpegurl'));
  const hlsButton = page.locator('#player-sources').getByRole('button', { name: 'HLS (adaptive)' });
  if (nativeHls) {
    check(await hlsButton.count() === 1, 'this browser plays HLS natively ("' + nativeHls + '"), so HLS is offered');
    await hlsButton.click();
    check(/master\.m3u8$/.test(await player.getAttribute('src')) && await hlsButton.getAttribute('aria-pressed') === 'true',
      'choosing HLS plays the stream');
  }
  // A browser without native HLS, whatever this one is.
  await page.evaluate(() => {
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type) {
      return type === 'application/vnd.apple.mpegurl' ? '' : canPlayType.call(this, type);
    };
  });
  await queued.getByRole('button', { name: 'Play holiday' }).click();
  check(await hlsButton.count() === 0 && /\/holiday\.f100010\.mp4$/.test(await player.getAttribute('src'))
    && /HLS needs a browser with built-in HLS support/.test(await page.locator('#player-note').textContent()),
  'without native HLS the page plays the MP4 and says that HLS needs a browser that has it');

  const approve = queued.getByRole('button', { name: 'Approve holiday' });
  await approve.focus();
  await page.keyboard.press('Enter');
  await page.locator('#queue-status', { hasText: 'holiday approved.' }).waitFor({ timeout: 10000 }).catch(async (e) => {
    throw new Error('no approval: "' + await page.locator('#queue-status').textContent() + '" (' + e.message + ')');
  });
  await page.locator('#queue li').first().waitFor({ state: 'detached', timeout: 10000 });
  check(await page.locator('#queue li').count() === 0, 'approved with the keyboard, the video leaves the queue');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await checkSignedOut(page, 'after signing out');
  await signIn(page, owner, ownerPassword);
  const mine = page.locator(`#video-list li[data-file-id="${fileId}"]`);
  await mine.waitFor({ timeout: 10000 });
  check(await mine.locator('.badge').textContent() === 'published', 'its owner sees the approved video published');
  if (failedFileId) {
    const failed = page.locator(`#video-list li[data-file-id="${failedFileId}"]`);
    check(await failed.locator('.badge').textContent() === 'failed'
      && await failed.locator('.reason').textContent() === 'Failed: not a playable video'
      && await failed.getByRole('button', { name: /^Play/ }).count() === 0,
    'its owner sees the unplayable video failed, with the reason, and nothing to play');
  }
  check(await page.locator('#moderation').isHidden(), 'the owner, not a moderator, has no review queue');
});
process.exit(ok ? 0 : 1);
