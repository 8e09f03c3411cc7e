package org.egovmonitor.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Refuses control characters in path, query and form parameters (422 naming each parameter), before any resource
 * sees them: a NUL reached PostgreSQL (which refuses it: a 500) and control characters forge log lines. Runs after
 * authentication and authorisation (a stranger learns nothing about a route's parameters), before the method.
 * Path and query parameters never need a control character; a form field may hold a tab or a line break (a
 * password), as a JSON string may (see {@link StrictJsonModule}).
 */
@Priority(Priorities.USER - 200)
public class ParameterCheckFilter implements ContainerRequestFilter {

    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), false, errors);
        check(request.getUriInfo().getQueryParameters(), false, errors);
        boolean ownCheck = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ChecksControlCharacters.class);
        if (!ownCheck && request instanceof ContainerRequest jersey && request.hasEntity()
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            // Buffered (the body is small: BodySizeLimitFilter) so that the resource method reads it again.
            jersey.bufferEntity();
            check(jersey.readEntity(Form.class).asMap(), true, errors);
        }
        ValidationException.throwIfAny(errors);
    }

    private static void check(MultivaluedMap<String, String> params, boolean text, List<FieldError> errors) {
        params.forEach((name, values) -> {
            if (hasControl(name, text) || values.stream().anyMatch(v -> hasControl(v, text))) {
                errors.add(FieldError.of(StrictJsonModule.printable(name),
                        Messages.get("error.web.controlCharacters")));
            }
        });
    }

    /** C0 controls and DEL; with {@code text}, tab, line feed and carriage return are allowed. */
    static boolean hasControl(String s, boolean text) {
        return s != null && s.chars().anyMatch(c -> (c < 0x20 || c == 0x7f)
                && !(text && (c == '\t' || c == '\n' || c == '\r')));
    }
}
