/**
 * Content review: the {@link io.openvod.platform.review.ContentReviewer} port, which classifies
 * video frames into the nsfwjs classes ({@link io.openvod.platform.review.FrameScores}), and its
 * adapters — {@link io.openvod.platform.review.NsfwjsSidecar} (the bundled nsfwjs MobileNetV2 model
 * in a Node.js sidecar on loopback, the default), {@link io.openvod.platform.review.OnnxContentReviewer}
 * (an operator's ONNX model in process) and {@link io.openvod.platform.review.HttpContentReviewer}
 * (an external service).
 *
 * <p>Frames reach a reviewer in one of two ways. Every reviewer takes JPEG files
 * ({@link io.openvod.platform.review.ContentReviewer#classify}). A reviewer that also takes decoded
 * frames, {@link io.openvod.platform.review.RgbReviewer} (the sidecar), is handed each frame's RGB
 * pixels ({@link io.openvod.platform.review.RgbFrame}) while FFmpeg still decodes the rest, in
 * batches, with a few calls under way at once; the review steps use that path whenever the
 * reviewer offers it. The sidecar classifies both the same way: nsfwjs's preprocessing, and the
 * model with its batch normalisations folded into the convolutions (checked against nsfwjs's own
 * graph when the sidecar starts; {@link io.openvod.platform.review.NsfwjsSidecar#classifyReference}
 * runs nsfwjs's own, for comparisons).
 *
 * <p>A reviewer that cannot run its model fails with {@code FailedOperation.ReviewUnavailable}; a
 * frame it cannot read with {@code SourceFileError.ContentMalformed}. Media is never passed unreviewed.
 */
package io.openvod.platform.review;
