package io.openvod.app.vod;

import java.io.IOException;

/** Whether the VOD serves a media file: a moderator's decision applied at the VOD (port). */
public interface MediaDistribution {
    /** Decisions stay in the app: the VOD is not told. */
    MediaDistribution NONE = (fileId, forbidden) -> true;

    /**
     * Forbids ({@code forbidden}) or recovers the media's distribution at the VOD.
     *
     * @return false when the VOD does not have the media (deleted there)
     * @throws VodApiException when the VOD refuses the call
     * @throws IOException when the VOD cannot be reached
     */
    boolean set(String fileId, boolean forbidden) throws IOException, InterruptedException;
}
