package io.openvod.platform.cos.protocol;

/**
 * One {@code <Part>} of a Complete Multipart Upload body.
 *
 * @param partNumber 1–10000
 * @param etagHex the ETag the client holds for the part, quotes stripped and lower-cased; not
 *     checked for shape here (a value that matches no stored part is {@link CosErrorCode#INVALID_PART})
 */
public record PartRef(int partNumber, String etagHex) {
}
