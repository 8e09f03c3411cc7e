package org.egovmonitor.auth;

import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The access rule of one resource method, read from its policy annotation (the method's own, else its class's).
 * A method with none gets {@link Kind#UNANNOTATED}, which denies everybody: forgetting the annotation fails closed.
 */
public record Policy(Kind kind, String unitParam) {

    public enum Kind { PUBLIC, ANY_ROLE, LEADER_OR_OFFICE, OFFICE_ONLY, OWN_UNIT, UNANNOTATED }

    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /** The annotations that state a policy. Exactly one may apply to a method. */
    public static final Set<Class<? extends Annotation>> ANNOTATIONS = Set.of(PublicEndpoint.class, AnyRole.class,
            LeaderOrOffice.class, OfficeOnly.class, OwnUnit.class);

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    public static boolean isWrite(String httpMethod) {
        return !SAFE_METHODS.contains(httpMethod);
    }

    /** The policy of a resource method; throws if it states two, or names a unit parameter its path lacks. */
    public static Policy of(Class<?> resourceClass, Method method) {
        Policy onMethod = declared(method.getAnnotations(), resourceClass, method);
        if (onMethod != null) {
            return onMethod;
        }
        Policy onClass = declared(resourceClass.getAnnotations(), resourceClass, method);
        return onClass != null ? onClass : new Policy(Kind.UNANNOTATED, null);
    }

    private static Policy declared(Annotation[] annotations, Class<?> resourceClass, Method method) {
        List<Policy> found = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a instanceof PublicEndpoint) {
                found.add(new Policy(Kind.PUBLIC, null));
            } else if (a instanceof AnyRole) {
                found.add(new Policy(Kind.ANY_ROLE, null));
            } else if (a instanceof LeaderOrOffice) {
                found.add(new Policy(Kind.LEADER_OR_OFFICE, null));
            } else if (a instanceof OfficeOnly) {
                found.add(new Policy(Kind.OFFICE_ONLY, null));
            } else if (a instanceof OwnUnit own) {
                requirePathParam(resourceClass, method, own.value());
                found.add(new Policy(Kind.OWN_UNIT, own.value()));
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException("More than one policy annotation on " + describe(resourceClass, method)
                    + ": " + found);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static void requirePathParam(Class<?> resourceClass, Method method, String param) {
        String template = pathOf(resourceClass.getAnnotation(Path.class)) + "/" + pathOf(method.getAnnotation(Path.class));
        if (!template.contains("{" + param + "}") && !template.matches(".*\\{\\s*" + param + "\\s*:.*")) {
            throw new IllegalStateException("@OwnUnit(\"" + param + "\") on " + describe(resourceClass, method)
                    + " but its path " + template + " has no such parameter");
        }
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String describe(Class<?> resourceClass, Method method) {
        return resourceClass.getSimpleName() + "." + method.getName();
    }

    /**
     * The rule itself, pure: {@code role} is null for an anonymous request, {@code pathUnit} the value of the unit
     * path parameter (OWN_UNIT only).
     */
    public Decision decide(Role role, String callerUnit, String httpMethod, String pathUnit) {
        if (kind == Kind.UNANNOTATED) {
            return Decision.FORBIDDEN;
        }
        if (kind == Kind.PUBLIC) {
            return Decision.ALLOW;
        }
        if (role == null) {
            return Decision.UNAUTHENTICATED;
        }
        boolean write = isWrite(httpMethod);
        boolean allowed = switch (kind) {
            case ANY_ROLE -> true;
            case LEADER_OR_OFFICE -> role == Role.OFFICE || (role == Role.LEADER && !write);
            case OFFICE_ONLY -> role == Role.OFFICE;
            case OWN_UNIT -> switch (role) {
                case OFFICE -> true;
                case LEADER -> !write;
                case DEPARTMENT -> callerUnit != null && callerUnit.equals(pathUnit);
            };
            default -> false;
        };
        return allowed ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
