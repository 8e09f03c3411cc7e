package org.egovmonitor.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.platform.RuleProblems;

/**
 * Fixed addresses for named hosts, like {@code /etc/hosts}, optionally with a port (like curl's
 * {@code --connect-to}). Government networks often have split DNS: a site's name resolves differently (or not at
 * all) from where the monitor runs, so the operator pins it. The demo uses it to reach its generated sites, whose
 * real-looking names have no DNS here.
 *
 * <p>An override replaces only the <em>lookup</em>: the overridden address is still checked by the
 * {@link AddressGuard} against {@code allowPrivateCidrs}, so pinning a name to 127.0.0.1 does not open loopback to
 * the crawler. Targets are IP literals only (never names), so an override cannot trigger a DNS lookup itself.
 */
public final class HostOverrides {

    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})");
    private static final Pattern IPV6_PORT = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::(\\d{1,5}))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** One pinned host: the address to connect to, and the port replacing the URL's (null: keep the URL's). */
    public record Target(InetAddress address, Integer port) {
    }

    public static final HostOverrides NONE = new HostOverrides(Map.of());

    private final Map<String, Target> targets;

    private HostOverrides(Map<String, Target> targets) {
        this.targets = Map.copyOf(targets);
    }

    /**
     * Parses {@code host -> "ip"}, {@code "ip:port"}, {@code "::1"} or {@code "[::1]:port"}.
     *
     * @throws IllegalArgumentException listing every bad entry
     */
    public static HostOverrides parse(Map<String, String> entries) {
        RuleProblems problems = new RuleProblems();
        problems(entries, problems);
        problems.throwIfAny();
        Map<String, Target> out = new LinkedHashMap<>();
        entries.forEach((host, value) -> out.put(host.toLowerCase(Locale.ROOT), target(value.strip())));
        return new HostOverrides(out);
    }

    /** Adds one problem per bad entry, named {@code hostOverrides.<host>}. */
    static void problems(Map<String, String> entries, RuleProblems problems) {
        entries.forEach((host, value) -> {
            if (host == null || !HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
                problems.add("hostOverrides." + host, "'" + host + "' 不是主机名");
            } else if (value == null || target(value.strip()) == null) {
                problems.add("hostOverrides." + host, "必须映射到一个 IP 地址，可带端口（127.0.1.1、127.0.1.1:8080、"
                        + "[::1]:8080），实为 '" + value + "'");
            }
        });
    }

    private static Target target(String value) {
        try {
            Matcher m;
            if (IPV4.matcher(value).matches()) {
                return new Target(literal(value), null);
            }
            if ((m = IPV4_PORT.matcher(value)).matches()) {
                return new Target(literal(m.group(1)), port(m.group(2)));
            }
            if ((m = IPV6_PORT.matcher(value)).matches()) {
                return new Target(literal(m.group(1)), m.group(2) == null ? null : port(m.group(2)));
            }
            if (IPV6.matcher(value).matches()) {
                return new Target(literal(value), null);
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** The patterns above admit only literals, so this never looks a name up. */
    private static InetAddress literal(String ip) throws UnknownHostException {
        if (ip.indexOf(':') < 0) {
            for (String part : ip.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException(ip);
                }
            }
        }
        return InetAddress.getByName(ip);
    }

    private static int port(String text) {
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port " + p);
        }
        return p;
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** A resolver answering pinned hosts from this table and every other host through {@code fallback}. */
    public AddressGuard.HostResolver resolver(AddressGuard.HostResolver fallback) {
        if (targets.isEmpty()) {
            return fallback;
        }
        return host -> {
            Target t = targets.get(host.toLowerCase(Locale.ROOT));
            return t != null ? new InetAddress[]{t.address()} : fallback.resolve(host);
        };
    }

    /** The port to connect to for {@code host}: the pinned one, else {@code urlPort}. */
    public int port(String host, int urlPort) {
        Target t = targets.get(host.toLowerCase(Locale.ROOT));
        return t == null || t.port() == null ? urlPort : t.port();
    }
}
