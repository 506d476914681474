/**
 * Configuration: one YAML file plus {@code OPENVOD_*} environment variables plus
 * {@code --set path=value} flags, read into validated records ({@link io.openvod.server.config.OpenVodConfig}).
 * Unknown keys fail at start; secrets are {@link io.openvod.core.Secret}s and never printed.
 * Adapters receive records, never read the environment themselves.
 */
package io.openvod.server.config;
