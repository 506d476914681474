package io.openvod.platform.events.push;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many POSTs are in flight per receiver (scheme, host and port of the callback URL), so that a
 * slow receiver holds at most {@code perReceiver} of the dispatcher's workers and the others keep
 * going to everyone else.
 */
final class ReceiverSlots {
    private final int perReceiver;
    private final Map<String, Integer> byReceiver = new HashMap<>();
    private final Map<String, Integer> byUrl = new HashMap<>();

    ReceiverSlots(int perReceiver) {
        this.perReceiver = perReceiver;
    }

    static String receiver(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Takes a slot for {@code url}; false when its receiver has none left. */
    synchronized boolean tryAcquire(String url) {
        String receiver = receiver(url);
        if (byReceiver.getOrDefault(receiver, 0) >= perReceiver) {
            return false;
        }
        byReceiver.merge(receiver, 1, Integer::sum);
        byUrl.merge(url, 1, Integer::sum);
        return true;
    }

    synchronized void release(String url) {
        byReceiver.computeIfPresent(receiver(url), (k, n) -> n > 1 ? n - 1 : null);
        byUrl.computeIfPresent(url, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The URLs in flight whose receivers have no slot left: nothing due to them can start now. */
    synchronized Set<String> fullUrls() {
        Set<String> full = new HashSet<>();
        for (String url : byUrl.keySet()) {
            if (byReceiver.getOrDefault(receiver(url), 0) >= perReceiver) {
                full.add(url);
            }
        }
        return full;
    }
}
