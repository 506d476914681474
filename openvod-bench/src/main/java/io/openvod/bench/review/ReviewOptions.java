package io.openvod.bench.review;

import java.nio.file.Path;

/**
 * Options of {@link ReviewThroughput}.
 *
 * @param dir where the clip, the frames and the step's work go
 * @param frames how many frames the clip yields (it lasts {@code 2 × frames} seconds, as the review
 *     step takes one frame every 2 s); 1..100
 * @param runs measured runs of each kind (the figures are their medians)
 * @param width the clip's width
 * @param height the clip's height
 * @param sidecar the nsfwjs sidecar's directory ({@code openvod-platform/src/main/node/review})
 * @param node the Node.js executable
 * @param onlyNew measure the new step alone (for profiling it), not the reference, sampling,
 *     classification alone or the model load
 */
record ReviewOptions(Path dir, int frames, int runs, int width, int height, Path sidecar, String node, boolean onlyNew) {
    static final String USAGE = "usage: ReviewThroughput --dir DIR --sidecar DIR [--frames 60] [--runs 5] [--width 640] "
            + "[--height 360] [--node node] [--steps all|new]";

    ReviewOptions {
        if (dir == null || sidecar == null) {
            throw new IllegalArgumentException("--dir and --sidecar are required; " + USAGE);
        }
        if (frames < 1 || frames > 100) {
            throw new IllegalArgumentException("--frames must be within 1..100 (the step takes at most 100)");
        }
        if (runs < 1 || width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("--runs must be positive and --width/--height even, at least 16");
        }
    }

    /** The clip's length in seconds: one frame every 2 s. */
    int seconds() {
        return 2 * frames;
    }

    static ReviewOptions parse(String[] args) {
        Path dir = null;
        Path sidecar = null;
        int frames = 60;
        int runs = 5;
        int width = 640;
        int height = 360;
        String node = "node";
        String steps = "all";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i] + "; " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value);
                case "--sidecar" -> sidecar = Path.of(value);
                case "--frames" -> frames = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--width" -> width = Integer.parseInt(value);
                case "--height" -> height = Integer.parseInt(value);
                case "--node" -> node = value;
                case "--steps" -> steps = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (!steps.equals("all") && !steps.equals("new")) {
            throw new IllegalArgumentException("--steps must be all or new, not " + steps);
        }
        return new ReviewOptions(dir, frames, runs, width, height, sidecar, node, steps.equals("new"));
    }
}
