package org.egovmonitor.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Security headers on every response of the application connector, set before anything else runs so that error
 * responses (including the container's own) carry them too. The CSP forbids inline script and any foreign origin:
 * pages load their JavaScript from files under dashboards/, which keeps crawled text that slipped through escaping
 * from ever running.
 */
public class SecurityHeadersFilter implements Filter {

    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (res instanceof HttpServletResponse response && req instanceof HttpServletRequest request) {
            apply(response::setHeader, isStaticAsset(request.getRequestURI()));
        }
        chain.doFilter(req, res);
    }

    /**
     * Sets the headers through {@code setHeader}; shared with the container's own error responses
     * (org.egovmonitor.web.ContainerErrorHandler), which never reach this filter.
     */
    public static void apply(BiConsumer<String, String> setHeader, boolean staticAsset) {
        setHeader.accept("Content-Security-Policy", CSP);
        setHeader.accept("X-Frame-Options", "DENY");
        setHeader.accept("X-Content-Type-Options", "nosniff");
        setHeader.accept("Referrer-Policy", "same-origin");
        if (!staticAsset) {
            // API answers and pages show one user's data: never to be stored by a browser or a proxy.
            setHeader.accept("Cache-Control", "no-store");
        }
    }

    private static boolean isStaticAsset(String path) {
        return path != null && (path.endsWith(".css") || path.endsWith(".js") || path.endsWith(".svg")
                || path.endsWith(".png") || path.endsWith(".ico") || path.startsWith("/webjars/"));
    }
}
