package org.egovmonitor.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.brotli.dec.BrotliInputStream;

/**
 * The body of a response, read in bounded chunks under the size and decompression caps (the policy is described on
 * {@link HttpPageFetcher}), and the sniffing that tells a page from something else.
 */
final class BodyReader {

    /** Decoded size below which the ratio guard stays quiet: tiny bodies have meaningless ratios. */
    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;
    private static final int SNIFF_BYTES = 1024;
    /**
     * Small on purpose: the ratio guard compares decoded bytes with the compressed bytes the decoder has pulled,
     * and a large read-ahead would make a bomb look less extreme than it is.
     */
    private static final int INFLATE_BUFFER = 2048;
    private static final int READ_CHUNK = 8192;

    private final FetchSettings settings;

    BodyReader(FetchSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the body in bounded chunks, decoding it here so the caps see real bytes: the size cap counts decoded
     * bytes, the ratio guard decoded bytes against the compressed bytes the decoder has consumed.
     */
    byte[] read(Response response, long cap, boolean truncate, int status, Call call)
            throws IOException, FetchFailure {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        ResponseBody responseBody = response.body();
        String encoding = contentEncoding(response, status);
        long length = responseBody.contentLength();
        if (length >= 0 && encoding == null && length > cap && !truncate) {
            throw new FetchFailure(FetchErrorKind.TOO_LARGE,
                    "Content-Length " + length + " exceeds the cap of " + cap + " bytes", status);
        }
        CountingInputStream wire = new CountingInputStream(responseBody.byteStream());
        Inflater inflater = null;
        InputStream decoded;
        if (encoding == null) {
            decoded = wire;
        } else if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            decoded = new GZIPInputStream(wire, INFLATE_BUFFER);
        } else if (encoding.equals("br")) {
            decoded = new BrotliInputStream(wire, INFLATE_BUFFER);
        } else {
            // "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate: look first.
            PushbackInputStream peek = new PushbackInputStream(wire, 2);
            int b0 = peek.read();
            int b1 = b0 < 0 ? -1 : peek.read();
            if (b1 >= 0) {
                peek.unread(b1);
            }
            if (b0 >= 0) {
                peek.unread(b0);
            }
            boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
            inflater = new Inflater(!zlib);
            decoded = new InflaterInputStream(peek, inflater, INFLATE_BUFFER);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
        byte[] buf = new byte[READ_CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = decoded.read(buf)) != -1) {
                total += n;
                if (encoding != null && total > Math.min(RATIO_FLOOR_BYTES, cap)
                        && total > wire.count() * settings.maxDecompressionRatio()) {
                    throw new FetchFailure(FetchErrorKind.DECOMPRESSION_BOMB, wire.count() + " compressed bytes expanded to "
                            + total + " (ratio above " + settings.maxDecompressionRatio() + ")", status);
                }
                if (total > cap) {
                    if (truncate) {
                        out.write(buf, 0, (int) (n - (total - cap)));
                        call.cancel(); // the rest is not read: drop the connection rather than drain it
                        return out.toByteArray();
                    }
                    throw new FetchFailure(FetchErrorKind.TOO_LARGE,
                            "body exceeds the cap of " + cap + " bytes", status);
                }
                out.write(buf, 0, n);
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        return out.toByteArray();
    }

    private static String contentEncoding(Response response, int status) throws FetchFailure {
        String value = response.header("Content-Encoding");
        if (value == null) {
            return null;
        }
        String e = value.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return null;
        }
        if (e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate") || e.equals("br")) {
            return e;
        }
        // We only offer gzip, deflate and br; anything else (stacked codings, zstd) cannot be decoded safely.
        throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "unsupported Content-Encoding " + value, status);
    }

    /** Counts the bytes read through it: the compressed size a decoder has consumed. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
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

    /**
     * True for media types that cannot be a web page. Text, XML flavours, octet-stream and a missing type are
     * read and sniffed instead, because misconfigured servers label HTML with them.
     */
    static boolean clearlyNotText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !(mime.isEmpty() || mime.startsWith("text/") || mime.endsWith("+xml") || mime.equals("application/xml")
                || mime.equals("application/octet-stream") || mime.equals("application/x-unknown")
                || mime.equals("unknown/unknown"));
    }

    /** A NUL byte, or more than 10% control characters, in the first KB (UTF-16/32 with a BOM excepted). */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, SNIFF_BYTES);
        if (n >= 2 && ((body[0] == (byte) 0xfe && body[1] == (byte) 0xff)
                || (body[0] == (byte) 0xff && body[1] == (byte) 0xfe))) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                control++;
            }
        }
        return control * 10 > n;
    }
}
