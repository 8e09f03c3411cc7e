package org.egovmonitor.crawler.fetch;

/**
 * Why a fetch did not yield a whole, usable response. Stable names: they are stored with observations and shown
 * to users by their Chinese {@link #label()}, so add new kinds rather than renaming.
 */
public enum FetchErrorKind {
    INVALID_URL("网址无效"),
    /** Host name did not resolve. */
    DNS_FAILURE("域名无法解析"),
    /** Target (or a redirect target) resolves to a private/loopback/link-local address that is not allow-listed. */
    BLOCKED_ADDRESS("地址不允许访问（内网地址）"),
    CONNECT_REFUSED("连接被拒绝"),
    CONNECT_TIMEOUT("连接超时"),
    /** No bytes for longer than the read timeout. */
    READ_TIMEOUT("读取超时"),
    /** The wall-clock deadline for the whole fetch (connect, headers and body) ran out, e.g. a dripping server. */
    DEADLINE_EXCEEDED("响应总时长超限"),
    CONNECTION_RESET("连接被重置"),
    /** Body larger than the size cap (counted after decompression). */
    TOO_LARGE("页面过大"),
    /** Compressed body expanding beyond the decompression guard's ratio or size. */
    DECOMPRESSION_BOMB("压缩内容异常（解压后过大）"),
    TOO_MANY_REDIRECTS("跳转次数过多"),
    REDIRECT_LOOP("循环跳转"),
    ROBOTS_DISALLOWED("robots.txt 禁止抓取"),
    /** HTTP status >= 400 (the status itself is in the result). */
    HTTP_ERROR("HTTP 错误"),
    /** A page fetch got something that is not HTML (binary, image, PDF ...). */
    NOT_HTML("不是网页"),
    TLS_ERROR("HTTPS 证书或加密错误"),
    /** Malformed HTTP, bad chunking, etc. */
    PROTOCOL_ERROR("HTTP 协议错误"),
    IO_ERROR("读写错误"),
    /**
     * The fetch waited longer than {@code maxQueueWaitMs} for its host's politeness turn (or a global slot) and was
     * never sent: a fact about our queue, not about the site.
     */
    QUEUE_TIMEOUT("排队等待超时（本系统繁忙，不计为网站故障）"),
    /**
     * The homepage leads away from the site (a meta refresh, script redirect, frame or splash link to another
     * registered domain). Not produced by the fetcher: the measurement records it as a finding and measures the page
     * it has instead of another site.
     */
    EXTERNAL_REDIRECT("首页跳转到其他网站");

    private final String label;

    FetchErrorKind(String label) {
        this.label = label;
    }

    /** What users read (Chinese), e.g. 连接超时. */
    public String label() {
        return label;
    }

    /** The label of a stored kind name, the name itself when it is unknown (stored by a newer version). */
    public static String labelOf(String name) {
        if (name == null) {
            return null;
        }
        for (FetchErrorKind k : values()) {
            if (k.name().equals(name)) {
                return k.label;
            }
        }
        return name;
    }
}
