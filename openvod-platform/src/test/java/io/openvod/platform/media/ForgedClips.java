package io.openvod.platform.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small MP4 files whose index lies about their length: a couple of tiny frames whose headers
 * ({@code mvhd}, {@code tkhd}, {@code mdhd}) and sample table ({@code stts}) claim hours or days.
 */
public final class ForgedClips {
    private ForgedClips() {
    }

    /** Two 16x16 frames (2 s of real content) whose index claims {@code claimedSeconds}. */
    public static Path longHeader(Path target, long claimedSeconds) {
        TestClips.ffmpeg(target, List.of("-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "color=c=red:size=16x16:rate=1:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "1",
                "-video_track_timescale", "1", "-use_editlist", "0", target.toAbsolutePath().toString()));
        try {
            byte[] bytes = Files.readAllBytes(target);
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int movieScale = b.getInt(box(bytes, "mvhd") + 16);
            b.putInt(box(bytes, "mvhd") + 20, (int) (claimedSeconds * movieScale));
            b.putInt(box(bytes, "tkhd") + 24, (int) (claimedSeconds * movieScale));
            int mdhd = box(bytes, "mdhd");
            int trackScale = b.getInt(mdhd + 16);
            b.putInt(mdhd + 20, (int) (claimedSeconds * trackScale));
            // stts: version/flags, entry count, then (sample count, sample delta) pairs; the last
            // sample is said to last all the claimed time
            int stts = box(bytes, "stts");
            int entries = b.getInt(stts + 8);
            int last = stts + 12 + (entries - 1) * 8;
            b.putInt(last + 4, (int) (claimedSeconds * trackScale));
            Files.write(target, bytes);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of the box type {@code type} (4 bytes after the box's start). */
    private static int box(byte[] bytes, String type) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        for (int i = 4; i + 4 <= bytes.length; i++) {
            if (bytes[i] == name[0] && bytes[i + 1] == name[1] && bytes[i + 2] == name[2] && bytes[i + 3] == name[3]) {
                if (bytes[i + 4] != 0) {
                    throw new IllegalStateException(type + " is not a version-0 box");
                }
                return i;
            }
        }
        throw new IllegalStateException("no " + type + " box");
    }
}
