package org.egovmonitor.crawler.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Normalises absolute URLs so that the same page compares equal: no fragment, lower-case scheme and host,
 * no default port, an empty path becomes {@code /}. Only http and https URLs are kept. */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /** The normalised form of an absolute URL, or empty when it is not a usable http(s) URL. */
    public static Optional<String> normalize(String absoluteUrl) {
        if (absoluteUrl == null) {
            return Optional.empty();
        }
        String s = DateExtractor.trim(absoluteUrl);
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        URI uri = parse(s);
        if (uri == null || uri.getHost() == null) {
            // Unparseable even after escaping: keep the raw form, it is still the best identity we have.
            return uri == null && s.length() > lower.indexOf("//") + 2 ? Optional.of(s) : Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https")
                && port == 443);
        StringBuilder out = new StringBuilder(s.length());
        out.append(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (!defaultPort) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return Optional.of(out.toString());
    }

    /** The lower-case host of a URL, or null. */
    public static String host(String url) {
        if (url == null) {
            return null;
        }
        URI uri = parse(url);
        return uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The raw query of a URL, or null. */
    public static String query(String url) {
        URI uri = url == null ? null : parse(url);
        return uri == null ? null : uri.getRawQuery();
    }

    /** The raw path of a URL, or null. */
    public static String path(String url) {
        URI uri = url == null ? null : parse(url);
        return uri == null ? null : uri.getRawPath();
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            try {
                return new URI(escape(s));
            } catch (URISyntaxException e2) {
                return null;
            }
        }
    }

    /** Percent-encodes characters old sites leave raw in hrefs (spaces, CJK, backslashes, |). */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
