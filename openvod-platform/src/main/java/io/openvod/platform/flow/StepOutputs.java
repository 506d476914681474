package io.openvod.platform.flow;

import java.nio.file.Path;

/**
 * Stores a step's output files next to the media (in its bucket, under its FileId) and tells
 * their public URLs.
 */
public interface StepOutputs {

    /**
     * Stores {@code file} as the media's output {@code name} (e.g. {@code transcode/100010.mp4},
     * {@code hls/100010/index.m3u8}; letters, digits, {@code . _ - /}), replacing an earlier one,
     * and returns its URL.
     */
    String store(String name, Path file);

    /** The URL an output {@code name} has (or will have once stored); for playlists that name their segments. */
    String url(String name);
}
