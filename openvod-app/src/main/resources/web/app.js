// OpenVOD's upload page: sign in at the app backend, upload with the UGC protocol, watch the
// video's state in "My videos", play published videos, and (for moderators) decide the review queue.

import { uploadVideo } from './ugc-upload.js';
import { play } from './player.js';

const $ = (id) => document.getElementById(id);
const SESSION = 'openvod.session';
const POLL_MS = 2000;
const FINAL = new Set(['published', 'blocked', 'failed']);
const STATE_TEXT = {
  uploaded: 'uploaded', processing: 'processing', published: 'published',
  pending_review: 'pending_review', blocked: 'blocked', failed: 'failed',
};
const STATE_HELP = {
  uploaded: 'received by the platform; waiting for processing',
  processing: 'being processed (review, transcoding)',
  published: 'ready to play',
  pending_review: 'waiting for a moderator',
  blocked: 'blocked by content review or a moderator',
  failed: 'processing failed',
};

let config = { platformUrl: '', signInHint: '' };
let session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
let known = new Map();          // fileId -> state, to announce changes
const justUploaded = new Map(); // fileId -> placeholder until the app hears of the upload
let pollTimer = 0;
let uploading = null;           // AbortController of the running upload

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || 'HTTP ' + status);
    this.status = status;
    this.error = body?.data?.error;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = {};
  if (session) headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  if (!response.ok || !answer || answer.code !== 0) {
    if (response.status === 401 && session && path !== '/api/v1/login') signedOut('Your session has ended; please sign in again.');
    throw new ApiError(response.status, answer);
  }
  return answer.data;
}

function formatBytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
  return node;
}

// --- signing in and out ---

function signedIn() {
  $('sign-in').hidden = true;
  $('who').hidden = false;
  $('who-name').textContent = session.userId;
  $('upload').hidden = false;
  $('videos').hidden = false;
  $('upload-title').focus();
  refreshVideos();
  refreshQueue();
}

function signedOut(message) {
  session = null;
  sessionStorage.removeItem(SESSION);
  clearTimeout(pollTimer);
  uploading?.abort();
  known = new Map();
  justUploaded.clear();
  for (const id of ['who', 'upload', 'videos', 'moderation', 'player-box']) $(id).hidden = true;
  $('player').removeAttribute('src');
  $('video-list').replaceChildren();
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('user').focus();
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = $('user').value.trim();
  const password = $('password').value;
  if (!user || !password) {
    $('sign-in-error').textContent = 'Enter your user name and password.';
    return;
  }
  $('sign-in-error').textContent = '';
  try {
    const data = await api('/api/v1/login', { method: 'POST', body: { user, password } });
    session = { token: data.token, userId: data.userId || user };
    sessionStorage.setItem(SESSION, JSON.stringify(session));
    $('password').value = '';
    signedIn();
  } catch (e) {
    $('sign-in-error').textContent = 'Sign-in failed: ' + e.message;
  }
});

$('sign-out').addEventListener('click', async () => {
  try { await api('/api/v1/logout', { method: 'POST', body: {} }); } catch { /* the session is dropped anyway */ }
  signedOut('You are signed out.');
});

// --- uploading ---

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const video = $('video-file').files[0];
  const cover = $('cover-file').files[0];
  $('upload-error').textContent = '';
  $('upload-result').textContent = '';
  if (!video) {
    $('upload-error').textContent = 'Choose a video file first.';
    $('video-file').focus();
    return;
  }
  uploading = new AbortController();
  $('upload-button').disabled = true;
  $('cancel-button').hidden = false;
  $('progress-box').hidden = false;
  const progress = $('progress');
  const text = $('progress-text');
  progress.value = 0;
  text.textContent = 'Starting the upload of ' + video.name + ' (' + formatBytes(video.size) + ') …';
  let lastSpoken = -1;
  const getSignature = () => api('/api/v1/upload-signature?' + new URLSearchParams({ fileName: video.name, fileSize: String(video.size) }))
    .then((data) => data.signature);
  try {
    const done = await uploadVideo({
      platformUrl: config.platformUrl, getSignature, video, cover, mediaName: $('title').value.trim() || undefined,
      signal: uploading.signal,
      onProgress: ({ loaded, total, percent, speed }) => {
        progress.value = percent;
        progress.setAttribute('aria-valuetext', percent + '%');
        text.textContent = formatBytes(loaded) + ' of ' + formatBytes(total) + ' — ' + percent + ' % — ' + formatBytes(speed) + '/s';
        // Screen readers hear every 10 %, the text shows every update.
        if (Math.floor(percent / 10) !== lastSpoken) {
          lastSpoken = Math.floor(percent / 10);
          $('progress-live').textContent = 'Uploaded ' + percent + ' %';
        }
      },
    });
    progress.value = 100;
    $('progress-live').textContent = '';
    const result = $('upload-result');
    result.dataset.fileId = done.fileId;
    result.textContent = 'Uploaded ' + video.name + ' (FileId ' + done.fileId + '). Its state is shown below as it changes.';
    justUploaded.set(done.fileId, {
      fileId: done.fileId, name: $('title').value.trim() || video.name.replace(/\.[^.]*$/, ''), state: 'uploaded',
      createdAt: new Date().toISOString(), coverUrl: '', playbacks: [],
    });
    $('upload-form').reset();
    refreshVideos();
  } catch (e) {
    $('upload-error').textContent = e.name === 'AbortError' ? 'Upload cancelled.' : 'Upload failed: ' + e.message;
  } finally {
    uploading = null;
    $('upload-button').disabled = false;
    $('cancel-button').hidden = true;
  }
});

$('cancel-button').addEventListener('click', () => uploading?.abort());

// --- my videos ---

function badge(state) {
  return el('span', { className: 'badge ' + state, title: STATE_HELP[state] || '' }, STATE_TEXT[state] || state);
}

function cover(video) {
  return video.coverUrl
    ? el('img', { src: video.coverUrl, alt: 'Cover of ' + (video.name || video.fileId), loading: 'lazy' })
    : el('div', { className: 'cover-missing', 'aria-hidden': 'true' }, 'no cover');
}

function playButton(video) {
  return el('button', {
    type: 'button', className: 'secondary', textContent: 'Play',
    'aria-label': 'Play ' + (video.name || video.fileId),
    onclick: () => play(video, { box: $('player-box'), player: $('player'), title: $('player-title'),
      sourcesBox: $('player-sources'), note: $('player-note') }) || alert('Nothing of this video can be played.'),
  });
}

function reviewText(review) {
  if (!review) return '';
  return 'Review: ' + review.suggestion + (review.confidence !== undefined ? ', confidence ' + review.confidence : '')
    + (review.label ? ', label ' + review.label : '');
}

function videoCard(video) {
  const playable = video.state === 'published' && (video.mediaUrl || (video.playbacks || []).length > 0);
  return el('li', { className: 'card', dataset: { fileId: video.fileId, state: video.state } },
    cover(video),
    el('h3', {}, video.name || video.fileId),
    badge(video.state),
    el('p', { className: 'meta reason' }, video.reason ? 'Failed: ' + video.reason : STATE_HELP[video.state] || ''),
    el('p', { className: 'meta' }, 'FileId ' + video.fileId + (video.createdAt ? ' · ' + new Date(video.createdAt).toLocaleString() : '')),
    video.review ? el('p', { className: 'meta' }, reviewText(video.review)) : null,
    video.moderation ? el('p', { className: 'meta' }, 'A moderator ' + video.moderation.decision + ' it') : null,
    playable ? el('div', { className: 'actions' }, playButton(video)) : null);
}

async function refreshVideos() {
  clearTimeout(pollTimer);
  if (!session) return;
  let videos;
  try {
    videos = (await api('/api/v1/videos?limit=50')).videos;
  } catch (e) {
    $('videos-status').textContent = 'Could not load your videos: ' + e.message;
    if (session) pollTimer = setTimeout(refreshVideos, POLL_MS * 2);
    return;
  }
  for (const v of videos) justUploaded.delete(v.fileId);
  const all = [...justUploaded.values(), ...videos];
  const changes = [];
  for (const v of all) {
    const before = known.get(v.fileId);
    if (before && before !== v.state) changes.push((v.name || v.fileId) + ' is now ' + v.state);
    known.set(v.fileId, v.state);
  }
  if (changes.length) $('videos-status').textContent = changes.join('; ');
  $('video-list').replaceChildren(...all.map(videoCard));
  $('videos-empty').hidden = all.length > 0;
  if (all.some((v) => !FINAL.has(v.state))) pollTimer = setTimeout(refreshVideos, POLL_MS);
}

// --- moderation ---

function queueCard(video) {
  const decide = (decision) => async () => {
    try {
      await api('/api/v1/moderation/videos/' + encodeURIComponent(video.fileId) + '/' + decision, { method: 'POST', body: {} });
      refreshQueue((video.name || video.fileId) + (decision === 'approve' ? ' approved.' : ' blocked.'));
      refreshVideos();
    } catch (e) {
      $('queue-status').textContent = 'The decision on ' + (video.name || video.fileId) + ' failed: ' + e.message;
    }
  };
  const media = video.mediaUrl ? el('a', { href: video.mediaUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open the media') : null;
  return el('li', { className: 'card', dataset: { fileId: video.fileId } },
    cover(video),
    el('h3', {}, video.name || video.fileId),
    badge(video.state),
    el('p', { className: 'meta' }, 'Uploaded by ' + (video.userId || 'unknown') + ' · FileId ' + video.fileId),
    el('p', { className: 'meta' }, reviewText(video.review) || 'No review result'),
    el('div', { className: 'actions' },
      (video.mediaUrl || (video.playbacks || []).length) ? playButton(video) : null, media,
      el('button', { type: 'button', textContent: 'Approve', 'aria-label': 'Approve ' + (video.name || video.fileId), onclick: decide('approve') }),
      el('button', { type: 'button', className: 'danger', textContent: 'Block', 'aria-label': 'Block ' + (video.name || video.fileId), onclick: decide('block') })));
}

/** Reloads the queue; announces news (a decision just made) and whether the queue is empty. */
async function refreshQueue(news = '') {
  if (!session) return;
  try {
    const videos = (await api('/api/v1/moderation/queue?limit=50')).videos;
    $('moderation').hidden = false;
    $('queue').replaceChildren(...videos.map(queueCard));
    $('queue-status').textContent = [news, videos.length === 0 ? 'The queue is empty.' : ''].join(' ').trim();
  } catch (e) {
    $('moderation').hidden = true; // not a moderator (403), or the queue is unavailable
  }
}

$('queue-refresh').addEventListener('click', () => refreshQueue());

$('player-close').addEventListener('click', () => {
  $('player').pause();
  $('player').removeAttribute('src');
  $('player').load();
  $('player-box').hidden = true;
  $('main').focus();
});

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && session) refreshVideos();
});

// --- start ---

try {
  config = await api('/api/v1/web-config');
} catch (e) {
  $('sign-in-error').textContent = 'The app backend cannot be reached: ' + e.message;
}
if (config.signInHint) {
  $('sign-in-hint').textContent = config.signInHint;
  $('sign-in-hint').hidden = false;
}
if (session) signedIn(); else $('user').focus();
