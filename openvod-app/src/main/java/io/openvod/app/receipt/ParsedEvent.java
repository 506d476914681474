package io.openvod.app.receipt;

import io.openvod.app.videos.VodEvent;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A received body, read.
 *
 * @param format {@code v3} (Tencent's current shape) or {@code v2} (the legacy {@code {version, eventType, data}})
 * @param event what it says
 * @param contentKey the SHA-256 (hex) of the body's canonical form (keys sorted, nulls, {@code SubAppId} and
 *     {@code EventHandle} left out): the same event delivered twice — pushed again, or pulled with
 *     a new handle — has the same key
 * @param subAppId the VOD application the body names (OpenVOD's pushes carry a top-level
 *     {@code SubAppId} inside what is signed); empty when it names none, as Tencent's callbacks
 */
public record ParsedEvent(String format, VodEvent event, String contentKey, OptionalLong subAppId) {
    public ParsedEvent {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(event, "event == null");
        Objects.requireNonNull(contentKey, "contentKey == null");
        Objects.requireNonNull(subAppId, "subAppId == null");
    }
}
