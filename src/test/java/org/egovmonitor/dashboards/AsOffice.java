package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;

/** Set-up calls of the browser tests, made as the test office account (HTTP Basic: no session, no CSRF token). */
final class AsOffice {

    private AsOffice() {
    }

    static Http.Request office(Http.Request request) {
        return request.basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
    }

    /** Checks that a set-up POST created what it asked for (201), showing the answer when not. */
    static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
