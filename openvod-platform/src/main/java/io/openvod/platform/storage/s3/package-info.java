/**
 * The {@link io.openvod.platform.storage.ObjectStore} on an S3-compatible bucket (AWS SDK v2 with
 * the JDK's HTTP client).
 */
package io.openvod.platform.storage.s3;
