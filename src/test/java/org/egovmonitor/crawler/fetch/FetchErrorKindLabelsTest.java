package org.egovmonitor.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Users read error kinds in Chinese, in the CLI (FetchErrorKind#label) and the dashboards alike (which read the same
 * labels from /api/labels, see LabelsResourceTest).
 */
class FetchErrorKindLabelsTest {

    @Test
    void everyKind_hasAChineseLabel() {
        for (FetchErrorKind k : FetchErrorKind.values()) {
            assertThat(k.label()).as(k.name()).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void labelOf_storedNames() {
        assertThat(FetchErrorKind.labelOf("QUEUE_TIMEOUT")).startsWith("排队等待超时");
        assertThat(FetchErrorKind.labelOf("SOME_FUTURE_KIND")).isEqualTo("SOME_FUTURE_KIND");
        assertThat(FetchErrorKind.labelOf(null)).isNull();
    }
}
