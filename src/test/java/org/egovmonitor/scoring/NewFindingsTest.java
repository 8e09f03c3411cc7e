package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.registry.PeerGroup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of today's warnings and vetoes are new since the previous stored day. */
class NewFindingsTest {

    static final LocalDate DAY = LocalDate.of(2024, 7, 2);
    static final LocalDate BEFORE = LocalDate.of(2024, 7, 1);

    static AlertRow row(LocalDate day, String unit, String indicator, String kind, String site, String message) {
        return new AlertRow(day, unit, "单位" + unit, PeerGroup.DEPARTMENTS, new Finding(indicator,
                FindingKind.valueOf(kind), 0, "观测", "标准", message, "提示", site.isEmpty() ? null : site,
                Evidence.NONE));
    }

    @ParameterizedTest(name = "[{index}] before {0}/{1}/{2}/{3}, today {4}/{5}/{6}/{7} -> new {8}")
    @CsvSource({
            // same unit, indicator, kind and site: not new, even when the wording changed
            "a, homepage_freshness, WARNING, http://a.test/, a, homepage_freshness, WARNING, http://a.test/, false",
            // another unit
            "a, homepage_freshness, WARNING, http://a.test/, b, homepage_freshness, WARNING, http://a.test/, true",
            // another indicator
            "a, homepage_freshness, WARNING, http://a.test/, a, availability, WARNING, http://a.test/, true",
            // a warning that became a veto is new as a veto
            "a, homepage_freshness, WARNING, http://a.test/, a, homepage_freshness, VETO, http://a.test/, true",
            // the same problem on another site of the unit
            "a, homepage_freshness, WARNING, http://a.test/, a, homepage_freshness, WARNING, http://b.test/, true",
            // unit-level findings have no site
            "a, liaison, WARNING, '', a, liaison, WARNING, '', false"})
    void markedNew_whenThePreviousDayLackedIt(String u0, String i0, String k0, String s0, String u1, String i1,
                                             String k1, String s1, boolean expected) {
        List<AlertRow> marked = NewFindings.mark(List.of(row(DAY, u1, i1, k1, s1, "今天的说法")), BEFORE,
                List.of(row(BEFORE, u0, i0, k0, s0, "昨天的说法")));
        assertThat(marked).singleElement().satisfies(r -> {
            assertThat(r.isNew()).isEqualTo(expected);
            assertThat(r.previousDay()).isEqualTo(BEFORE);
            assertThat(r.finding().message()).isEqualTo("今天的说法");
        });
    }

    @org.junit.jupiter.api.Test
    void withoutAPreviousDay_nothingIsNew() {
        List<AlertRow> marked = NewFindings.mark(List.of(row(DAY, "a", "liaison", "WARNING", "", "m")), null,
                List.of());
        assertThat(marked).singleElement().satisfies(r -> {
            assertThat(r.isNew()).isFalse();
            assertThat(r.previousDay()).isNull();
        });
    }
}
