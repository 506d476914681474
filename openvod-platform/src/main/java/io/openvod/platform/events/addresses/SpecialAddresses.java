package io.openvod.platform.events.addresses;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies IP addresses by the IANA special-purpose address registries (IPv4 and IPv6), one
 * table row per range; the longest matching prefix wins. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) are classified by the IPv4 address they
 * carry, so that a loopback or private IPv4 address cannot hide in an IPv6 literal. IPv6 outside
 * 2000::/3 (global unicast) and the rows below is unallocated and {@link AddressKind#RESERVED}.
 */
public final class SpecialAddresses {
    /** Where an IPv6 range carries an IPv4 address. */
    enum Embedding {
        NONE,
        /** The last 32 bits: ::ffff:0:0/96, ::/96, 64:ff9b::/96. */
        LAST_32,
        /** Bits 16–47: 2002::/16. */
        SIX_TO_FOUR,
        /** The server in bits 32–63 and the client, inverted, in the last 32 bits: 2001::/32. */
        TEREDO,
        /** RFC 6052 at any prefix length a local-use NAT64 prefix in 64:ff9b:1::/48 may have. */
        NAT64_LOCAL
    }

    /** One row of the table: a range, what it is, and whether it carries an IPv4 address. */
    record Range(String cidr, AddressKind kind, Embedding embedding, byte[] prefix, int bits) {
        static Range of(String cidr, AddressKind kind) {
            return of(cidr, kind, Embedding.NONE);
        }

        static Range of(String cidr, AddressKind kind, Embedding embedding) {
            int slash = cidr.indexOf('/');
            return new Range(cidr, kind, embedding, NumericHost.literalBytes(cidr.substring(0, slash)),
                    Integer.parseInt(cidr.substring(slash + 1)));
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xFF : (0xFF << (8 - (bits - bit))) & 0xFF;
                if (((address[bit / 8] ^ prefix[bit / 8]) & mask) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> IPV4 = sorted(List.of(
            Range.of("0.0.0.0/8", AddressKind.UNSPECIFIED),
            Range.of("10.0.0.0/8", AddressKind.PRIVATE),
            Range.of("100.64.0.0/10", AddressKind.SHARED),
            Range.of("127.0.0.0/8", AddressKind.LOOPBACK),
            Range.of("169.254.0.0/16", AddressKind.LINK_LOCAL),
            Range.of("169.254.169.254/32", AddressKind.METADATA),
            Range.of("172.16.0.0/12", AddressKind.PRIVATE),
            Range.of("192.0.0.0/24", AddressKind.RESERVED),
            Range.of("192.0.2.0/24", AddressKind.DOCUMENTATION),
            Range.of("192.88.99.0/24", AddressKind.RESERVED),
            Range.of("192.168.0.0/16", AddressKind.PRIVATE),
            Range.of("198.18.0.0/15", AddressKind.BENCHMARKING),
            Range.of("198.51.100.0/24", AddressKind.DOCUMENTATION),
            Range.of("203.0.113.0/24", AddressKind.DOCUMENTATION),
            Range.of("224.0.0.0/4", AddressKind.MULTICAST),
            Range.of("240.0.0.0/4", AddressKind.RESERVED),
            Range.of("255.255.255.255/32", AddressKind.BROADCAST)));

    private static final List<Range> IPV6 = sorted(List.of(
            Range.of("::/128", AddressKind.UNSPECIFIED),
            Range.of("::1/128", AddressKind.LOOPBACK),
            Range.of("::/96", AddressKind.GLOBAL, Embedding.LAST_32),
            Range.of("::ffff:0:0/96", AddressKind.GLOBAL, Embedding.LAST_32),
            Range.of("64:ff9b::/96", AddressKind.GLOBAL, Embedding.LAST_32),
            Range.of("64:ff9b:1::/48", AddressKind.PRIVATE, Embedding.NAT64_LOCAL),
            Range.of("100::/64", AddressKind.RESERVED),
            Range.of("2000::/3", AddressKind.GLOBAL),
            Range.of("2001::/23", AddressKind.RESERVED),
            Range.of("2001::/32", AddressKind.GLOBAL, Embedding.TEREDO),
            Range.of("2001:2::/48", AddressKind.BENCHMARKING),
            Range.of("2001:db8::/32", AddressKind.DOCUMENTATION),
            Range.of("2002::/16", AddressKind.GLOBAL, Embedding.SIX_TO_FOUR),
            Range.of("3fff::/20", AddressKind.DOCUMENTATION),
            Range.of("5f00::/16", AddressKind.RESERVED),
            Range.of("fc00::/7", AddressKind.PRIVATE),
            Range.of("fd00:ec2::254/128", AddressKind.METADATA),
            Range.of("fe80::/10", AddressKind.LINK_LOCAL),
            Range.of("fec0::/10", AddressKind.PRIVATE),
            Range.of("ff00::/8", AddressKind.MULTICAST)));

    private SpecialAddresses() {
    }

    private static List<Range> sorted(List<Range> ranges) {
        List<Range> copy = new ArrayList<>(ranges);
        copy.sort(Comparator.comparingInt(Range::bits).reversed());
        return List.copyOf(copy);
    }

    /**
     * What {@code address} is: the kinds of the address and of every IPv4 address it carries,
     * leaving out {@link AddressKind#GLOBAL} unless it is the only one. An address may be called
     * only when every kind is allowed.
     */
    public static Set<AddressKind> classify(InetAddress address) {
        Set<AddressKind> kinds = EnumSet.noneOf(AddressKind.class);
        collect(address.getAddress(), kinds);
        if (kinds.size() > 1) {
            kinds.remove(AddressKind.GLOBAL);
        }
        return kinds;
    }

    /** The table's ranges, for documentation and tests. */
    static List<Range> ranges() {
        List<Range> all = new ArrayList<>(IPV4);
        all.addAll(IPV6);
        return all;
    }

    private static void collect(byte[] address, Set<AddressKind> kinds) {
        Range range = match(address);
        if (range == null) {
            kinds.add(address.length == 4 ? AddressKind.GLOBAL : AddressKind.RESERVED);
            return;
        }
        kinds.add(range.kind());
        switch (range.embedding()) {
            case NONE -> { }
            case LAST_32 -> collect(Arrays.copyOfRange(address, 12, 16), kinds);
            case SIX_TO_FOUR -> collect(Arrays.copyOfRange(address, 2, 6), kinds);
            case TEREDO -> {
                collect(Arrays.copyOfRange(address, 4, 8), kinds);
                byte[] client = Arrays.copyOfRange(address, 12, 16);
                for (int i = 0; i < client.length; i++) {
                    client[i] = (byte) ~client[i];
                }
                collect(client, kinds);
            }
            case NAT64_LOCAL -> {
                for (int prefixBits : new int[] {48, 56, 64, 96}) {
                    collect(rfc6052(address, prefixBits), kinds);
                }
            }
        }
    }

    /** The IPv4 address RFC 6052 puts after a prefix of {@code prefixBits}, skipping bits 64–71. */
    private static byte[] rfc6052(byte[] address, int prefixBits) {
        byte[] v4 = new byte[4];
        int from = prefixBits / 8;
        for (int i = 0; i < 4; from++) {
            if (from != 8) {
                v4[i++] = address[from];
            }
        }
        return v4;
    }

    private static Range match(byte[] address) {
        for (Range range : address.length == 4 ? IPV4 : IPV6) {
            if (range.contains(address)) {
                return range;
            }
        }
        return null;
    }
}
