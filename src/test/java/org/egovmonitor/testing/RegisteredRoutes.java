package org.egovmonitor.testing;

import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The resource methods of a running app, read from Jersey's model of its registered resource classes (the same
 * enumeration as AuthorizationMatrixTest's): a test that walks these covers every endpoint added later without
 * being told about it.
 */
public final class RegisteredRoutes {

    private RegisteredRoutes() {
    }

    /** One parameter a client controls: its source (QUERY, PATH, FORM, ENTITY …), name and Java type. */
    public record Param(Parameter.Source source, String name, Class<?> type) {
    }

    /** One resource method: HTTP method, path template, the media type it consumes and its parameters. */
    public record Route(String httpMethod, String template, Method method, Class<?> resourceClass, MediaType consumes,
                        List<Param> params) {

        public List<Param> params(Parameter.Source source) {
            return params.stream().filter(p -> p.source() == source).toList();
        }

        @Override
        public String toString() {
            return httpMethod + " " + template + " (" + resourceClass.getSimpleName() + "." + method.getName() + ")";
        }
    }

    public static List<Route> of(Environment env) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        env.jersey().getResourceConfig().getInstances().forEach(i -> classes.add(i.getClass()));
        classes.addAll(env.jersey().getResourceConfig().getClasses());
        List<Route> routes = new ArrayList<>();
        for (Class<?> c : classes) {
            Resource resource = Resource.from(c);
            if (resource != null) {
                collect(resource, "", c, routes);
            }
        }
        return routes;
    }

    private static void collect(Resource resource, String prefix, Class<?> c, List<Route> out) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod rm : resource.getResourceMethods()) {
            MediaType consumes = rm.getConsumedTypes().stream().filter(t -> !t.isWildcardType()).findFirst()
                    .orElse(MediaType.APPLICATION_JSON_TYPE);
            List<Param> params = rm.getInvocable().getParameters().stream()
                    .filter(p -> p.getSource() != Parameter.Source.CONTEXT)
                    .map(p -> new Param(p.getSource(), p.getSourceName(), p.getRawType())).toList();
            out.add(new Route(rm.getHttpMethod(), path, rm.getInvocable().getDefinitionMethod(), c, consumes,
                    params));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, c, out);
        }
    }

    private static String join(String a, String b) {
        String s = (a == null ? "" : a) + "/" + (b == null ? "" : b);
        s = s.replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
