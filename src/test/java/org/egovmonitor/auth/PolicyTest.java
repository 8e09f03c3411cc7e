package org.egovmonitor.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    @ParameterizedTest(name = "{0} {1} {2} unit={3} path={4} -> {5}")
    @CsvSource(nullValues = "-", value = {
            "PUBLIC,           -,          GET,  -, -, ALLOW",
            "PUBLIC,           -,          POST, -, -, ALLOW",
            "ANY_ROLE,         -,          GET,  -, -, UNAUTHENTICATED",
            "ANY_ROLE,         DEPARTMENT, POST, a, -, ALLOW",
            "OFFICE_ONLY,      OFFICE,     POST, -, -, ALLOW",
            "OFFICE_ONLY,      LEADER,     GET,  -, -, FORBIDDEN",
            "OFFICE_ONLY,      DEPARTMENT, GET,  a, -, FORBIDDEN",
            "LEADER_OR_OFFICE, LEADER,     GET,  -, -, ALLOW",
            "LEADER_OR_OFFICE, LEADER,     POST, -, -, FORBIDDEN",
            "LEADER_OR_OFFICE, DEPARTMENT, GET,  a, -, FORBIDDEN",
            "OWN_UNIT,         OFFICE,     PUT,  -, b, ALLOW",
            "OWN_UNIT,         LEADER,     GET,  -, b, ALLOW",
            "OWN_UNIT,         LEADER,     POST, -, b, FORBIDDEN",
            "OWN_UNIT,         DEPARTMENT, GET,  a, a, ALLOW",
            "OWN_UNIT,         DEPARTMENT, POST, a, a, ALLOW",
            "OWN_UNIT,         DEPARTMENT, GET,  a, b, FORBIDDEN",
            "OWN_UNIT,         DEPARTMENT, DELETE, a, b, FORBIDDEN",
            "OWN_UNIT,         -,          GET,  -, a, UNAUTHENTICATED",
            "UNANNOTATED,      OFFICE,     GET,  -, -, FORBIDDEN",
            "UNANNOTATED,      -,          GET,  -, -, FORBIDDEN"})
    void decide_table(Policy.Kind kind, Role role, String method, String callerUnit, String pathUnit,
                      Policy.Decision expected) {
        assertThat(new Policy(kind, "code").decide(role, callerUnit, method, pathUnit)).isEqualTo(expected);
    }

    @Path("/x/{code}")
    static class Good {
        @GET
        @OwnUnit("code")
        public String own() {
            return "";
        }

        @GET
        @Path("/y")
        @OwnUnit("unit")
        public String wrongParam() {
            return "";
        }

        @GET
        @OfficeOnly
        @AnyRole
        public String two() {
            return "";
        }
    }

    @Test
    void of_misconfiguredAnnotations_failAtStart() throws Exception {
        assertThat(Policy.of(Good.class, Good.class.getMethod("own")).unitParam()).isEqualTo("code");
        assertThatThrownBy(() -> Policy.of(Good.class, Good.class.getMethod("wrongParam")))
                .hasMessageContaining("no such parameter");
        assertThatThrownBy(() -> Policy.of(Good.class, Good.class.getMethod("two")))
                .hasMessageContaining("More than one policy");
    }
}
