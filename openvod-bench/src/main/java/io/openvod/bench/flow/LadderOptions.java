package io.openvod.bench.flow;

import java.nio.file.Path;

/**
 * The options of {@link RenditionLadderBench}.
 *
 * @param dir where the clip, the outputs and the platform nodes go
 * @param rounds measured rounds (after one unmeasured pass of each)
 * @param seconds the clip's length
 * @param width the clip's width
 * @param height the clip's height
 * @param lanes how many runs per rendition go at once (the flow's workers: 2 by default)
 * @param flows whether the flows are measured too
 * @param pollMs the flow engine's poll
 */
record LadderOptions(Path dir, int rounds, int seconds, int width, int height, int lanes, boolean flows, long pollMs) {
    static final String USAGE = "usage: RenditionLadderBench --dir DIR [--rounds 5] [--seconds 30] [--size 1280x720] [--lanes 2] "
            + "[--no-flow] [--poll-ms 500]";

    static LadderOptions parse(String[] args) {
        Path dir = null;
        int rounds = 5;
        int seconds = 30;
        int width = 1280;
        int height = 720;
        int lanes = 2;
        boolean flows = true;
        long pollMs = 500;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-flow")) {
                flows = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option + "; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--dir" -> dir = Path.of(value);
                case "--rounds" -> rounds = positive(option, value);
                case "--seconds" -> seconds = positive(option, value);
                case "--lanes" -> lanes = positive(option, value);
                case "--poll-ms" -> pollMs = positive(option, value);
                case "--size" -> {
                    String[] wh = value.split("x");
                    if (wh.length != 2) {
                        throw new IllegalArgumentException("--size takes WIDTHxHEIGHT, not " + value);
                    }
                    width = positive(option, wh[0]);
                    height = positive(option, wh[1]);
                    if (width % 2 != 0 || height % 2 != 0) {
                        throw new IllegalArgumentException("--size takes even sizes, not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required; " + USAGE);
        }
        return new LadderOptions(dir, rounds, seconds, width, height, lanes, flows, pollMs);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive number, not " + value);
    }
}
