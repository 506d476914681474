package io.openvod.platform.events.addresses;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a URL host that is an address rather than a name: an IPv6 literal in brackets, or an IPv4
 * address in any form the C library's {@code inet_aton} accepts ({@code 127.1}, {@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}), so that such a host is checked — and dialled — as the
 * address it stands for and never handed to a resolver that might read it differently.
 */
public final class NumericHost {
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("[0-9a-fA-FxX.]+");
    private static final Pattern PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

    private NumericHost() {
    }

    /**
     * The address {@code host} stands for, or null when it is a name to resolve.
     *
     * @throws IllegalArgumentException when it looks like an address but is not a valid one
     */
    public static InetAddress address(String host) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.indexOf(':') < 0) {
                throw new IllegalArgumentException("not a valid IPv6 address");
            }
            literalBytes(host.substring(1, host.length() - 1));
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a valid IPv6 address");
            }
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!NUMERIC_LOOKING.matcher(name).matches()) {
            return null;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (last.isEmpty() || !Character.isDigit(last.charAt(0))) {
            return null;
        }
        try {
            return InetAddress.getByAddress(ipv4(name));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a valid IPv4 address");
        }
    }

    /** {@code inet_aton}: one to four parts, each decimal, octal (0…) or hex (0x…); the last fills the rest. */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("not a valid IPv4 address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].toLowerCase(Locale.ROOT);
            if (!PART.matcher(part).matches() || part.length() > 16) {
                throw new IllegalArgumentException("not a valid IPv4 address");
            }
            BigInteger value = part.startsWith("0x") ? (part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16))
                    : part.startsWith("0") && part.length() > 1 ? new BigInteger(part.substring(1), 8) : new BigInteger(part);
            values[i] = value.bitLength() > 32 ? -1 : value.longValue();
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a valid IPv4 address");
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last < 0 || last >= 1L << (8 * (5 - values.length))) {
            throw new IllegalArgumentException("not a valid IPv4 address");
        }
        address |= last;
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /**
     * The bytes of an IP literal without brackets: 4 for IPv4, 16 for IPv6 (IPv4-mapped kept as
     * 16 bytes). Never resolves a name.
     *
     * @throws IllegalArgumentException when {@code literal} is not an IP literal
     */
    static byte[] literalBytes(String literal) {
        boolean v6 = literal.indexOf(':') >= 0;
        if (!v6 && !literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        if (v6 && !literal.matches("[0-9a-fA-F:.%]+") && !literal.matches("[0-9a-fA-F:.]+%[0-9A-Za-z_.\\-]+")) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(v6 ? "[" + literal + "]" : literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal);
        }
        byte[] bytes = address.getAddress();
        if (v6 && address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }
}
