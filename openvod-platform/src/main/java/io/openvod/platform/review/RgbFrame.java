package io.openvod.platform.review;

import java.util.Objects;

/**
 * One decoded video frame: {@code width} × {@code height} pixels, three bytes a pixel (R, G, B,
 * 0–255), row by row from the top left. The array is not copied; whoever makes a frame hands it
 * over and does not change it afterwards.
 *
 * @param index the frame's place among the frames of its review, from 0 (named in error messages)
 * @param width its width in pixels, at least 1
 * @param height its height in pixels, at least 1
 * @param pixels {@code width × height × 3} bytes
 */
public record RgbFrame(int index, int width, int height, byte[] pixels) {
    public RgbFrame {
        Objects.requireNonNull(pixels, "pixels == null");
        if (index < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("index must not be negative and width and height positive, not " + index + ", "
                    + width + "x" + height);
        }
        if (pixels.length != (long) width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB frame holds " + (long) width * height * 3
                    + " bytes, not " + pixels.length);
        }
    }

    /** How many bytes its pixels take. */
    public int bytes() {
        return pixels.length;
    }
}
