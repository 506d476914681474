package io.openvod.platform.review;

import java.util.Map;

/**
 * One frame's class probabilities from the nsfwjs model: {@code Drawing}, {@code Hentai},
 * {@code Neutral}, {@code Porn}, {@code Sexy}, each 0–1, summing to about 1.
 */
public record FrameScores(Map<String, Double> probabilities) {
    public static final String DRAWING = "Drawing";
    public static final String HENTAI = "Hentai";
    public static final String NEUTRAL = "Neutral";
    public static final String PORN = "Porn";
    public static final String SEXY = "Sexy";

    public FrameScores {
        probabilities = Map.copyOf(probabilities);
    }

    /** A class's probability, 0 when the model did not report it. */
    public double probability(String className) {
        return probabilities.getOrDefault(className, 0.0);
    }

    /**
     * The score of Tencent's {@code porn} label: the larger of {@code Porn} (photographic) and
     * {@code Hentai} (drawn) explicit content.
     */
    public double porn() {
        return Math.max(probability(PORN), probability(HENTAI));
    }

    /** The score of Tencent's {@code sexy} label: the model's {@code Sexy} class (suggestive, not explicit). */
    public double sexy() {
        return probability(SEXY);
    }
}
