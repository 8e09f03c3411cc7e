package org.egovmonitor.demo.farm;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One pre-rendered response.
 *
 * @param contentType the Content-Type header value, exactly as sent (may or may not name a charset)
 * @param body        the body bytes
 * @param status      the HTTP status
 */
public record FarmPage(String contentType, byte[] body, int status) {

    /** Answers {@code request} with this page (headers only for HEAD), completing {@code callback}. */
    public void send(Request request, Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
