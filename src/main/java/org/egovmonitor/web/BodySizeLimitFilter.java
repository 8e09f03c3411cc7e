package org.egovmonitor.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.egovmonitor.errors.PayloadTooLargeException;

/**
 * Caps request bodies before anything reads them: a login form of 100 MB would otherwise be read whole into the
 * heap by the form parser. A body whose Content-Length is over its cap is refused at once (413, rendered by
 * {@link org.egovmonitor.web.ContainerErrorHandler}) without reading a byte; a body without a length (chunked)
 * is counted as it is read, and reading past the cap throws {@link PayloadTooLargeException} (413 through the API's
 * exception mappers). Uploads, i.e. CSV/text bodies (the node survey import), get the larger upload cap; every
 * other body (login form, JSON) the small one. An endpoint that does not consume text answers 415 without reading.
 */
public class BodySizeLimitFilter implements Filter {

    /** Media types of uploaded files: their bodies may be up to the upload cap. */
    static final Set<String> UPLOAD_TYPES = Set.of("text/csv", "text/plain");

    private final long maxBody;
    private final long maxUpload;

    public BodySizeLimitFilter(RequestLimits limits) {
        this.maxBody = limits.getMaxBodySize().toBytes();
        this.maxUpload = limits.getMaxUploadSize().toBytes();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long cap = isUpload(request.getContentType()) ? maxUpload : maxBody;
        if (request.getContentLengthLong() > cap) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    PayloadTooLargeException.message(cap));
            return;
        }
        chain.doFilter(new CappedRequest(request, cap), res);
    }

    static boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return UPLOAD_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false; // unparseable: the small cap, and Jersey answers 415 anyway
        }
    }

    /** The request whose body stream stops at the cap. */
    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream capped;

        CappedRequest(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedInputStream(super.getInputStream(), cap);
            }
            return capped;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }
    }

    private static final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long cap;
        private long read;

        CappedInputStream(ServletInputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the cap: the overflow is seen without buffering more of it.
            int n = in.read(buffer, offset, (int) Math.min(length, cap - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > cap) {
                throw new PayloadTooLargeException(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }
}
