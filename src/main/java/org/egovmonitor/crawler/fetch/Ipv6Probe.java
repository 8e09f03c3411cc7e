package org.egovmonitor.crawler.fetch;

import java.util.List;

/**
 * What an IPv6 probe of a host saw ({@link NetworkProbes#ipv6}): its IPv6 addresses and whether a TCP connect to one
 * of them succeeded.
 *
 * @param outcome   how it went
 * @param addresses the host's IPv6 addresses (AAAA records, or pinned ones), at most a few
 * @param connected the address a connect succeeded to, null when none did
 * @param detail    what failed, in Chinese (null when connected)
 */
public record Ipv6Probe(Outcome outcome, List<String> addresses, String connected, String detail) {

    public Ipv6Probe {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** How it went. */
    public enum Outcome {
        /** A connect over IPv6 succeeded. */
        CONNECTED,
        /** The host has no IPv6 address. */
        NO_AAAA,
        /** It has IPv6 addresses, but no connect to them succeeded. */
        UNREACHABLE,
        /** Not probed: the name does not resolve at all, an address is not allowed, a proxy is in use. */
        NOT_PROBED
    }
}
