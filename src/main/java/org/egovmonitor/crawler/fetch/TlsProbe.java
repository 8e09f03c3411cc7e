package org.egovmonitor.crawler.fetch;

import java.time.Instant;

/**
 * What a TLS handshake with a host saw ({@link NetworkProbes#tls}): the certificate's expiry when it was valid, or why
 * it was not.
 *
 * @param outcome  how the handshake went
 * @param detail   what failed, in Chinese, for messages (null when valid)
 * @param notAfter the end of the leaf certificate's validity (null unless VALID)
 * @param subject  the leaf certificate's subject (null unless VALID)
 */
public record TlsProbe(Outcome outcome, String detail, Instant notAfter, String subject) {

    /** How the handshake went. */
    public enum Outcome {
        /** A trusted, current certificate for the host name. */
        VALID,
        /** The certificate is past its end (or not yet valid). */
        EXPIRED,
        /** The certificate is for other names. */
        NAME_MISMATCH,
        /** The certificate does not lead to a trusted authority (self-signed, incomplete chain). */
        UNTRUSTED,
        /** The handshake failed otherwise (protocol or cipher mismatch). */
        HANDSHAKE_FAILED,
        /** Nothing answers TLS on the port (refused, timed out, plain HTTP there). */
        NO_HTTPS,
        /** Not probed: the address is not allowed, a proxy is in use, the fetcher is closing. */
        NOT_PROBED
    }

    static TlsProbe of(Outcome outcome, String detail) {
        return new TlsProbe(outcome, detail, null, null);
    }

    /** The certificate is in order (it may still expire soon). */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
