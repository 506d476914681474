package io.openvod.platform.flow.steps;

import java.util.Map;
import java.util.Optional;

/**
 * A preset transcoding template (event-protocol §13.6): H.264 + AAC in MP4 at 25 fps, 44.1 kHz
 * stereo audio.
 *
 * @param definition the template id
 * @param shortSide the picture's shorter side in pixels (the spec's "height" of a landscape video)
 * @param videoKbps the video bitrate
 * @param audioKbps the audio bitrate
 */
record TranscodePreset(long definition, int shortSide, int videoKbps, int audioKbps) {
    static final int FPS = 25;
    static final int SAMPLING_RATE = 44_100;

    private static final Map<Long, TranscodePreset> MP4 = Map.of(
            100010L, new TranscodePreset(100010, 360, 400, 64),
            100020L, new TranscodePreset(100020, 540, 1000, 64),
            100030L, new TranscodePreset(100030, 720, 1800, 128),
            100040L, new TranscodePreset(100040, 1080, 2500, 128),
            100070L, new TranscodePreset(100070, 1440, 3000, 160),
            100080L, new TranscodePreset(100080, 2160, 6000, 160));

    /** The MP4 preset with this id. */
    static Optional<TranscodePreset> mp4(long definition) {
        return Optional.ofNullable(MP4.get(definition));
    }

    /**
     * The output picture size for a source shown at {@code width} x {@code height}: the shorter side
     * becomes the preset's, or stays the source's when that is smaller (never upscaled); the other
     * side keeps the aspect ratio; both are even, as H.264 in 4:2:0 needs.
     *
     * @return {width, height}
     */
    int[] outputSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("no picture size: " + width + "x" + height);
        }
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        int targetShort = even(Math.min(shortSide, shorter));
        int targetLong = even((double) longer * targetShort / shorter);
        return width >= height ? new int[] {targetLong, targetShort} : new int[] {targetShort, targetLong};
    }

    private static int even(double pixels) {
        return Math.max(2, 2 * (int) Math.round(pixels / 2));
    }

    private static int even(int pixels) {
        return Math.max(2, pixels & ~1);
    }
}
