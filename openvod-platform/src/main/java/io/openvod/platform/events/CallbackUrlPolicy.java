package io.openvod.platform.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which callback URLs the platform may POST events to (against server-side request forgery):
 * http or https, no user info, and a host whose every address is public — unless loopback
 * (development) or private networks are allowed. Link-local addresses (including the cloud
 * metadata address 169.254.169.254), unspecified and multicast addresses are refused with private
 * networks; loopback only with {@code allowLoopback}. Checked when the URL is set and again before
 * each POST, since a name may resolve differently later.
 */
public final class CallbackUrlPolicy {
    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;

    public CallbackUrlPolicy(boolean allowLoopback, boolean allowPrivateNetworks) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why {@code url} may not be used, or null when it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs are allowed";
        }
        if (uri.getRawUserInfo() != null) {
            return "the URL may not carry user info";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "the URL has no host";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "the host does not resolve";
        }
        for (InetAddress address : addresses) {
            String refused = refusal(address);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    /** Why {@code address} may not be called, or null when it may. */
    public String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback addresses are not allowed (platform.events.push.allowLoopback)";
        }
        boolean internal = address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || isUniqueLocal(address) || isSharedOrMetadata(address);
        if (internal && !allowPrivateNetworks) {
            return "private, link-local and metadata addresses are not allowed (platform.events.push.allowPrivateNetworks)";
        }
        return null;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    /** 100.64.0.0/10 (carrier-grade NAT) and 169.254.0.0/16 (link-local, cloud metadata). */
    private static boolean isSharedOrMetadata(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254);
    }
}
