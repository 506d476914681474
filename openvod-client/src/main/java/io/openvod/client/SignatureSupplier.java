package io.openvod.client;

/**
 * Where upload signatures come from: usually the app backend's signature endpoint
 * ({@link AppSignatures#endpoint}), like the web SDK's {@code getSignature}.
 *
 * <p>The uploader asks for a signature before ApplyUploadUGC and CommitUploadUGC unless the last
 * one may be used again (it is not one-time, not expired, and younger than
 * {@link Uploader.Builder#signatureMaxAge}), and asks again when the platform answers that a
 * signature expired ({@code 10010}) or was already used ({@code 10004}). Each call must return a
 * new signature; it may block, and is called from the upload's coordinating thread.
 */
@FunctionalInterface
public interface SignatureSupplier {
    /**
     * A fresh signature; an {@link AppRefusedException} fails the upload with
     * {@link UploadError#SIGNATURE_REFUSED}, any other exception with {@link UploadError#SIGNATURE_UNAVAILABLE}.
     */
    String get() throws Exception;
}
