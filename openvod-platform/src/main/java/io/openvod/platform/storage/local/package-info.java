/**
 * The {@link io.openvod.platform.storage.ObjectStore} on a local disk: one file per object,
 * written atomically, readable in place by FFmpeg.
 */
package io.openvod.platform.storage.local;
