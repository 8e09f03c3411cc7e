package org.egovmonitor.demo.farm;

import java.nio.charset.StandardCharsets;

/**
 * A generated site served under a path prefix of its host. The site is generated as if at the root; its HTML is
 * rewritten when served so that root-relative ({@code href="/…"}) and absolute ({@code http://host/…}) links point
 * under the prefix. The rewrite works on the bytes read as ISO-8859-1, which leaves GBK text untouched: the patterns
 * are ASCII and always follow a space or a quote, never a GBK lead byte.
 */
record MountedSite(String prefix, GeneratedSite site) {

    /** The page for a request path under the prefix ({@code /xiangzhen/zhaotan} alone is its homepage). */
    FarmPage respond(String pathQuery) {
        String inner = pathQuery.substring(prefix.length());
        if (inner.isEmpty() || inner.startsWith("?")) {
            inner = "/" + inner;
        }
        FarmPage page = site.respond(inner);
        if (!page.contentType().startsWith("text/html")) {
            return page;
        }
        String root = site.spec().rootUrl();
        String text = new String(page.body(), StandardCharsets.ISO_8859_1)
                .replace("href=\"/", "href=\"" + prefix + "/")
                .replace("src=\"/", "src=\"" + prefix + "/")
                .replace("action=\"/", "action=\"" + prefix + "/")
                .replace(root, root + prefix.substring(1) + "/");
        return new FarmPage(page.contentType(), text.getBytes(StandardCharsets.ISO_8859_1), page.status());
    }
}
