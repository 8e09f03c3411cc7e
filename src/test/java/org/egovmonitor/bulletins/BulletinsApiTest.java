package org.egovmonitor.bulletins;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulletins API of the running service: generate, list, download headers, regenerate, and who may do what. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BulletinsApiTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final OfficeApi API = new OfficeApi(APP);
    static final String PASSWORD = "correct-horse-battery";
    static final Pattern FILENAME_STAR = Pattern.compile("filename\\*=UTF-8''([^;]+)");
    static Http http;
    static long monthly;

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String unit : List.of("bt-a", "bt-b")) {
            API.post("/api/units", Map.of("code", unit, "name", "测试单位" + unit, "kind", "DEPARTMENT"), 201);
        }
        API.post("/api/users", Map.of("username", "bt-dept-a", "role", "DEPARTMENT", "password", PASSWORD,
                "unitCode", "bt-a"), 201);
        for (String day : List.of("2024-05-31", "2024-06-30")) {
            API.json(API.api("/api/scoring/snapshot?date=" + day).post(Entity.json("")), 200);
        }
        JsonNode generated = API.post("/api/bulletins", Map.of("kind", "MONTHLY", "date", "2024-06-15"), 200);
        assertThat(generated.path("periodFrom").asText()).isEqualTo("2024-06-01");
        assertThat(generated.path("periodTo").asText()).isEqualTo("2024-06-30");
        assertThat(generated.path("snapshotDay").asText()).isEqualTo("2024-06-30");
        assertThat(generated.path("previousDay").asText()).isEqualTo("2024-05-31");
        assertThat(generated.path("generatedBy").asText()).isEqualTo(TestApp.OFFICE_USER);
        monthly = generated.path("id").asLong();
    }

    static String chineseFilename(String contentDisposition) {
        Matcher m = FILENAME_STAR.matcher(contentDisposition);
        assertThat(m.find()).as(contentDisposition).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    static Http.Request department(String method, String path) {
        return http.request(method, path).basic("bt-dept-a", PASSWORD);
    }

    @Nested
    class Office {

        @Test
        void list_showsTheReportWithFileSizes() {
            JsonNode list = API.get("/api/bulletins", 200);
            JsonNode row = list.get(0);
            assertThat(row.path("id").asLong()).isEqualTo(monthly);
            assertThat(row.path("kind").asText()).isEqualTo("MONTHLY");
            assertThat(row.path("docxBytes").asInt()).isPositive();
            assertThat(row.path("pdfBytes").asInt()).isPositive();
        }

        @Test
        void download_pdf_typeAndChineseFilename() {
            Response r = API.request("/api/bulletins/" + monthly + "/pdf").get();
            byte[] body = r.readEntity(byte[].class);
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getHeaderString("Content-Type")).isEqualTo("application/pdf");
            String disposition = r.getHeaderString("Content-Disposition");
            assertThat(disposition).startsWith("attachment; filename=\"bulletin-monthly-2024-06-01_2024-06-30.pdf\"");
            assertThat(chineseFilename(disposition)).isEqualTo("通报-月报-2024-06-01_2024-06-30.pdf");
            assertThat(new String(body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        @Test
        void download_docx_wordTypeAndZip() {
            Response r = API.request("/api/bulletins/" + monthly + "/docx").get();
            byte[] body = r.readEntity(byte[].class);
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getHeaderString("Content-Type")).isEqualTo(ReportFormat.DOCX_TYPE);
            assertThat(chineseFilename(r.getHeaderString("Content-Disposition")))
                    .isEqualTo("通报-月报-2024-06-01_2024-06-30.docx");
            assertThat(new String(body, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        }

        @Test
        void regenerate_sameReportNewFiles() {
            JsonNode again = API.post("/api/bulletins/" + monthly + "/regenerate", "", 200);
            assertThat(again.path("id").asLong()).isEqualTo(monthly);
            assertThat(API.get("/api/bulletins", 200)).hasSize(1);
        }

        @Test
        void notice_ofAnyUnit_pdf() {
            Response r = API.request("/api/units/bt-b/notice.pdf").get();
            r.readEntity(byte[].class);
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(chineseFilename(r.getHeaderString("Content-Disposition")))
                    .isEqualTo("整改通知书-测试单位bt-b-2024-06-30.pdf");
        }

        @ParameterizedTest(name = "{0} {1} -> {3}")
        @CsvSource(delimiter = '|', value = {
                "GET  | /api/bulletins/999999/pdf        |                                   | 404",
                "POST | /api/bulletins/999999/regenerate |                                   | 404",
                "GET  | /api/units/no-such/notice.pdf    |                                   | 404",
                "POST | /api/bulletins                   | {}                                | 422",
                "POST | /api/bulletins                   | {\"kind\":\"CUSTOM\"}             | 422",
                "POST | /api/bulletins                   | {\"kind\":\"WEEKLY\",\"date\":\"2023-01-02\"} | 404",
                "POST | /api/bulletins                   | {\"kind\":\"CUSTOM\",\"from\":\"2024-07-01\",\"to\":\"2024-06-01\"} | 422"})
        void errors_jsonWithChineseMessage(String method, String path, String body, int status) {
            // a download asks for any type, as a browser does; its error is still JSON
            Response r = "GET".equals(method) ? API.request(path).get()
                    : API.api(path).post(Entity.json(body == null ? "" : body));
            JsonNode error = API.json(r, status);
            assertThat(error.path("message").asText()).containsPattern("\\p{IsHan}");
        }
    }

    @Nested
    class Department {

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
                "GET,  /api/bulletins, 403",
                "POST, /api/bulletins, 403",
                "GET,  /api/bulletins/ID/pdf, 403",
                "POST, /api/bulletins/ID/regenerate, 403",
                "GET,  /api/units/bt-b/notice.pdf, 403",
                "GET,  /api/units/bt-b/notice.docx, 403"})
        void officeOnly_andOtherUnits_forbidden(String method, String path, int status) {
            Http.Request request = department(method, path.replace("ID", Long.toString(monthly)));
            if ("POST".equals(method)) {
                request.json("{\"kind\":\"MONTHLY\"}");
            }
            assertThat(request.send().statusCode()).isEqualTo(status);
        }

        @Test
        void ownNotice_bothFormats() {
            for (String format : List.of("pdf", "docx")) {
                HttpResponse<String> r = department("GET", "/api/units/bt-a/notice." + format).send();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                        .isEqualTo(ReportFormat.valueOf(format.toUpperCase()).mediaType());
                assertThat(chineseFilename(r.headers().firstValue("Content-Disposition").orElseThrow()))
                        .isEqualTo("整改通知书-测试单位bt-a-2024-06-30." + format);
            }
        }

        @Test
        void anonymous_unauthorised() {
            assertThat(http.get("/api/bulletins").send().statusCode()).isEqualTo(401);
            assertThat(http.get("/api/units/bt-a/notice.pdf").send().statusCode()).isEqualTo(401);
        }
    }
}
