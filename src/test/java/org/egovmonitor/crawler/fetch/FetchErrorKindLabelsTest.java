package org.egovmonitor.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Users read error kinds in Chinese, in the CLI (FetchErrorKind#label) and the dashboards (common.js) alike. */
class FetchErrorKindLabelsTest {

    @Test
    void everyKind_hasAChineseLabel_andTheDashboardsShowTheSame() throws Exception {
        String js = Files.readString(Path.of("dashboards/common.js"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("var ERROR_KINDS = \\{(.*?)\\};", Pattern.DOTALL).matcher(js);
        assertThat(block.find()).as("ERROR_KINDS in dashboards/common.js").isTrue();
        Map<String, String> dashboard = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("([A-Z_]+): '([^']*)'").matcher(block.group(1));
        while (pair.find()) {
            dashboard.put(pair.group(1), pair.group(2));
        }
        Map<String, String> enumLabels = new LinkedHashMap<>();
        for (FetchErrorKind k : FetchErrorKind.values()) {
            assertThat(k.label()).as(k.name()).matches(".*\\p{IsHan}.*");
            enumLabels.put(k.name(), k.label());
        }
        assertThat(dashboard).isEqualTo(enumLabels);
    }

    @Test
    void labelOf_storedNames() {
        assertThat(FetchErrorKind.labelOf("QUEUE_TIMEOUT")).startsWith("排队等待超时");
        assertThat(FetchErrorKind.labelOf("SOME_FUTURE_KIND")).isEqualTo("SOME_FUTURE_KIND");
        assertThat(FetchErrorKind.labelOf(null)).isNull();
    }
}
