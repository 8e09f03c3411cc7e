package org.egovmonitor.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.egovmonitor.platform.Messages;
import org.glassfish.jersey.server.ParamException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses. Dropwizard's default mappers are switched off so that every
 * error, including unexpected ones, gets the same JSON shape and a Chinese message, and never leaks a stack trace.
 */
public final class ApiExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMappers.class);

    private ApiExceptionMappers() {
    }

    public static void register(JerseyEnvironment jersey) {
        jersey.register(new ApiMapper());
        jersey.register(new NotAuthenticatedMapper());
        jersey.register(new TooManyAttemptsMapper());
        jersey.register(new JsonMapper());
        jersey.register(new ParamMapper());
        jersey.register(new WebAppMapper());
        jersey.register(new DatabaseMapper());
        jersey.register(new FallbackMapper());
    }

    static Response json(int status, String message, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorResponse(status, message, errors)).build();
    }

    /** JSON for the API; a page (a dashboard the role may not open, an unknown page) gets an HTML page. */
    static final class ApiMapper implements ExceptionMapper<ApiException> {

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(ApiException e) {
            if (uriInfo != null && (e.status() == 403 || e.status() == 404)
                    && ErrorPage.isPage(uriInfo.getRequestUri().getRawPath())) {
                return ErrorPage.of(e.status(), e.getMessage());
            }
            return json(e.status(), e.getMessage(), e.errors());
        }
    }

    /**
     * 401: JSON for the API and /auth; a page (anything else) redirects to the login page, which comes back here
     * after login. No WWW-Authenticate challenge: a Basic challenge would make browsers prompt for and then cache
     * credentials, which they would attach to cross-site requests (CSRF).
     */
    static final class NotAuthenticatedMapper implements ExceptionMapper<NotAuthenticatedException> {

        @Context
        private UriInfo uriInfo;

        @Override
        public Response toResponse(NotAuthenticatedException e) {
            String path = uriInfo.getRequestUri().getRawPath();
            if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/auth/")) {
                return json(401, e.getMessage(), e.errors());
            }
            String query = uriInfo.getRequestUri().getRawQuery();
            String next = URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8);
            return Response.seeOther(URI.create("/login.html?next=" + next)).build();
        }
    }

    /** 429 from the login throttle, with Retry-After in seconds. */
    static final class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttemptsException> {
        @Override
        public Response toResponse(TooManyAttemptsException e) {
            return Response.fromResponse(json(429, e.getMessage(), e.errors()))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
        }
    }

    /** Unparseable JSON is 400; parseable JSON with a wrongly typed or unknown field is 422 with the field. */
    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return json(422, Messages.get("error.invalidFields"), List.of(JsonFieldErrors.from(mapping)));
            }
            return json(400, Messages.get("error.invalidJson"), List.of());
        }
    }

    static final class WebAppMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("Request failed", e);
            }
            return json(status, messageFor(status), List.of());
        }
    }

    /** The Chinese message of a bare status, here and on the container's own error responses. */
    public static String messageFor(int status) {
        String key = status >= 500 ? "error.http.500" : "error.http." + status;
        return Messages.has(key) ? Messages.get(key) : Messages.get("error.http.other");
    }

    /**
     * A path, query, form, header or cookie parameter Jersey could not convert to the method's type (an id that is
     * not a number): 422 naming it, rather than JAX-RS's bare 404/400.
     */
    static final class ParamMapper implements ExceptionMapper<ParamException> {
        @Override
        public Response toResponse(ParamException e) {
            return json(422, Messages.get("error.invalidFields"),
                    List.of(FieldError.of(e.getParameterName(), Messages.get("error.badFormat"))));
        }
    }

    /** Unique and foreign-key violations that slipped past the service checks (races) are conflicts, not 500s. */
    static final class DatabaseMapper implements ExceptionMapper<JdbiException> {
        @Override
        public Response toResponse(JdbiException e) {
            String state = sqlState(e);
            if ("23505".equals(state)) {
                return json(409, Messages.get("error.duplicate"), List.of());
            }
            if ("23503".equals(state)) {
                return json(409, Messages.get("error.stillReferenced"), List.of());
            }
            if (state != null && state.startsWith("23")) {
                return json(422, Messages.get("error.constraint", state), List.of());
            }
            return FallbackMapper.internal(e);
        }

        private static String sqlState(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            return null;
        }
    }

    static final class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return internal(e);
        }

        static Response internal(Throwable e) {
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
            LOG.error("Unhandled error {}", id, e);
            return json(500, Messages.get("error.internalWithId", id), List.of());
        }
    }
}
