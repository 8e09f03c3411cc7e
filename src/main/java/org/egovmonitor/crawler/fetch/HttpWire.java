package org.egovmonitor.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small part of HTTP/1.1 (RFC 9112) the fetcher speaks: one request per connection ({@code Connection:
 * close}), a bounded response head parser, and body framing (chunked, Content-Length, or until close). Everything
 * is bounded: a line, the whole head, the number of headers, a chunk-size line.
 */
final class HttpWire {

    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_HEADERS = 200;

    private HttpWire() {
    }

    /** A response status line and headers; header names are lower-cased. */
    record Head(int status, String reason, Map<String, List<String>> headers) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** Reads one response head, skipping interim 1xx responses. */
    static Head readHead(InputStream in) throws IOException {
        int budget = MAX_HEAD;
        while (true) {
            String statusLine = readLine(in, Math.min(MAX_LINE, budget), true);
            if (statusLine == null) {
                throw new ProtocolException("connection closed before any response");
            }
            budget -= statusLine.length();
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String lastName = null;
            int count = 0;
            while (true) {
                String line = readLine(in, Math.min(MAX_LINE, budget), false);
                if (line == null) {
                    throw new ProtocolException("connection closed inside the response head");
                }
                budget -= line.length() + 2;
                if (budget <= 0) {
                    throw new ProtocolException("response head larger than " + MAX_HEAD + " bytes");
                }
                if (line.isEmpty()) {
                    break;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                    // Obsolete line folding: the line continues the previous header's value.
                    List<String> values = headers.get(lastName);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed header line");
                }
                if (++count > MAX_HEADERS) {
                    throw new ProtocolException("more than " + MAX_HEADERS + " headers");
                }
                lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(lastName, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            int space = statusLine.indexOf(' ', statusLine.indexOf(' ') + 1);
            String reason = space < 0 ? "" : statusLine.substring(space + 1).trim();
            return new Head(status, reason, headers);
        }
    }

    private static int parseStatus(String line) throws ProtocolException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("bad status code");
        }
        return Integer.parseInt(code);
    }

    /**
     * Reads a line ending in LF (a preceding CR is dropped) as ISO-8859-1. Returns null at end of stream when nothing
     * was read. Leading empty lines are skipped when {@code skipEmpty} (tolerated before a status line).
     */
    static String readLine(InputStream in, int max, boolean skipEmpty) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a line");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r")) {
                    s = s.substring(0, s.length() - 1);
                }
                if (s.isEmpty() && skipEmpty) {
                    continue;
                }
                return s;
            }
            if (line.size() >= max) {
                throw new ProtocolException("header line longer than " + max + " bytes");
            }
            line.write(b);
        }
    }

    /** A body of exactly {@code length} bytes; ending early is a protocol error, never a short "whole" body. */
    static final class FixedLengthInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        FixedLengthInputStream(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("body ended " + remaining + " bytes before its Content-Length");
            }
            remaining -= n;
            return n;
        }
    }

    /** Decodes {@code Transfer-Encoding: chunked}; trailers are read and dropped. */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                chunkLeft = nextChunkSize();
                if (chunkLeft == 0) {
                    while (true) {
                        String trailer = readLine(in, MAX_LINE, false);
                        if (trailer == null || trailer.isEmpty()) {
                            break;
                        }
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new EOFException("body ended inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                String end = readLine(in, 2, false);
                if (end == null || !end.isEmpty()) {
                    throw new ProtocolException("chunk not followed by CRLF");
                }
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line = readLine(in, 1024, false);
            if (line == null) {
                throw new EOFException("body ended before the last chunk");
            }
            int semi = line.indexOf(';');
            String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ProtocolException("bad chunk size");
            }
            return Long.parseLong(hex, 16);
        }
    }

    /** Counts the bytes read through it (the wire size of a compressed body). */
    static final class CountingInputStream extends InputStream {
        private final InputStream in;
        private long count;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
