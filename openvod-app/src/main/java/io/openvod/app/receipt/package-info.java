/**
 * The event notification receipt service: VOD events (Tencent's v3 and legacy v2 bodies, pushed
 * or pulled) are stored as received in the inbox ({@link io.openvod.app.receipt.ReceivedEvents}),
 * then read back and applied to the app's video records ({@code io.openvod.app.videos}) in one
 * transaction with their mark as processed, so that each is applied once, also when several app
 * nodes share the inbox; processed events may be forwarded to the app's hook
 * ({@link io.openvod.app.receipt.HookForwarder}). Each event joins the trace of its upload
 * ({@link io.openvod.app.receipt.EventTrace}: the pushed {@code traceparent}, else the signature
 * request its context names), stored with it; receiving, processing and forwarding are steps of
 * that trace ({@code receive|process|forward <EventType>}). The SQL adapters live in
 * {@code io.openvod.app.store}.
 */
package io.openvod.app.receipt;
