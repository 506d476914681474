/**
 * Task flows (procedures): the durable engine that runs the flows uploads ask for, and the
 * {@link io.openvod.platform.flow.TaskStep}s it runs (transcoding, snapshots, cover, review).
 */
package io.openvod.platform.flow;
