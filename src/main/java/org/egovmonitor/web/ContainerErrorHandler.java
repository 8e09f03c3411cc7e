package org.egovmonitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.egovmonitor.errors.ApiExceptionMappers;
import org.egovmonitor.errors.ErrorResponse;

/**
 * Jetty's own error responses: requests refused before the servlet filters and Jersey run (a malformed request
 * line or URI: 400; headers too large: 431; a URI too long: 414) and {@code sendError} from a servlet filter (an
 * oversized body: 413). They get the security headers of every other response and the API's JSON error body with
 * a Chinese message, never Jetty's HTML page that echoes the URI and Jetty's English reason.
 */
public class ContainerErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    public ContainerErrorHandler(ObjectMapper json) {
        this.json = json;
        setCacheControl("no-store");
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeadersFilter.apply(response.getHeaders()::put, false);
        return super.handle(request, response, callback);
    }

    /** Every method gets a body (Jetty's default writes one for GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        byte[] body = json.writeValueAsBytes(new ErrorResponse(code, ApiExceptionMappers.messageFor(code),
                List.of()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
