/**
 * The FFmpeg steps of a task flow: {@link io.openvod.platform.flow.steps.TranscodeStep},
 * {@link io.openvod.platform.flow.steps.SnapshotByTimeOffsetStep},
 * {@link io.openvod.platform.flow.steps.SampleSnapshotStep},
 * {@link io.openvod.platform.flow.steps.CoverBySnapshotStep} and
 * {@link io.openvod.platform.flow.steps.AdaptiveDynamicStreamingStep} (HLS), and the joint step
 * {@link io.openvod.platform.flow.steps.RenditionLadder}, which encodes a flow's Transcode and HLS renditions in one
 * FFmpeg run from one decode of the source ({@code LadderCommand}: {@code split}, one encoder per preset, {@code tee}
 * when an MP4 and an HLS rendition share one). Each probes its source first, so an
 * input that is not media (or is empty) fails as {@code SourceFileError.ContentMalformed} (not retryable) before
 * FFmpeg runs; FFmpeg running past its deadline or dying of a signal fails as {@code InternalError}
 * (retryable).
 */
package io.openvod.platform.flow.steps;
