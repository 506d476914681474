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
 *
 * <p>The review steps, {@link io.openvod.platform.flow.steps.PornReviewStep} and
 * {@link io.openvod.platform.flow.steps.ReviewAudioVideoStep}, share their frame review: FFmpeg samples one
 * frame every 2 s and, for a reviewer that takes decoded frames, streams each frame's RGB pixels to it while
 * it decodes on ({@code FrameStream}), so that decoding and classification overlap; every frame the result
 * lists was classified.
 */
package io.openvod.platform.flow.steps;
