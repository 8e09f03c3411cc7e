package org.egovmonitor.crawler.classify;

/** The section catalogue file is missing, unreadable or invalid; the message names the file and the keys. */
public class SectionCatalogException extends RuntimeException {

    public SectionCatalogException(String message) {
        super(message);
    }

    public SectionCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
