package io.openvod.platform.ugc;

import io.openvod.signature.ReplayStore;
import java.time.Instant;

/** The signatures already used (a {@link ReplayStore}), kept until they expire and then forgotten. */
public interface UsedSignatures extends ReplayStore {

    /** Forgets the uses whose signature expired before {@code now}; answers how many. */
    int purge(Instant now);
}
