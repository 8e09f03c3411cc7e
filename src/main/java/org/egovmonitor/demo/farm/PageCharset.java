package org.egovmonitor.demo.farm;

/**
 * How a site's bytes are encoded and how the encoding is declared. All GBK variants are encoded with GBK, which is a
 * subset of GB18030, so a crawler decoding GB18030 reads them exactly.
 */
public enum PageCharset {
    /** UTF-8 bytes; HTTP header {@code text/html; charset=utf-8} and {@code <meta charset="utf-8">}. */
    UTF8,
    /** GBK bytes; HTTP header {@code text/html} (no charset); {@code <meta http-equiv … charset=gb2312>}. */
    GBK_META,
    /** GBK bytes; HTTP header {@code text/html}; no declaration at all: the crawler must sniff. */
    GBK_UNDECLARED,
    /**
     * GBK bytes, but the HTTP header says {@code charset=utf-8} and there is no meta: a misconfigured server. The
     * bytes are not valid UTF-8, so a crawler must notice the malformed input and fall back to sniffing.
     */
    GBK_HEADER_SAYS_UTF8;

    public boolean isGbk() {
        return this != UTF8;
    }
}
