// The in-page player. MP4 plays in every browser through <video>. HLS plays only where the browser
// has HLS built in (canPlayType answers non-empty: Safari, iOS, Android, recent Chromium): no HLS
// library is shipped, so elsewhere the MP4 is played and the page says why HLS is not offered.

export const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * What can be played of a video: [{kind, label, url}] (MP4 first) and a note for the user.
 * A transcoded MP4 is preferred over the original file, which may be a format browsers cannot play.
 */
export function playableSources(video, canPlayHls) {
  const playbacks = video.playbacks || [];
  const sources = [];
  const mp4 = playbacks.filter((p) => p.kind === 'mp4' && p.url);
  for (const p of mp4) {
    let label = 'MP4' + (p.height ? ' ' + p.height + 'p' : '');
    if (sources.some((s) => s.label === label)) label += ' (' + p.definition + ')';
    sources.push({ kind: 'mp4', label, url: p.url });
  }
  if (mp4.length === 0 && video.mediaUrl) sources.push({ kind: 'mp4', label: 'Original', url: video.mediaUrl });
  const hls = playbacks.find((p) => p.kind === 'hls' && p.url);
  let note = '';
  if (hls && canPlayHls) {
    sources.push({ kind: 'hls', label: 'HLS (adaptive)', url: hls.url });
  } else if (hls) {
    note = 'This video also has an HLS stream, but HLS needs a browser with built-in HLS support (such as Safari or a recent Chrome); playing the MP4.';
  }
  return { sources, note };
}

/** Shows the player for a video; answers false when nothing of it can be played. */
export function play(video, elements) {
  const { box, player, title, sourcesBox, note } = elements;
  const { sources, note: text } = playableSources(video, player.canPlayType(HLS_TYPE) !== '');
  if (sources.length === 0) return false;
  title.textContent = 'Player: ' + (video.name || video.fileId);
  sourcesBox.replaceChildren();
  const choose = (source) => {
    player.src = source.url;
    player.dataset.kind = source.kind;
    for (const b of sourcesBox.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.url === source.url));
  };
  if (sources.length > 1) {
    for (const source of sources) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = source.label;
      button.dataset.url = source.url;
      button.addEventListener('click', () => choose(source));
      sourcesBox.append(button);
    }
  }
  note.textContent = text;
  if (video.coverUrl) player.poster = video.coverUrl; else player.removeAttribute('poster');
  choose(sources[0]);
  box.hidden = false;
  title.focus();
  return true;
}
