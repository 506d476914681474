/**
 * The Java upload SDK: uploads a video (and optionally a cover) the way Tencent VOD's client SDKs
 * do — ApplyUploadUGC with a signature from the app backend, a COS multipart upload with the
 * temporary credentials, CommitUploadUGC — to an OpenVOD platform. Depends on the JDK and
 * {@code openvod-signature} only.
 *
 * <pre>{@code
 * String token = AppSignatures.login(URI.create("http://127.0.0.1:8081/"), "demo", "demo-password");
 * Uploader uploader = Uploader.builder()
 *         .platform("http://127.0.0.1:8082")
 *         .signatures(AppSignatures.endpoint(URI.create("http://127.0.0.1:8081/api/v1/upload-signature"), token))
 *         .partSize(8L << 20)                 // default 5 MiB
 *         .concurrency(4)                     // parts in flight
 *         .progress(p -> System.err.printf("%.0f%%%n", p.fraction() * 100))
 *         .build();
 * UploadHandle handle = uploader.start(Path.of("clip.mp4"), Path.of("cover.jpg"));
 * // handle.cancel() stops it; the same start() later resumes it
 * UploadResult result = handle.await();     // throws UploadException with a stable UploadError
 * System.out.println(result.fileId() + " " + result.mediaUrl());
 * }</pre>
 *
 * <p><b>Resume.</b> After Apply the uploader writes a {@link io.openvod.client.SessionRecord}
 * (vodSessionKey, multipart upload id, part size) to its {@link io.openvod.client.SessionStore}
 * under the SHA-256 of the files' paths, sizes and modification times. A later run of the same
 * files applies with that vodSessionKey (fresh credentials, same object keys), lists the parts
 * already stored, keeps those whose size and MD5 match the local file, sends the rest, completes
 * and commits; the record is removed after Commit.
 *
 * <p><b>Failures.</b> Transient failures (IO errors, 5xx, COS throttling) are retried with
 * exponential backoff and jitter ({@link io.openvod.client.RetryPolicy}); a signature the
 * platform calls expired ({@code 10010}) or used ({@code 10004}) is replaced by a new one from the
 * {@link io.openvod.client.SignatureSupplier}; expired COS credentials are renewed. Everything else
 * ends the upload with an {@link io.openvod.client.UploadException}. The protocol is described in
 * {@code docs/client.md}.
 */
package io.openvod.client;
