package io.openvod.platform.cos;

import java.util.Objects;

/** Where the bytes of a received part are. */
public sealed interface PartPlace {
    /** An object of its own, {@code _multipart/<uploadId>/<partNumber>}. */
    PartPlace OWN_OBJECT = new OwnObject();

    /** At {@code offset} of the upload's draft, on a store that assembles in place (the local disk). */
    record InDraft(long offset) implements PartPlace {
    }

    /** In the store's own multipart upload (S3's), which knows the part by {@code storeEtag}. */
    record InNativeUpload(String storeEtag) implements PartPlace {
        public InNativeUpload {
            Objects.requireNonNull(storeEtag, "storeEtag == null");
        }
    }

    /** An object of its own; use {@link #OWN_OBJECT}. */
    record OwnObject() implements PartPlace {
    }
}
