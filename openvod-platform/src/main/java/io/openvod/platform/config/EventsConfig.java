package io.openvod.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code platform.events:} — event notification. The first four settings are what an application
 * that never called {@code ModifyEventConfig} gets.
 *
 * @param mode {@code PUSH} or {@code PULL}. Defaults to PUSH.
 * @param notificationUrl the callback URL for PUSH; empty for none
 * @param uploadSwitch {@code ON}/{@code OFF} for NewFileUpload. Defaults to ON (Tencent's default
 *     is OFF; an OpenVOD application usually wants its uploads reported).
 * @param deleteSwitch {@code ON}/{@code OFF} for FileDeleted. Defaults to ON.
 * @param push how callbacks are sent
 * @param pull how PullEvents hands events out
 */
public record EventsConfig(String mode, String notificationUrl, String uploadSwitch, String deleteSwitch, Push push, Pull pull) {
    public EventsConfig {
        mode = mode == null ? "PUSH" : mode;
        notificationUrl = notificationUrl == null ? "" : notificationUrl;
        uploadSwitch = uploadSwitch == null ? "ON" : uploadSwitch;
        deleteSwitch = deleteSwitch == null ? "ON" : deleteSwitch;
        Objects.requireNonNull(push, "push is required");
        Objects.requireNonNull(pull, "pull is required");
        if (!mode.equals("PUSH") && !mode.equals("PULL")) {
            throw new IllegalArgumentException("mode must be PUSH or PULL");
        }
        if (!List.of("ON", "OFF").contains(uploadSwitch) || !List.of("ON", "OFF").contains(deleteSwitch)) {
            throw new IllegalArgumentException("uploadSwitch and deleteSwitch are ON or OFF");
        }
    }

    /**
     * Callbacks (PUSH).
     *
     * @param timeout how long one POST may take. Defaults to 5s.
     * @param firstRetry the delay before the first retry; each next one doubles, with jitter. Defaults to 5s.
     * @param retryWindow how long an event is retried before it is dead-lettered. Defaults to 24h.
     * @param maxAttempts the most POSTs per event within the window. Defaults to 20.
     * @param concurrency how many POSTs run at once, over all receivers. Defaults to 32.
     * @param perReceiver how many POSTs run at once to one receiver (scheme, host and port), so that
     *     a slow receiver ties up at most that many of the {@code concurrency}. Defaults to 8.
     * @param signed sign callbacks with the Standard Webhooks scheme, each application's with its own
     *     secrets ({@code openvod events secrets}); an application without a secret gets unsigned
     *     callbacks, as Tencent sends them. Defaults to true; false signs none.
     * @param allowLoopback allow callback URLs on loopback addresses (development). Defaults to false.
     * @param allowPrivateNetworks allow callback URLs on private, link-local and metadata addresses.
     *     Defaults to false.
     */
    public record Push(Duration timeout, Duration firstRetry, Duration retryWindow, int maxAttempts, int concurrency,
                       int perReceiver, boolean signed, boolean allowLoopback, boolean allowPrivateNetworks) {
        /** POSTs at once to one receiver by default. */
        public static final int DEFAULT_PER_RECEIVER = 8;

        public Push {
            requirePositive("timeout", timeout);
            requirePositive("firstRetry", firstRetry);
            requirePositive("retryWindow", retryWindow);
            if (maxAttempts < 1 || maxAttempts > 1000) {
                throw new IllegalArgumentException("maxAttempts must be within 1..1000");
            }
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency must be within 1..256");
            }
            if (perReceiver < 1 || perReceiver > 256) {
                throw new IllegalArgumentException("perReceiver must be within 1..256");
            }
        }

        /** Settings with {@code min(concurrency, }{@link #DEFAULT_PER_RECEIVER}{@code )} POSTs at once per receiver. */
        public Push(Duration timeout, Duration firstRetry, Duration retryWindow, int maxAttempts, int concurrency,
                    boolean signed, boolean allowLoopback, boolean allowPrivateNetworks) {
            this(timeout, firstRetry, retryWindow, maxAttempts, concurrency, Math.min(concurrency, DEFAULT_PER_RECEIVER), signed,
                    allowLoopback, allowPrivateNetworks);
        }
    }

    /**
     * PullEvents.
     *
     * @param visibility how long pulled events stay hidden awaiting ConfirmEvents. Defaults to 30s.
     * @param retention how long unconfirmed events are kept. Defaults to 4d.
     */
    public record Pull(Duration visibility, Duration retention) {
        public Pull {
            requirePositive("visibility", visibility);
            requirePositive("retention", retention);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static EventsConfig defaults() {
        return new EventsConfig("PUSH", "", "ON", "ON",
                new Push(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(24), 20, 32, Push.DEFAULT_PER_RECEIVER, true, false, false),
                new Pull(Duration.ofSeconds(30), Duration.ofDays(4)));
    }
}
