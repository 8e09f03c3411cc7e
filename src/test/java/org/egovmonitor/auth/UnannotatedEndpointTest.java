package org.egovmonitor.auth;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.http.HttpResponse;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A resource method someone forgot to annotate is denied to everybody at runtime, the office included. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UnannotatedEndpointTest {

    /** The real app plus one resource without policy annotations. */
    public static class AppWithForgottenAnnotation extends EgovMonitorApplication {
        @Override
        public void run(EgovMonitorConfiguration config, Environment env) throws Exception {
            super.run(config, env);
            env.jersey().register(new Forgotten());
        }
    }

    @Path("/api/forgotten")
    public static class Forgotten {
        @GET
        public String read() {
            return "leaked";
        }

        @POST
        public String write() {
            return "changed";
        }
    }

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP =
            TestApp.extension(AppWithForgottenAnnotation.class, false);

    @Test
    void unannotatedMethod_officeAnonymousAlike_403() {
        Http http = new Http(APP.getLocalPort());
        HttpResponse<String> office = http.get("/api/forgotten").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                .send();
        assertThat(office.statusCode()).isEqualTo(403);
        assertThat(office.body()).doesNotContain("leaked").contains("未声明访问策略");
        assertThat(http.get("/api/forgotten").send().statusCode()).isEqualTo(403);
        assertThat(http.post("/api/forgotten").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).send()
                .statusCode()).isEqualTo(403);
    }

    @Test
    void policyOf_unannotated_isDenyAll() {
        Policy p = Policy.of(Forgotten.class, Forgotten.class.getMethods()[0]);
        assertThat(p.kind()).isEqualTo(Policy.Kind.UNANNOTATED);
        for (Role role : Role.values()) {
            assertThat(p.decide(role, "x", "GET", "x")).isEqualTo(Policy.Decision.FORBIDDEN);
        }
    }
}
