package org.egovmonitor.crawler.fetch;

/**
 * Probes of a site's host below HTTP, for the technical inspection checks: a TLS handshake and an IPv6 connect. An
 * implementation goes through the same defences as page fetches (address guard on every address, host overrides,
 * timeouts, per-host politeness), and never throws.
 */
public interface NetworkProbes {

    /** A TLS handshake with {@code host}:{@code port}, verifying the certificate as page fetches do. */
    TlsProbe tls(String host, int port);

    /** The IPv6 addresses of {@code host} and a TCP connect to {@code port} on them. */
    Ipv6Probe ipv6(String host, int port);
}
