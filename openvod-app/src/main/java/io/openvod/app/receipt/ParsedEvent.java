package io.openvod.app.receipt;

import java.util.Objects;

/**
 * A received body, read.
 *
 * @param format {@code v3} (Tencent's current shape) or {@code v2} (the legacy {@code {version, eventType, data}})
 * @param event what it says
 * @param contentKey the SHA-256 (hex) of the body's canonical form (keys sorted, nulls and
 *     {@code EventHandle} left out): the same event delivered twice — pushed again, or pulled with
 *     a new handle — has the same key
 */
public record ParsedEvent(String format, VodEvent event, String contentKey) {
    public ParsedEvent {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(event, "event == null");
        Objects.requireNonNull(contentKey, "contentKey == null");
    }
}
