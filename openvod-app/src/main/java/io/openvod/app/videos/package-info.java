/**
 * The app's video records: who uploaded which video, and whether it may be shown. The domain of
 * the event receipt service: {@link io.openvod.app.videos.VodEvent} (what a VOD event says about
 * videos), {@link io.openvod.app.videos.VideoTransitions} (how events and moderators' decisions
 * change a video: one pure function) and the port {@link io.openvod.app.videos.Videos} that keeps
 * the result. This package depends on no other of the receipt service; the receipt service
 * ({@code io.openvod.app.receipt}) depends on it.
 */
package io.openvod.app.videos;
