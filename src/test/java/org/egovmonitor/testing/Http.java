package org.egovmonitor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain HTTP against the running app, as a browser or a script sends it: no redirects followed, cookies and
 * headers exactly as given (java.net.http lets tests set Origin, which the Jersey client refuses to).
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public String origin() {
        return base;
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    /** Logs in through the form as the login page's script does; the session's cookie and CSRF token. */
    public Session login(String username, String password) {
        HttpResponse<String> r = post("/auth/login").header("Origin", base).header("Accept", "application/json")
                .form(Map.of("username", username, "password", password)).send();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("egov_session="))
                .findFirst().orElseThrow();
        String value = cookie.substring("egov_session=".length(), cookie.indexOf(';'));
        return new Session(value, json(r).path("csrfToken").asText(), cookie);
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.statusCode() + " " + r.body(), e);
        }
    }

    /** A logged-in browser: the cookie value, the CSRF token and the raw Set-Cookie header it came with. */
    public record Session(String cookie, String csrf, String setCookie) {
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request basic(String username, String password) {
            return header("Authorization", TestApp.basic(username, password));
        }

        public Request session(Session session) {
            return header("Cookie", "egov_session=" + session.cookie());
        }

        public Request csrf(Session session) {
            return header("X-CSRF-Token", session.csrf());
        }

        public Request json(String json) {
            return body("application/json", json);
        }

        public Request body(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Request form(Map<String, String> fields) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
            return this;
        }

        public HttpResponse<String> send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .method(method, body);
            headers.forEach(b::header);
            HttpRequest request = b.build();
            try {
                try {
                    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // The pooled connection was closed by the server after its previous answer (Jetty closes a
                    // connection whose request body it did not read, e.g. on a 401/403): nothing reached the server,
                    // so the request is sent once more on a new connection.
                    if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                        throw e;
                    }
                    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
