package org.egovmonitor.auth;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource method registered in the running app × {anonymous, office, leader, department of unit A,
 * department of unit B}, over real HTTP. The expected outcome is derived here, independently of the production
 * Policy class, from the method's annotation; a method without one fails the test. "Allowed" means the request got
 * past the policy and was answered: a 2xx, 3xx or a 4xx other than 401/403 (a 404 or 422 from a made-up id or an
 * empty body is fine). A 5xx is never "allowed": it means the request got through and broke something. "Denied" is
 * exactly 401 (anonymous; pages answer with a redirect to the login page) or 403.
 *
 * Path parameters are filled so that no fixture is destroyed: ids and usernames that do not exist, and for unit
 * codes the department's own or the other unit (both are tried for @OwnUnit), or a unit that does not exist for the
 * office.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthorizationMatrixTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final String PASSWORD = "matrix-password";
    static final String UNIT_A = "mx-a";
    static final String UNIT_B = "mx-b";
    static final Pattern PARAM = Pattern.compile("\\{\\s*(\\w+)\\s*(?::((?:[^{}]|\\{[^{}]*})*))?}");
    static Http http;

    enum Who {
        ANONYMOUS(null, null, null), OFFICE(TestApp.OFFICE_USER, Role.OFFICE, null),
        LEADER("mx-leader", Role.LEADER, null), DEPT_A("mx-dept-a", Role.DEPARTMENT, UNIT_A),
        DEPT_B("mx-dept-b", Role.DEPARTMENT, UNIT_B);

        final String username;
        final Role role;
        final String unit;

        Who(String username, Role role, String unit) {
            this.username = username;
            this.role = role;
            this.unit = unit;
        }

        String password() {
            return this == OFFICE ? TestApp.OFFICE_PASSWORD : PASSWORD;
        }
    }

    record Endpoint(String httpMethod, String template, Method method, Class<?> resourceClass, MediaType consumes) {
        @Override
        public String toString() {
            return httpMethod + " " + template + " (" + resourceClass.getSimpleName() + "." + method.getName() + ")";
        }
    }

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String unit : List.of(UNIT_A, UNIT_B)) {
            assertThat(http.post("/api/units").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                    .json("{\"code\":\"" + unit + "\",\"name\":\"矩阵" + unit + "\",\"kind\":\"DEPARTMENT\"}").send()
                    .statusCode()).isEqualTo(201);
        }
        for (Who who : List.of(Who.LEADER, Who.DEPT_A, Who.DEPT_B)) {
            String unit = who.unit == null ? "" : ",\"unitCode\":\"" + who.unit + "\"";
            assertThat(http.post("/api/users").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                    .json("{\"username\":\"" + who.username + "\",\"role\":\"" + who.role + "\",\"password\":\""
                            + PASSWORD + "\"" + unit + "}").send().statusCode()).isEqualTo(201);
        }
    }

    /** The resource methods of the running app, from Jersey's model of the registered resource classes. */
    static List<Endpoint> endpoints() {
        return org.egovmonitor.testing.RegisteredRoutes.of(APP.getEnvironment()).stream()
                .map(r -> new Endpoint(r.httpMethod(), r.template(), r.method(), r.resourceClass(), r.consumes()))
                .toList();
    }

    @Test
    void endpoints_includeEveryKnownResource() {
        List<String> all = endpoints().stream().map(Endpoint::toString).toList();
        assertThat(all).anyMatch(e -> e.startsWith("DELETE /api/units/{code}/liaison"))
                .anyMatch(e -> e.startsWith("POST /auth/login")).anyMatch(e -> e.startsWith("GET /api/audit"))
                .anyMatch(e -> e.startsWith("GET /login.html"));
    }

    @TestFactory
    Stream<DynamicTest> everyMethod_everyCaller_policyHolds() {
        return endpoints().stream().flatMap(e -> {
            String annotation = policyAnnotation(e);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(e + " has a policy annotation",
                    () -> assertThat(annotation).as(e + " has no policy annotation (@PublicEndpoint, @AnyRole, "
                            + "@LeaderOrOffice, @OfficeOnly, @OwnUnit)").isNotNull()));
            if (annotation == null) {
                return tests.stream();
            }
            for (Who who : Who.values()) {
                List<String> units = unitCases(e, who);
                for (String unit : units) {
                    tests.add(DynamicTest.dynamicTest(e + " as " + who + " on unit " + unit,
                            () -> check(e, annotation, who, unit)));
                }
            }
            return tests.stream();
        });
    }

    /** Departments try their own and the other unit on @OwnUnit; the office a unit that does not exist. */
    private static List<String> unitCases(Endpoint e, Who who) {
        if (!e.template().contains("{code")) {
            return List.of("-");
        }
        if (who.role == Role.DEPARTMENT) {
            return List.of(UNIT_A, UNIT_B);
        }
        return List.of(who == Who.OFFICE || who == Who.LEADER ? "mx-none" : UNIT_A);
    }

    private static void check(Endpoint e, String annotation, Who who, String unit) {
        boolean write = !Set.of("GET", "HEAD", "OPTIONS").contains(e.httpMethod());
        Expect expected = expected(annotation, who, write, unit);
        HttpResponse<String> r = send(e, who, unit);
        int status = r.statusCode();
        boolean page = !e.template().startsWith("/api") && !e.template().startsWith("/auth");
        switch (expected) {
            case ALLOWED -> assertThat(status).as(e + " as " + who + ": " + r.body()).isBetween(200, 499)
                    .isNotIn(401, 403);
            case FORBIDDEN -> assertThat(status).as(e + " as " + who + ": " + r.body()).isEqualTo(403);
            case UNAUTHENTICATED -> {
                if (page) {
                    assertThat(status).as(e + " as " + who).isEqualTo(303);
                    assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login.html?next=");
                } else {
                    assertThat(status).as(e + " as " + who + ": " + r.body()).isEqualTo(401);
                }
            }
        }
    }

    enum Expect { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    /** The rules of design §7, stated again for the test rather than taken from the code under test. */
    private static Expect expected(String annotation, Who who, boolean write, String unit) {
        if (annotation.equals("PublicEndpoint")) {
            return Expect.ALLOWED;
        }
        if (who == Who.ANONYMOUS) {
            return Expect.UNAUTHENTICATED;
        }
        boolean ok = switch (annotation) {
            case "AnyRole" -> true;
            case "OfficeOnly" -> who == Who.OFFICE;
            case "LeaderOrOffice" -> who == Who.OFFICE || (who == Who.LEADER && !write);
            case "OwnUnit" -> who == Who.OFFICE || (who == Who.LEADER && !write)
                    || (who.role == Role.DEPARTMENT && who.unit.equals(unit));
            default -> throw new AssertionError("unknown policy " + annotation);
        };
        return ok ? Expect.ALLOWED : Expect.FORBIDDEN;
    }

    private static String policyAnnotation(Endpoint e) {
        String onMethod = policyOf(e.method().getAnnotations());
        return onMethod != null ? onMethod : policyOf(e.resourceClass().getAnnotations());
    }

    private static String policyOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            Class<?> t = a.annotationType();
            if (t == PublicEndpoint.class || t == AnyRole.class || t == LeaderOrOffice.class
                    || t == OfficeOnly.class || t == OwnUnit.class) {
                return t.getSimpleName();
            }
        }
        return null;
    }

    private static HttpResponse<String> send(Endpoint e, Who who, String unit) {
        String path = fill(e.template(), unit);
        Http.Request request = http.request(e.httpMethod(), path);
        if (who != Who.ANONYMOUS) {
            request.basic(who.username, who.password());
        }
        if (path.equals("/auth/login")) {
            // The login itself: a valid login (as the office for the anonymous caller) from our own origin.
            Who as = who == Who.ANONYMOUS ? Who.OFFICE : who;
            return request.header("Origin", http.origin()).header("Accept", "application/json")
                    .form(Map.of("username", as.username, "password", as.password())).send();
        }
        if (e.consumes().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.form(Map.of("x", "y"));
        } else if (Set.of("POST", "PUT", "PATCH").contains(e.httpMethod())) {
            boolean json = e.consumes().isCompatible(MediaType.APPLICATION_JSON_TYPE);
            request.body(e.consumes().toString(), json ? "{}" : "x");
        }
        return request.send();
    }

    /** Fills path parameters with harmless values that match the parameter's regex, if it has one. */
    private static String fill(String template, String unit) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "code" -> unit;
                case "id" -> "999999";
                case "username" -> "mx-nobody";
                case "page" -> "index.html";
                case "asset" -> "login.css";
                default -> "1";
            };
            String regex = m.group(2) == null ? null : m.group(2).strip();
            if (regex != null && !value.matches(regex)) {
                // e.g. {format: docx|pdf}: a value the route accepts, so the request reaches the access check
                value = Arrays.stream(regex.split("\\|")).filter(a -> a.matches("[\\w.-]+")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no sample value for " + template));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
