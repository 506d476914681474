package io.openvod.signature;

import java.util.Collections;
import java.util.SequencedMap;

/**
 * A signature taken apart but not yet trusted: the 20-byte MAC, the signed {@code original}
 * and its fields in order. Nothing here has been checked against a key.
 */
public record DecodedSignature(byte[] mac, byte[] originalBytes, String original, SequencedMap<String, String> fields) {
    public DecodedSignature {
        mac = mac.clone();
        originalBytes = originalBytes.clone();
        fields = Collections.unmodifiableSequencedMap(fields);
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public byte[] originalBytes() {
        return originalBytes.clone();
    }

    @Override
    public String toString() {
        return "DecodedSignature[original=" + original + "]";
    }
}
