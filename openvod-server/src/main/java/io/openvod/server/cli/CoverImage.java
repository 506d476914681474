package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --cover} accepts: a file whose extension is one of the image types Tencent VOD
 * takes as a cover. Anything else is {@code INVALID_ARGUMENT} (exit 2) before anything is sent.
 */
final class CoverImage {
    /** The cover types of Tencent VOD's upload from client. */
    static final List<String> TYPES = List.of("jpg", "jpeg", "png", "gif", "bmp", "tiff", "ai", "cdr", "eps");

    private CoverImage() {
    }

    static void check(Path cover) {
        if (!Files.isRegularFile(cover)) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "'" + cover + "' is not a file"
                    + (Files.exists(cover) ? "" : " (no such path)") + ": give the path of the cover image");
        }
        String name = cover.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--cover " + cover + ": a cover is an image of type "
                    + String.join(", ", TYPES) + (type.isEmpty() ? "; the file has no extension" : "; ." + type + " is not one of them"));
        }
    }
}
