package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /api/labels names every constant of every enum it serves in Chinese, straight from the enums; and the
 * dashboards use it instead of keeping their own copy of any of those names.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LabelsResourceTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final Path DASHBOARDS = Path.of("dashboards");
    static Http http;

    @BeforeAll
    static void setUp() {
        http = new Http(APP.getLocalPort());
    }

    static JsonNode served() {
        HttpResponse<String> r = http.get("/api/labels").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    @Nested
    class Endpoint {

        @Test
        void labels_everyConstantOfEveryServedEnum_inChinese_inDeclarationOrder() {
            JsonNode labels = served();
            List<String> names = new ArrayList<>();
            labels.fieldNames().forEachRemaining(names::add);
            List<String> expected = new ArrayList<>(LabelsResource.SERVED.stream()
                    .map(e -> e.type().getSimpleName()).toList());
            expected.add("JobName");
            expected.addAll(LabelsResource.PAGE_LABELS.keySet());
            expected.add(LabelsResource.FAMILIES);
            assertThat(names).containsExactlyElementsOf(expected);
            assertThat(labels.path("JobName").path("crawl-round").asText()).isEqualTo("抓取轮次");
            assertThat(labels.path("JobCause").path("FOLLOW_UP").asText()).matches(".*\\p{IsHan}.*");
            assertThat(labels.path("IndicatorParam").path("vetoAfterDays").asText()).isEqualTo("否决天数");
            assertThat(labels.path("SectionFamily").path("open_gov").asText()).isEqualTo("政务公开");
            for (LabelsResource.LabelledEnum<?> e : LabelsResource.SERVED) {
                JsonNode byConstant = labels.path(e.type().getSimpleName());
                List<String> constants = new ArrayList<>();
                byConstant.fieldNames().forEachRemaining(constants::add);
                assertThat(constants).as(e.type().getName()).containsExactlyElementsOf(
                        Arrays.stream(e.type().getEnumConstants()).map(Enum::name).toList());
                byConstant.fields().forEachRemaining(c -> assertThat(c.getValue().asText())
                        .as(e.type().getSimpleName() + "." + c.getKey()).matches(".*\\p{IsHan}.*"));
            }
            assertThat(labels.path("Grade").path("FAIL").asText()).isEqualTo("不合格");
            assertThat(labels.path("FetchErrorKind").path("QUEUE_TIMEOUT").asText()).startsWith("排队等待超时");
        }

        @Test
        void labels_anonymous_401() {
            assertThat(http.get("/api/labels").send().statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class Dashboards {

        /** Every file of the dashboards, script and page, with its text. */
        static Map<Path, String> files() throws IOException {
            Map<Path, String> texts = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(DASHBOARDS)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                        .toList()) {
                    texts.put(p, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            assertThat(texts.keySet()).contains(DASHBOARDS.resolve("common.js"), DASHBOARDS.resolve("office.html"));
            return texts;
        }

        /**
         * A copy of a label is the constant written next to its name: {@code FAIL: '不合格'},
         * {@code ['FAIL', '不合格']} or {@code <option value="FAIL">不合格</option>}.
         */
        @Test
        void noFile_pairsAConstantWithItsLabel() throws IOException {
            Map<Path, String> files = files();
            List<String> copies = new ArrayList<>();
            for (LabelsResource.LabelledEnum<?> e : LabelsResource.SERVED) {
                served().path(e.type().getSimpleName()).fields().forEachRemaining(c -> {
                    Pattern copy = Pattern.compile("\\b" + c.getKey() + "\\b['\"]?\\s*[:,>]\\s*(?:\\w+\\s*:\\s*)?['\"]?"
                            + Pattern.quote(c.getValue().asText()) + "['\"<]");
                    files.forEach((path, text) -> {
                        if (copy.matcher(text).find()) {
                            copies.add(path + ": " + e.type().getSimpleName() + "." + c.getKey());
                        }
                    });
                });
            }
            assertThat(copies).isEmpty();
        }

        /** What the pages look up by name is served: a misspelt enum would show raw constants. */
        @Test
        void everyEnumThePagesLookUp_isServed() throws IOException {
            Pattern lookup = Pattern.compile("E\\.(?:label|constants)\\('(\\w+)'|E\\.enumOptions\\([^,]+, '(\\w+)'\\)"
                    + "|\\blabel\\('(\\w+)'");
            TreeSet<String> used = new TreeSet<>();
            for (String text : files().values()) {
                Matcher m = lookup.matcher(text);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
            List<String> served = new ArrayList<>();
            served().fieldNames().forEachRemaining(served::add);
            assertThat(used).contains("Grade", "PeerGroup", "UnitKind", "Role", "ReviewStatus", "NodeStatus",
                    "IndicatorState", "FindingKind", "JobRunStatus", "SystemInUse", "FetchErrorKind");
            assertThat(served).containsAll(used);
        }
    }
}
