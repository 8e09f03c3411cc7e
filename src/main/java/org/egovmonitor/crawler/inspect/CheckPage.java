package org.egovmonitor.crawler.inspect;

import org.jsoup.nodes.Document;

/**
 * A page a check asked for: its status, where it ended after redirects, the error kind when it failed, and its
 * parsed document when it was whole HTML.
 */
public record CheckPage(String url, String finalUrl, int status, String errorKind, Document document) {

    public boolean html() {
        return document != null;
    }
}
