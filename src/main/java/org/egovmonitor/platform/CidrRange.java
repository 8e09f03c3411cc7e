package org.egovmonitor.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 127.0.0.0/8}, {@code fd00::/8}). A bare address is a
 * single-address range. An IPv4 range also contains the IPv4-mapped ({@code ::ffff:a.b.c.d}) form of its
 * addresses, so an allow-list written in IPv4 behaves the same whichever form the resolver returns.
 */
public final class CidrRange {

    // Only numeric literals are accepted: parsing must never trigger a DNS lookup.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private CidrRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        this.text = toText(network, prefix);
    }

    /** Parses {@code address/prefix} or a bare address; the host bits are cleared. */
    public static CidrRange parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("empty CIDR range");
        }
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (!IPV4.matcher(addr).matches() && !IPV6.matcher(addr).matches()) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 CIDR range");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 CIDR range", e);
        }
        if (IPV6.matcher(addr).matches() && bytes.length == 4) {
            // Java folds ::ffff:a.b.c.d into an IPv4 address; keep the range in its IPv4 form.
            bytes = Arrays.copyOf(bytes, 4);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' has a bad prefix length", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "' prefix length must be 0.." + bits);
            }
        }
        return new CidrRange(mask(bytes, prefix), prefix);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether raw address bytes (4 or 16) fall in this range. */
    public boolean contains(byte[] address) {
        byte[] a = address;
        if (network.length == 4 && a.length == 16) {
            a = mappedIpv4(a);
            if (a == null) {
                return false;
            }
        }
        if (a.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(a, prefix), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static String toText(byte[] network, int prefix) {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrRange c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), or null. */
    public static byte[] mappedIpv4(byte[] v6) {
        if (v6.length != 16 || v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        return Arrays.copyOfRange(v6, 12, 16);
    }
}
