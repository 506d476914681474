/**
 * The vocabulary that every OpenVOD server module shares and that has no I/O: the error codes
 * ({@link io.openvod.core.ErrorCode}, one enum per area), {@link io.openvod.core.OpenVodException},
 * and {@link io.openvod.core.Secret}. Later areas add their own {@code ErrorCode} enums; the
 * composition root lists them all in its error catalogue, and {@code docs/errors.md} documents
 * each code.
 */
package io.openvod.core;
