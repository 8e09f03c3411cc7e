package org.egovmonitor.crawler.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fetcher's view of a target URL: which URLs may be fetched at all (and in what normal form), how a redirect's
 * Location is read, and the parts of a URL the rest of the fetch keys on (host, port, origin, the loop-detection key).
 */
final class TargetUrls {

    private TargetUrls() {
    }

    /** Only absolute http(s) URLs with a host; the fragment is dropped and an empty path becomes "/". */
    static URI validate(URI given) throws FetchFailure {
        URI uri = given;
        if (uri == null || uri.getScheme() == null || !uri.isAbsolute()) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "not an absolute URL: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "not an http(s) URL: " + uri);
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null
                && !uri.getRawAuthority().chars().allMatch(c -> c < 0x80)) {
            uri = withPunycodeHost(uri);
        }
        // A null host means java.net.URI could not read a server authority (e.g. "0x7f.1"): never guess one.
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "no usable host in " + uri);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad port in " + uri);
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String ascii = new URI(scheme + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).toASCIIString();
            return new URI(ascii);
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad URL " + uri + ": " + e.getReason());
        }
    }

    /**
     * java.net.URI reads no host from an internationalised name ({@code http://政府.cn/}); rewrite the host part in
     * punycode (IDNA) so the URL can be fetched. Userinfo is dropped: we never send credentials.
     */
    private static URI withPunycodeHost(URI uri) throws FetchFailure {
        String authority = uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : authority.substring(colon);
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return new URI(uri.getScheme() + "://" + ascii + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad international host name in " + uri);
        }
    }

    /** Resolves a Location header against the current URL, tolerating unencoded spaces and non-ASCII. */
    static URI resolve(URI base, String location) throws FetchFailure {
        try {
            return base.resolve(new URI(encodeLoosely(location.trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad redirect Location: " + location);
        }
    }

    private static String encodeLoosely(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String key(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri) + ":" + port(uri) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String host(URI uri) {
        String h = uri.getHost();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.toLowerCase(Locale.ROOT);
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String origin(URI uri) {
        String h = host(uri);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":"
                + port(uri);
    }

    /** What OkHttp connects to without asking the Dns: IPv4 and IPv6 literals (all digits and dots, or a colon). */
    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    static String hostHeader(String host, int port) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port != 80 && port != 443 ? h + ":" + port : h;
    }
}
