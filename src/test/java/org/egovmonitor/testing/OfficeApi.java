package org.egovmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The running app's API as the test office account (HTTP Basic, so no CSRF token), with the contract every API
 * response keeps: JSON whose {@code code} equals the HTTP status and, for errors, a message.
 */
public final class OfficeApi {

    private final DropwizardAppExtension<?> app;

    public OfficeApi(DropwizardAppExtension<?> app) {
        this.app = app;
    }

    /** A request as the office, accepting any type (CSV exports included). */
    public Invocation.Builder request(String path) {
        return app.client().target("http://localhost:" + app.getLocalPort() + path).request()
                .header("Authorization", TestApp.OFFICE_BASIC);
    }

    /** A request as the office that asks for JSON. */
    public Invocation.Builder api(String path) {
        return request(path).accept(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The body of {@code response}, after checking its status and, for errors, the error shape. */
    public JsonNode json(Response response, int expectedStatus) {
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(body.path("code").asInt()).isEqualTo(expectedStatus);
            assertThat(body.path("message").asText()).isNotBlank();
        }
        return body;
    }

    public JsonNode get(String path, int status) {
        return json(api(path).get(), status);
    }

    public JsonNode post(String path, Object body, int status) {
        return json(api(path).post(Entity.json(body)), status);
    }

    public JsonNode put(String path, Object body, int status) {
        return json(api(path).put(Entity.json(body)), status);
    }
}
