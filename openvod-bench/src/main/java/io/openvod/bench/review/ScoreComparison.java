package io.openvod.bench.review;

import io.openvod.platform.review.FrameScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two paths' scores of the same frames, compared frame by frame: the largest absolute difference
 * of each class's probability over all frames, and the frames whose verdict differs (the review's
 * suggestion under the default thresholds, 60 and 90, and for a frame that does not pass its label,
 * {@code porn} or {@code sexy}).
 *
 * @param frames how many frames were compared
 * @param maxDifference per class, the largest |new − old| over the frames
 * @param verdictsDiffering the indexes of the frames whose label or suggestion differ
 */
record ScoreComparison(int frames, Map<String, Double> maxDifference, List<Integer> verdictsDiffering) {
    static final List<String> CLASSES = List.of(FrameScores.DRAWING, FrameScores.HENTAI, FrameScores.NEUTRAL,
            FrameScores.PORN, FrameScores.SEXY);

    /** Compares {@code next} with {@code reference}, frame by frame; both must hold the same number of frames. */
    static ScoreComparison of(List<FrameScores> reference, List<FrameScores> next) {
        if (reference.size() != next.size()) {
            throw new IllegalArgumentException("the old path scored " + reference.size() + " frames, the new one " + next.size());
        }
        Map<String, Double> max = new LinkedHashMap<>();
        CLASSES.forEach(c -> max.put(c, 0.0));
        List<Integer> differing = new java.util.ArrayList<>();
        for (int n = 0; n < reference.size(); n++) {
            FrameScores a = reference.get(n);
            FrameScores b = next.get(n);
            for (String c : CLASSES) {
                max.merge(c, Math.abs(a.probability(c) - b.probability(c)), Math::max);
            }
            if (!verdict(a).equals(verdict(b))) {
                differing.add(n);
            }
        }
        return new ScoreComparison(reference.size(), Map.copyOf(max), List.copyOf(differing));
    }

    /**
     * A frame's suggestion as the review step gives it (default thresholds), with its label
     * ({@code porn} or {@code sexy}) unless it passes: a frame that passes is no segment and has no label.
     */
    static String verdict(FrameScores frame) {
        boolean porn = frame.porn() >= frame.sexy();
        double confidence = Math.round(Math.max(0, Math.min(1, porn ? frame.porn() : frame.sexy())) * 10000) / 100.0;
        String suggestion = confidence >= 90 ? "block" : confidence >= 60 ? "review" : "pass";
        return suggestion.equals("pass") ? suggestion : (porn ? "porn" : "sexy") + "/" + suggestion;
    }

    /** The largest difference over all classes. */
    double largest() {
        return maxDifference.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** One line: each class's largest difference, and the verdicts. */
    String describe() {
        StringBuilder line = new StringBuilder();
        for (String c : CLASSES) {
            line.append(String.format(Locale.ROOT, "%s %.6f, ", c, maxDifference.get(c)));
        }
        return line + (verdictsDiffering.isEmpty() ? "verdicts equal on all " + frames + " frames"
                : "verdicts differ on frames " + verdictsDiffering + " of " + frames);
    }
}
