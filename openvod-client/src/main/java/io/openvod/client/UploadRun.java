package io.openvod.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upload from start to end: ApplyUploadUGC (resuming the remembered session when there is
 * one), the video's multipart upload (resuming its remembered upload id), the cover, Complete and
 * CommitUploadUGC; the session record is written as soon as there is something to resume and
 * removed after Commit. {@link #cancel()} interrupts it wherever it is.
 */
final class UploadRun {
    private static final long MAX_COVER_BYTES = 64L << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Uploader.Settings settings;
    private final Path video;
    private final Path cover;
    private volatile boolean cancelled;
    private volatile Thread coordinator;
    private volatile ExecutorService pool;

    UploadRun(Uploader.Settings settings, Path video, Path cover) {
        this.settings = settings;
        this.video = video;
        this.cover = cover;
    }

    void cancel() {
        cancelled = true;
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
        Thread t = coordinator;
        if (t != null) {
            t.interrupt();
        }
    }

    UploadResult run() throws UploadException {
        coordinator = Thread.currentThread();
        try {
            if (cancelled) {
                throw new UploadException(UploadError.CANCELLED, "the upload was cancelled");
            }
            return upload();
        } catch (UploadException e) {
            if (cancelled && e.error() != UploadError.CANCELLED) {
                throw new UploadException(UploadError.CANCELLED, "the upload was cancelled", e);
            }
            throw e;
        } finally {
            ExecutorService p = pool;
            if (p != null) {
                p.shutdownNow();
            }
            coordinator = null;
            Thread.interrupted();
        }
    }

    private UploadResult upload() throws UploadException {
        long size = size(video);
        FileTime mtime = mtime(video);
        if (cover != null && size(cover) > MAX_COVER_BYTES) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "the cover is larger than 64 MiB");
        }
        String key;
        try {
            key = UploadKey.of(video, cover);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read " + video + ": " + e.getMessage(), e);
        }
        Signatures signatures = new Signatures(settings.signatures(), settings.signatureMaxAge(), settings.clock());
        Transport transport = new Transport(settings.connectTimeout(), settings.requestTimeout());
        Retrier retrier = new Retrier(settings.retry());
        UgcApi ugc = new UgcApi(settings.platform(), transport, retrier, signatures);
        CosApi cos = new CosApi(settings.platform(), transport);
        SessionStore store = settings.sessions();

        Map<String, Object> fields = applyFields(size);
        SessionRecord record = store.load(key).orElse(null);
        ApplyAnswer applied = null;
        if (record != null) {
            try {
                applied = apply(ugc, record.vodSessionKey(), fields);
            } catch (UploadException e) {
                if (!Integer.valueOf(UgcApi.SESSION_NOT_FOUND).equals(e.platformCode())) {
                    throw e;
                }
                store.remove(key);
                record = null;
            }
        }
        if (record == null) {
            applied = apply(ugc, null, fields);
            record = new SessionRecord(applied.vodSessionKey(), null, settings.partSize(), false);
            store.save(key, record);
        }
        String vodSessionKey = record.vodSessionKey();
        CosCredentials credentials = new CosCredentials(applied, () -> apply(ugc, vodSessionKey, fields), retrier, settings.clock());
        long partSize = record.partSize();
        int partsTotal = size == 0 ? 0 : PartTransfer.partCount(size, partSize);
        ProgressCounter progress = new ProgressCounter(settings.progress(), size, partsTotal);

        PartTransfer.Outcome outcome = new PartTransfer.Outcome(List.of(), 0, 0, 0);
        if (size == 0) {
            credentials.call(s -> {
                cos.putObject(s, s.videoKey(), new byte[0], Digests.md5Base64(new byte[0]));
                return null;
            });
        } else if (!record.videoComplete()) {
            outcome = transferVideo(cos, credentials, store, key, record, size, partSize, progress);
        } else {
            progress.partResumed(size);
        }
        long coverBytes = 0;
        if (cover != null) {
            byte[] bytes = readCover();
            credentials.call(s -> {
                cos.putObject(s, s.coverKey(), bytes, Digests.md5Base64(bytes));
                return null;
            });
            coverBytes = bytes.length;
        }
        if (size(video) != size || !mtime(video).equals(mtime)) {
            throw new UploadException(UploadError.INTEGRITY, video + " changed during the upload; run it again");
        }
        Map<String, Object> commitFields = new LinkedHashMap<>();
        commitFields.put("vodSessionKey", vodSessionKey);
        Map<String, Object> data = ugc.call("CommitUploadUGC", commitFields);
        String fileId = Json.string(data, "fileId");
        String mediaUrl = Json.string(Json.object(data, "video"), "url");
        String coverUrl = Json.string(Json.object(data, "cover"), "url");
        if (fileId == null || mediaUrl == null) {
            throw new UploadException(UploadError.PROTOCOL, "CommitUploadUGC answered without fileId or video.url");
        }
        store.remove(key);
        return new UploadResult(fileId, mediaUrl, cover == null ? null : coverUrl, outcome.uploaded(), outcome.resumed(),
                outcome.bytesUploaded() + coverBytes);
    }

    /** Resumes or initiates the video's multipart upload, sends the missing parts, completes it and records that. */
    private PartTransfer.Outcome transferVideo(CosApi cos, CosCredentials credentials, SessionStore store, String key, SessionRecord record,
                                        long size, long partSize, ProgressCounter progress) throws UploadException {
        String uploadId = record.uploadId();
        Map<Integer, CosApi.ListedPart> listed = new HashMap<>();
        if (uploadId != null) {
            String id = uploadId;
            try {
                credentials.call(s -> cos.listParts(s, s.videoKey(), id)).forEach(p -> listed.put(p.number(), p));
            } catch (UploadException e) {
                if (!"NoSuchUpload".equals(e.cosCode())) {
                    throw e;
                }
                uploadId = null;
            }
        }
        if (uploadId == null) {
            uploadId = credentials.call(s -> cos.initiate(s, s.videoKey()));
            record = record.withUploadId(uploadId);
            store.save(key, record);
        }
        String id = uploadId;
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "openvod-upload-part-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool = workers;
        if (cancelled) {
            workers.shutdownNow();
            throw new UploadException(UploadError.CANCELLED, "the upload was cancelled");
        }
        PartTransfer.Outcome outcome;
        try (FileChannel channel = FileChannel.open(video, StandardOpenOption.READ)) {
            outcome = new PartTransfer(cos, credentials, progress).upload(workers, channel, size, partSize,
                    credentials.current().videoKey(), id, listed);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read " + video + ": " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
        credentials.call(s -> {
            cos.complete(s, s.videoKey(), id, outcome.etags());
            return null;
        });
        store.save(key, record.completed());
        return outcome;
    }

    private ApplyAnswer apply(UgcApi ugc, String vodSessionKey, Map<String, Object> fields) throws UploadException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (vodSessionKey != null) {
            body.put("vodSessionKey", vodSessionKey);
        }
        body.putAll(fields);
        return ApplyAnswer.from(ugc.call("ApplyUploadUGC", body), cover != null);
    }

    private Map<String, Object> applyFields(long size) throws UploadException {
        Map<String, Object> fields = new LinkedHashMap<>();
        String[] video = nameAndType(this.video);
        fields.put("videoName", video[0]);
        fields.put("videoType", video[1]);
        fields.put("videoSize", size);
        if (cover != null) {
            String[] c = nameAndType(cover);
            fields.put("coverName", c[0]);
            fields.put("coverType", c[1]);
            fields.put("coverSize", size(cover));
        }
        return fields;
    }

    /** The web SDK's split: the name up to the last dot, and the lower-cased extension after it. */
    private static String[] nameAndType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? new String[] {"", name.toLowerCase(java.util.Locale.ROOT)}
                : new String[] {name.substring(0, dot), name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)};
    }

    private byte[] readCover() throws UploadException {
        try {
            return Files.readAllBytes(cover);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read " + cover + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) throws UploadException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UploadException(UploadError.INVALID_ARGUMENT, file + " is not a file");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileTime mtime(Path file) throws UploadException {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
