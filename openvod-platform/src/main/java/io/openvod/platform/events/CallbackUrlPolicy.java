package io.openvod.platform.events;

import io.openvod.platform.events.addresses.AddressKind;
import io.openvod.platform.events.addresses.NumericHost;
import io.openvod.platform.events.addresses.SpecialAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which callback URLs the platform may POST events to (against server-side request forgery):
 * http or https, no user info, a port from 1 to 65535, and a host whose addresses are public
 * ({@link SpecialAddresses}). {@code allowLoopback} opens loopback addresses only;
 * {@code allowPrivateNetworks} opens private, shared (carrier-grade NAT) and link-local addresses
 * (the last include the cloud metadata address). Unspecified, reserved, benchmarking,
 * documentation, multicast and broadcast addresses are never allowed. A host written as an
 * address in any form ({@code 127.1}, {@code 0x7f.1}, {@code [::ffff:127.0.0.1]}) is checked as
 * the address it stands for.
 *
 * <p>The URL is checked when it is set ({@link #refusal(String)}: every address of the host must
 * be allowed) and again when a POST connects ({@link #dialable(String)}: the host is resolved
 * once more and only the allowed addresses are dialled), so a name that resolves elsewhere later
 * cannot reach an address the policy refuses.
 */
public final class CallbackUrlPolicy {
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");

    /**
     * A callback URL taken apart: {@code host} is a lower-case name, a dotted-quad IPv4 address
     * or a bracketed IPv6 address; {@code port} is explicit; {@code pathAndQuery} starts with /.
     */
    public record Target(String scheme, String host, int port, String pathAndQuery) {
    }

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final HostResolver resolver;

    public CallbackUrlPolicy(boolean allowLoopback, boolean allowPrivateNetworks) {
        this(allowLoopback, allowPrivateNetworks, HostResolver.SYSTEM);
    }

    public CallbackUrlPolicy(boolean allowLoopback, boolean allowPrivateNetworks, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /** Why {@code url} may not be used, or null when it may: its form, and every address of its host. */
    public String refusal(String url) {
        try {
            Target target = target(url);
            for (InetAddress address : addresses(target.host())) {
                String refused = refusal(address);
                if (refused != null) {
                    return refused;
                }
            }
            return null;
        } catch (CallbackRefusedException e) {
            return e.getMessage();
        }
    }

    /**
     * {@code url} taken apart and its form checked (scheme, user info, host, port); the host is not
     * resolved here.
     */
    public Target target(String url) throws CallbackRefusedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CallbackRefusedException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CallbackRefusedException("only http and https URLs are allowed");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new CallbackRefusedException("the URL has no host");
        }
        if (authority.indexOf('@') >= 0) {
            throw new CallbackRefusedException("the URL may not carry user info");
        }
        int portColon = authority.startsWith("[") ? authority.indexOf(':', Math.max(authority.indexOf(']'), 0))
                : authority.lastIndexOf(':');
        String host = (portColon < 0 ? authority : authority.substring(0, portColon)).toLowerCase(Locale.ROOT);
        int port = port(portColon < 0 ? "" : authority.substring(portColon + 1), scheme);
        if (host.isEmpty()) {
            throw new CallbackRefusedException("the URL has no host");
        }
        InetAddress literal;
        try {
            literal = NumericHost.address(host);
        } catch (IllegalArgumentException e) {
            throw new CallbackRefusedException("the host is " + e.getMessage());
        }
        if (literal != null) {
            host = literal instanceof Inet6Address ? "[" + literal.getHostAddress() + "]" : literal.getHostAddress();
        } else if (!HOST_NAME.matcher(host).matches()) {
            throw new CallbackRefusedException("the host is neither a valid name nor an IP address");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Target(scheme, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static int port(String text, String scheme) throws CallbackRefusedException {
        if (text.isEmpty()) {
            return scheme.equals("https") ? 443 : 80;
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CallbackRefusedException("the port is not a number");
        }
        if (text.length() > 5 || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new CallbackRefusedException("the port must be from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    /**
     * The addresses a POST to {@code host} (as in {@link Target#host()}) may dial now: the host
     * resolved at this moment, less every address the policy refuses.
     *
     * @throws CallbackRefusedException when it does not resolve or no address is allowed
     */
    public List<InetAddress> dialable(String host) throws CallbackRefusedException {
        List<InetAddress> allowed = new ArrayList<>();
        String firstRefusal = null;
        for (InetAddress address : addresses(host)) {
            String refused = refusal(address);
            if (refused == null) {
                allowed.add(address);
            } else if (firstRefusal == null) {
                firstRefusal = refused;
            }
        }
        if (allowed.isEmpty()) {
            throw new CallbackRefusedException(firstRefusal == null ? "the host does not resolve" : firstRefusal);
        }
        return allowed;
    }

    private List<InetAddress> addresses(String host) throws CallbackRefusedException {
        try {
            InetAddress literal = NumericHost.address(host);
            if (literal != null) {
                return List.of(literal);
            }
        } catch (IllegalArgumentException e) {
            throw new CallbackRefusedException("the host is " + e.getMessage());
        }
        try {
            List<InetAddress> addresses = resolver.resolve(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
            if (addresses.isEmpty()) {
                throw new CallbackRefusedException("the host does not resolve");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new CallbackRefusedException("the host does not resolve");
        }
    }

    /** Why {@code address} may not be called, or null when it may. */
    public String refusal(InetAddress address) {
        for (AddressKind kind : SpecialAddresses.classify(address)) {
            switch (kind) {
                case GLOBAL -> { }
                case LOOPBACK -> {
                    if (!allowLoopback) {
                        return "loopback addresses are not allowed (platform.events.push.allowLoopback)";
                    }
                }
                case PRIVATE, SHARED, LINK_LOCAL -> {
                    if (!allowPrivateNetworks) {
                        return kind.label() + " addresses are not allowed (platform.events.push.allowPrivateNetworks)";
                    }
                }
                default -> {
                    return kind.label() + " addresses are never allowed";
                }
            }
        }
        return null;
    }
}
