// Shared by the browser specs: headless Chromium (the system's chromium, no browser download)
// with a fresh profile, a page whose errors fail the run, and a screenshot at the end.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

export function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
  console.log('ok - ' + message);
}

/**
 * Runs body(page) in a new Chromium page; answers true when it passed and the page logged no
 * errors. A screenshot of the page is saved to screenshot in any case.
 */
export async function withPage(screenshot, body) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`not ok - no Chromium at ${executablePath}; run .ci/run (it installs the chromium package) or set CHROMIUM`);
    return false;
  }
  const profile = mkdtempSync(join(tmpdir(), 'openvod-chromium-'));
  const started = Date.now();
  let context;
  let page;
  let passed = true;
  try {
    // The flags keep Chromium off the (closed) network.
    context = await chromium.launchPersistentContext(profile, {
      executablePath, headless: true, viewport: { width: 1100, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] || await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    // Failed loads are judged by URL below (the console's "Failed to load resource" names none).
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push('console error: ' + m.text());
    });
    // A user who is not a moderator gets 403 from the review queue: that is how the page learns it.
    page.on('response', (r) => {
      if (r.status() >= 400 && !(r.status() === 403 && r.url().includes('/api/v1/moderation/queue'))) {
        problems.push('HTTP ' + r.status() + ' for ' + r.request().method() + ' ' + r.url());
      }
    });
    await body(page);
    check(problems.length === 0, 'no page errors' + (problems.length ? ': ' + problems.join('; ') : ''));
  } catch (e) {
    passed = false;
    console.error('not ok - ' + e.message);
  } finally {
    if (page) {
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true }).catch((e) => console.error('no screenshot: ' + e.message));
      console.log('# screenshot: ' + screenshot);
    }
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    console.log('# ' + (passed ? 'passed' : 'failed') + ' in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s');
  }
  return passed;
}
