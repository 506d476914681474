package io.openvod.app.videos;

/**
 * A task flow's content-review verdict: the worst {@code Suggestion} of its review tasks that
 * succeeded ({@code block} over {@code review} over {@code pass}); a failed review task makes it
 * {@link Verdict#FAILED} unless another one blocks.
 *
 * @param confidence the confidence (0–100) of the task that decided, 0 without review
 * @param label the decisive task's {@code Label}, empty when none
 */
public record Review(Verdict verdict, double confidence, String label) {
    public static final Review NONE = new Review(Verdict.NONE, 0, "");

    /** The outcome of the review tasks. */
    public enum Verdict {
        /** The flow had no review task. */
        NONE,
        PASS,
        /** A human must decide. */
        REVIEW,
        BLOCK,
        /** A review task failed, so nothing looked at the content. */
        FAILED;

        /** How bad the verdict is: none, pass, failed, review, block in increasing order. */
        public int severity() {
            return switch (this) {
                case NONE -> 0;
                case PASS -> 1;
                case FAILED -> 2;
                case REVIEW -> 3;
                case BLOCK -> 4;
            };
        }
    }

    /** The worse of two verdicts (the first when equal). */
    public Review worse(Review other) {
        return other.verdict.severity() > verdict.severity()
                || other.verdict == verdict && other.confidence > confidence ? other : this;
    }
}
