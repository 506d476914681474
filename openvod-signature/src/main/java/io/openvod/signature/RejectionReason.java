package io.openvod.signature;

/**
 * Why a verifier refused a signature. Each scheme has its own enum of reasons; they share this
 * shape so that callers can report any of them the same way.
 */
public interface RejectionReason {

    /** A stable, upper-case identifier such as {@code BAD_MAC}; safe to log and to document. */
    String code();

    /** One sentence for humans; never contains secret material. */
    String description();
}
