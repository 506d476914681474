/**
 * The receipt service's pull mode: a consumer loop that calls VOD's {@code PullEvents}, stores
 * and processes the events, then {@code ConfirmEvents} — behind the {@link
 * io.openvod.app.receipt.pull.VodEventsClient} port, with a TC3-signed API 3.0 adapter that
 * talks to Tencent VOD or an OpenVOD platform. A pulled event carries no {@code traceparent}: it
 * joins the trace its context names ({@link io.openvod.app.receipt.EventTrace}).
 */
package io.openvod.app.receipt.pull;
