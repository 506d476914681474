package io.openvod.client;

/**
 * Why an upload failed: the stable code of an {@link UploadException}, listed in {@code docs/client.md}.
 * {@link #retryable()} says whether running the same upload again later may succeed (it resumes).
 */
public enum UploadError {
    /** A file is missing, unreadable, or an option is out of range. */
    INVALID_ARGUMENT(false, "a file is missing or unreadable, or an option is out of range"),
    /** The {@link SignatureSupplier} failed or gave no signature (the network, or the service failing for a while). */
    SIGNATURE_UNAVAILABLE(true, "the signature supplier failed or returned no signature"),
    /** The {@link SignatureSupplier} was refused ({@link AppRefusedException}): a bad token, a banned user, a policy refusal. */
    SIGNATURE_REFUSED(false, "the signature service refused to sign (a bad token, a banned user, a policy refusal)"),
    /** The platform refused the signature (invalid, unknown key, replayed or still expired after a fresh one). */
    SIGNATURE_REJECTED(false, "the platform refused the upload signature"),
    /** The platform answered a UGC call with another non-zero code ({@link UploadException#platformCode()}). */
    PLATFORM_REJECTED(false, "the platform refused ApplyUploadUGC or CommitUploadUGC"),
    /** The object API refused a request with a 4xx ({@link UploadException#cosCode()}). */
    COS_REJECTED(false, "the COS object API refused a request"),
    /** A part's ETag is not the MD5 of the bytes sent, or the file changed while it was uploaded. */
    INTEGRITY(false, "the bytes stored differ from the local file, or the file changed during the upload"),
    /** The network or the server kept failing (IO errors, 5xx) after every retry. */
    UNAVAILABLE(true, "the platform could not be reached or kept failing after every retry"),
    /** The upload was cancelled; the session record is kept, so the same upload resumes. */
    CANCELLED(true, "the upload was cancelled; running it again resumes it"),
    /** An answer could not be understood (not JSON, not XML, fields missing). */
    PROTOCOL(false, "an answer of the platform could not be understood");

    private final boolean retryable;
    private final String summary;

    UploadError(boolean retryable, String summary) {
        this.retryable = retryable;
        this.summary = summary;
    }

    /** True when the same upload, run again later, may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** What the code means, in one sentence. */
    public String summary() {
        return summary;
    }
}
