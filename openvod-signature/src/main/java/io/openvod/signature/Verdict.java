package io.openvod.signature;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a signature check: either {@link Accepted} with what the signature proved, or
 * {@link Rejected} with the precise reason. Verifiers return verdicts and never throw for bad
 * input.
 *
 * @param <T> what an accepted signature yields (for example the signed upload parameters)
 */
public sealed interface Verdict<T> {

    /** The signature is valid. */
    record Accepted<T>(T value) implements Verdict<T> {
        public Accepted {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** The signature is refused; {@code detail} names the offending value without secrets. */
    record Rejected<T>(RejectionReason reason, String detail) implements Verdict<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(detail, "detail == null");
        }

        @Override
        public String toString() {
            return "Rejected[" + reason.code() + ": " + detail + "]";
        }
    }

    static <T> Verdict<T> accept(T value) {
        return new Accepted<>(value);
    }

    static <T> Verdict<T> reject(RejectionReason reason, String detail) {
        return new Rejected<>(reason, detail);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The accepted value; throws {@link IllegalStateException} with the reason when rejected. */
    default T orElseThrow() {
        return switch (this) {
            case Accepted<T> a -> a.value();
            case Rejected<T> r -> throw new IllegalStateException(r.toString());
        };
    }

    /** Transforms the accepted value; a rejection passes through unchanged. */
    default <U> Verdict<U> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Accepted<T> a -> new Accepted<>(mapper.apply(a.value()));
            case Rejected<T> r -> new Rejected<>(r.reason(), r.detail());
        };
    }
}
