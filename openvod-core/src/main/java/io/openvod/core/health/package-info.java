/**
 * Liveness and readiness of a service: a {@link io.openvod.core.health.HealthCheck} answers whether one
 * dependency (the database, the object storage, a tool) works now, and {@link io.openvod.core.health.Readiness}
 * runs a node's checks concurrently, each within a short time, into one report that the HTTP edge
 * answers with 200 or 503. A check never throws to its caller and its error text never carries a
 * secret ({@link io.openvod.core.health.Health#down(String)} removes credentials from URLs and
 * values of {@code password=}, {@code key=}, {@code token=}, {@code signature=}). {@link
 * io.openvod.core.health.DatabaseCheck} is the one check every service has.
 */
package io.openvod.core.health;
