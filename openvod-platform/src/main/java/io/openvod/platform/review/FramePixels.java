package io.openvod.platform.review;

import io.openvod.platform.flow.StepFailure;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes a JPEG frame and scales it to a square of RGB pixels, as an image model's input. */
final class FramePixels {
    private FramePixels() {
    }

    /**
     * The frame resized (bilinear) to {@code size}×{@code size}, as packed {@code 0xRRGGBB} values
     * row by row.
     *
     * @throws StepFailure {@link ContentReviewer#INVALID_INPUT} when the file is not a readable
     *     JPEG; {@code InternalError} when it does not exist
     */
    static int[] rgb(Path jpeg, int size) throws StepFailure {
        BufferedImage image = decode(jpeg);
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return scaled.getRGB(0, 0, size, size, null, 0, size);
    }

    private static BufferedImage decode(Path jpeg) throws StepFailure {
        if (!Files.isRegularFile(jpeg)) {
            throw new StepFailure("InternalError", "no frame " + jpeg.getFileName() + " to review", true,
                    new NoSuchFileException(jpeg.toString()));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            ImageReader reader = readers == null ? null : next(readers);
            if (reader == null || !reader.getFormatName().equalsIgnoreCase("jpeg")) {
                if (reader != null) {
                    reader.dispose();
                }
                throw invalid(jpeg, "not a JPEG image", null);
            }
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw invalid(jpeg, "the JPEG cannot be decoded (" + e.getMessage() + ")", e);
        }
    }

    private static ImageReader next(Iterator<ImageReader> readers) {
        return readers.hasNext() ? readers.next() : null;
    }

    private static StepFailure invalid(Path jpeg, String reason, Throwable cause) {
        return cause == null ? new StepFailure(ContentReviewer.INVALID_INPUT, "frame " + jpeg.getFileName() + ": " + reason, false)
                : new StepFailure(ContentReviewer.INVALID_INPUT, "frame " + jpeg.getFileName() + ": " + reason, false, cause);
    }
}
