package org.egovmonitor.crawler.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.egovmonitor.platform.CidrRange;

/**
 * SSRF guard: resolves a host and refuses it when <em>any</em> of its addresses is not a public unicast address
 * (loopback, private, CGNAT, link-local, unspecified, multicast, broadcast, unique-local, reserved, documentation,
 * and IPv6 forms that embed such an IPv4 address: mapped, compatible, NAT64, 6to4), unless the address lies in an
 * allow-listed range.
 *
 * <p>The decision is made on the resolved address bytes, never on the host text, so numeric spellings such as
 * {@code 2130706433} or {@code [::ffff:127.0.0.1]} get no special treatment: whatever the resolver turns them into
 * is what is checked. The fetcher's HTTP client resolves names only through this guard (its {@code okhttp3.Dns}) and
 * connects to exactly the addresses returned here (no second lookup), which also closes the DNS-rebinding window
 * between check and connect; {@link #check(InetAddress, int)} re-checks the actual peer of each connection.
 *
 * <p>Refusing when any address is bad (not only the one we would use) is deliberate: a host publishing a private
 * address next to a public one is either misconfigured or probing us.
 *
 * <p>With the port known ({@link #resolve(String, int)}), a non-public address is also allowed when that exact
 * address and port is allow-listed (the demo's farm), and this process's own ports ({@link OwnPorts}: application
 * and admin) are refused on every address of this machine whatever the allow-lists say.
 */
public final class AddressGuard {

    /** Name resolution, replaceable in tests to simulate hostile DNS answers. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final HostResolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    /** The port of {@link #resolve(String)}: not known, so only address rules apply. */
    private static final int NO_PORT = -1;

    private static final List<Map.Entry<CidrRange, String>> IPV4_RULES = List.of(
            rule("0.0.0.0/8", "unspecified (0.0.0.0/8)"),
            rule("10.0.0.0/8", "private (10.0.0.0/8)"),
            rule("100.64.0.0/10", "carrier-grade NAT (100.64.0.0/10)"),
            rule("127.0.0.0/8", "loopback (127.0.0.0/8)"),
            rule("169.254.0.0/16", "link-local (169.254.0.0/16)"),
            rule("172.16.0.0/12", "private (172.16.0.0/12)"),
            rule("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
            rule("192.0.2.0/24", "documentation (192.0.2.0/24)"),
            rule("192.168.0.0/16", "private (192.168.0.0/16)"),
            rule("198.18.0.0/15", "benchmarking (198.18.0.0/15)"),
            rule("198.51.100.0/24", "documentation (198.51.100.0/24)"),
            rule("203.0.113.0/24", "documentation (203.0.113.0/24)"),
            rule("224.0.0.0/4", "multicast (224.0.0.0/4)"),
            rule("255.255.255.255/32", "broadcast (255.255.255.255)"),
            rule("240.0.0.0/4", "reserved (240.0.0.0/4)"));

    private static final List<Map.Entry<CidrRange, String>> IPV6_RULES = List.of(
            rule("::/128", "unspecified (::)"),
            rule("::1/128", "loopback (::1)"),
            rule("100::/64", "discard-only (100::/64)"),
            rule("2001:db8::/32", "documentation (2001:db8::/32)"),
            rule("fc00::/7", "unique-local (fc00::/7)"),
            rule("fe80::/10", "link-local (fe80::/10)"),
            rule("fec0::/10", "site-local (fec0::/10)"),
            rule("ff00::/8", "multicast (ff00::/8)"));

    private final List<CidrRange> allowed;
    private final List<InetSocketAddress> allowedEndpoints;
    private final OwnPorts ownPorts;
    private final HostResolver resolver;

    public AddressGuard(List<CidrRange> allowed) {
        this(allowed, SYSTEM_RESOLVER);
    }

    public AddressGuard(List<CidrRange> allowed, HostResolver resolver) {
        this(allowed, List.of(), OwnPorts.none(), resolver);
    }

    public AddressGuard(List<CidrRange> allowed, List<InetSocketAddress> allowedEndpoints, OwnPorts ownPorts,
                        HostResolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.allowedEndpoints = List.copyOf(allowedEndpoints);
        this.ownPorts = ownPorts;
        this.resolver = resolver;
    }

    /**
     * Resolves {@code host} (a name or an IP literal, IPv6 with or without brackets) and returns its addresses
     * when every one of them may be fetched.
     *
     * @throws UnknownHostException    when the host does not resolve (or is empty)
     * @throws BlockedAddressException when any address is non-public and not allow-listed
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, BlockedAddressException {
        return resolve(host, NO_PORT);
    }

    /**
     * {@link #resolve(String)} for a connection to {@code port}: also allows exactly allow-listed address:port pairs,
     * and refuses this process's own ports on this machine.
     */
    public List<InetAddress> resolve(String host, int port) throws UnknownHostException, BlockedAddressException {
        String h = host == null ? "" : host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            // InetAddress resolves "" to the loopback address: never let an empty host through.
            throw new UnknownHostException("empty host");
        }
        InetAddress[] addresses = resolver.resolve(h.toLowerCase(Locale.ROOT));
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(h);
        }
        for (InetAddress a : addresses) {
            check(h, a, port);
        }
        return List.of(addresses);
    }

    /**
     * The rules of {@link #resolve(String, int)} for one address already known, without any lookup: the fetcher
     * checks the peer of every connection it is about to send a request on (a pooled one included) with it.
     *
     * @throws BlockedAddressException when {@code address:port} may not be connected to
     */
    public void check(InetAddress address, int port) throws BlockedAddressException {
        check(address.getHostAddress(), address, port);
    }

    private void check(String host, InetAddress a, int port) throws BlockedAddressException {
        if (port != NO_PORT && ownPorts.contains(port) && isThisMachine(a)) {
            throw new BlockedAddressException(host + ":" + port + " is this application's own port (application or "
                    + "admin), never fetched");
        }
        if (!permits(a) && (port == NO_PORT || !allowedEndpoints.contains(new InetSocketAddress(a, port)))) {
            throw new BlockedAddressException(host + " resolves to " + a.getHostAddress() + ", "
                    + nonPublicReason(a.getAddress()).orElse("not public") + ", not allow-listed");
        }
    }

    /** Loopback, unspecified, or an address of one of this machine's interfaces. */
    static boolean isThisMachine(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] v4 = address.getAddress().length == 16 ? embeddedIpv4(address.getAddress()) : null;
        if (v4 != null && (v4[0] == 127 || (v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && v4[3] == 0))) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell: treat as ours, the safe side
        }
    }

    /** Whether one address may be connected to: public, or inside an allow-listed range. */
    public boolean permits(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (nonPublicReason(bytes).isEmpty()) {
            return true;
        }
        return allowed.stream().anyMatch(r -> r.contains(bytes));
    }

    /** Why an address (4 or 16 bytes) is not a public unicast address, or empty when it is public. */
    public static Optional<String> nonPublicReason(byte[] address) {
        if (address.length == 4) {
            return match(IPV4_RULES, address);
        }
        if (address.length != 16) {
            return Optional.of("unknown address family");
        }
        Optional<String> v6 = match(IPV6_RULES, address);
        if (v6.isPresent()) {
            return v6;
        }
        byte[] v4 = embeddedIpv4(address);
        if (v4 != null) {
            return match(IPV4_RULES, v4).map(reason -> "IPv6 form of " + reason);
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address an IPv6 address carries and may be routed to: mapped ({@code ::ffff:0:0/96}), compatible
     * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}); null for other addresses.
     */
    static byte[] embeddedIpv4(byte[] v6) {
        byte[] mapped = CidrRange.mappedIpv4(v6);
        if (mapped != null) {
            return mapped;
        }
        if (allZero(v6, 0, 12)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b && allZero(v6, 4, 12)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> match(List<Map.Entry<CidrRange, String>> rules, byte[] address) {
        return rules.stream().filter(r -> r.getKey().contains(address)).map(Map.Entry::getValue).findFirst();
    }

    private static Map.Entry<CidrRange, String> rule(String cidr, String reason) {
        return Map.entry(CidrRange.parse(cidr), reason);
    }
}
