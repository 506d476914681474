package io.openvod.platform.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code platform.cos:} — the COS-compatible object API.
 *
 * @param region the storage region the platform reports ({@code storageRegionV5}). Defaults to
 *     {@code ap-guangzhou}.
 * @param domains the domain suffixes of virtual-host addresses
 *     ({@code <bucket>-<appid>.cos.<region>.<domain>}); the first one builds Location values.
 *     Defaults to {@code myqcloud.com} and {@code tencentcos.cn}, which Tencent's clients use.
 * @param corsOrigin the {@code Access-Control-Allow-Origin} answer: {@code *} (default) or one origin
 */
public record CosConfig(String region, List<String> domains, String corsOrigin) {
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");

    public CosConfig {
        region = region == null || region.isBlank() ? "ap-guangzhou" : region;
        domains = domains == null || domains.isEmpty() ? List.of("myqcloud.com", "tencentcos.cn") : List.copyOf(domains);
        corsOrigin = corsOrigin == null || corsOrigin.isBlank() ? "*" : corsOrigin;
        if (!REGION.matcher(region).matches() || region.contains("cos.")) {
            throw new IllegalArgumentException("region '" + region + "' must match [a-z0-9-]+");
        }
        for (String domain : domains) {
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("domains entry '" + domain + "' is not a lower-case domain name");
            }
        }
    }
}
