package io.openvod.platform.events.addresses;

/**
 * What an IP address is, for the callback policy: which special-purpose range (IANA IPv4 and IPv6
 * special-purpose address registries) it falls in, or {@link #GLOBAL} when none. Only
 * {@link #GLOBAL} is always allowed; {@link #LOOPBACK} opens with {@code allowLoopback};
 * {@link #PRIVATE}, {@link #SHARED} and {@link #LINK_LOCAL} open with {@code allowPrivateNetworks};
 * the others — the cloud metadata addresses among them — are never allowed.
 */
public enum AddressKind {
    /** Globally reachable unicast. */
    GLOBAL("public"),
    /** 127.0.0.0/8, ::1. */
    LOOPBACK("loopback"),
    /** 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7 (unique local), fec0::/10 (old site-local). */
    PRIVATE("private"),
    /** 100.64.0.0/10, carrier-grade NAT. */
    SHARED("shared (carrier-grade NAT)"),
    /** 169.254.0.0/16, fe80::/10. */
    LINK_LOCAL("link-local"),
    /** The cloud instance metadata services: 169.254.169.254, fd00:ec2::254. Never allowed, whatever the flags. */
    METADATA("cloud metadata"),
    /** 0.0.0.0/8 ("this network": Linux dials 0.0.0.0 as loopback), ::. */
    UNSPECIFIED("unspecified"),
    /** IETF protocol assignments, discard-only, deprecated relays, future use, unallocated IPv6. */
    RESERVED("reserved"),
    /** 198.18.0.0/15, 2001:2::/48. */
    BENCHMARKING("benchmarking"),
    /** 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20. */
    DOCUMENTATION("documentation"),
    /** 224.0.0.0/4, ff00::/8. */
    MULTICAST("multicast"),
    /** 255.255.255.255. */
    BROADCAST("broadcast");

    private final String label;

    AddressKind(String label) {
        this.label = label;
    }

    /** A short lower-case name for messages. */
    public String label() {
        return label;
    }
}
