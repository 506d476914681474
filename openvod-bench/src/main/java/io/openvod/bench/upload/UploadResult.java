package io.openvod.bench.upload;

import java.util.Locale;

/**
 * One measured upload. Times are wall-clock nanoseconds of each step; {@code total} runs from
 * signing the first request to the Commit answer.
 *
 * @param label          the run's name
 * @param bytes          the file's size
 * @param partSize       bytes per part
 * @param parallel       parts in flight at once
 * @param client         how the parts were sent: {@code socket} (sendfile) or {@code jdk} (HttpClient)
 * @param parts          parts uploaded
 * @param apply          signing and ApplyUploadUGC
 * @param initiate       Initiate Multipart Upload
 * @param upload         all Upload Part requests, from the first sent to the last answered
 * @param complete       Complete Multipart Upload (the store assembles the object)
 * @param commit         signing and CommitUploadUGC (checks, probing, catalog and outbox transaction)
 * @param total          the whole upload
 * @param clientCpu      CPU time the driver's process used during the upload (all its threads)
 * @param storedBytes    the stored object's size, read back afterwards (HEAD of the media URL)
 * @param sha256         {@code match} or {@code mismatch} when the stored object was downloaded and compared, else {@code not checked}
 * @param fileId         the media's FileId
 */
record UploadResult(String label, long bytes, long partSize, int parallel, String client, int parts, long apply, long initiate,
                    long upload, long complete, long commit, long total, long clientCpu, long storedBytes, String sha256,
                    String fileId) {

    private static final double MIB = 1024.0 * 1024.0;

    double seconds() {
        return total / 1e9;
    }

    double mibPerSecond() {
        return bytes / MIB / seconds();
    }

    /** MiB/s of the Upload Part phase alone. */
    double partsMibPerSecond() {
        return bytes / MIB / (upload / 1e9);
    }

    boolean verified() {
        return storedBytes == bytes && !sha256.equals("mismatch");
    }

    /** Human-readable lines. */
    String summary() {
        String label = "[" + this.label + "] ";
        return label + String.format(Locale.ROOT, "%.1f MiB in %.3f s = %.1f MiB/s (%d parts of %d MiB, %d in flight, %s client)%n",
                bytes / MIB, seconds(), mibPerSecond(), parts, partSize / (1024 * 1024), parallel, client)
                + label + String.format(Locale.ROOT,
                        "steps ms: apply %.1f  initiate %.1f  parts %.1f (%.1f MiB/s)  complete %.1f  commit %.1f%n",
                        apply / 1e6, initiate / 1e6, upload / 1e6, partsMibPerSecond(), complete / 1e6, commit / 1e6)
                + label + String.format(Locale.ROOT, "client CPU %.2f s; stored %d bytes (%s), SHA-256 %s; FileId %s",
                        clientCpu / 1e9, storedBytes, storedBytes == bytes ? "size ok" : "SIZE MISMATCH", sha256, fileId);
    }

    /** One JSON object on one line. */
    String json() {
        return String.format(Locale.ROOT, "{\"label\":\"%s\",\"bytes\":%d,\"partSize\":%d,\"parallel\":%d,\"client\":\"%s\",\"parts\":%d,"
                        + "\"seconds\":%.3f,\"mibPerSecond\":%.1f,\"applyMs\":%.1f,\"initiateMs\":%.1f,\"partsMs\":%.1f,"
                        + "\"partsMibPerSecond\":%.1f,\"completeMs\":%.1f,\"commitMs\":%.1f,\"clientCpuSeconds\":%.2f,"
                        + "\"storedBytes\":%d,\"sha256\":\"%s\",\"fileId\":\"%s\"}",
                label.replace("\\", "\\\\").replace("\"", "\\\""), bytes, partSize, parallel, client, parts, seconds(), mibPerSecond(),
                apply / 1e6, initiate / 1e6, upload / 1e6, partsMibPerSecond(), complete / 1e6, commit / 1e6, clientCpu / 1e9,
                storedBytes, sha256, fileId);
    }
}
