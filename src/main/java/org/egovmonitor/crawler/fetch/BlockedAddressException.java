package org.egovmonitor.crawler.fetch;

/** A host resolved to an address the SSRF guard refuses (private, loopback, link-local ... and not allow-listed). */
public final class BlockedAddressException extends Exception {

    public BlockedAddressException(String message) {
        super(message);
    }
}
