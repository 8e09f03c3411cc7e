package org.egovmonitor.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.registry.SiteDao;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitDao;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Interaction facts from stored measurements on real PostgreSQL, through to the interaction score. */
class StoredObservationFactsTest {

    private static final LocalDate DAY = ScoringFixtures.DAY;

    private Jdbi jdbi;
    private ObservationStore store;
    private StoredObservationFacts facts;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        store = new ObservationStore(jdbi);
        // Contributions are not read by the interaction facts.
        facts = new StoredObservationFacts(jdbi, store, null, ZoneId.of("Asia/Shanghai"));
        jdbi.useTransaction(h -> {
            for (String code : List.of("dept-a", "dept-b", "dept-c", "dept-d")) {
                h.attach(UnitDao.class).insert(ScoringFixtures.unit(code, UnitKind.DEPARTMENT), new String[0],
                        new String[0]);
            }
        });
    }

    private long site(String url, String unit, boolean monitored) {
        return jdbi.withExtension(SiteDao.class, d -> d.insert(url, url, SiteKind.DEPARTMENT, unit, monitored,
                false));
    }

    private static SiteMeasurement measured(String url, LocalDate on, List<Section> sections) {
        return new SiteMeasurement(url, url, "DEPARTMENT", true, 200, 10, "UTF-8", null,
                new Homepage(on, 1, false, List.of()), sections, List.of(), List.of(), 1 + sections.size(), List.of(),
                "h", on);
    }

    private static Section mailbox(String url, List<Message> messages) {
        return new Section("mailbox", "局长信箱", url + "xx/", 200, null, messages.size(), 0, messages.isEmpty(),
                List.of(), messages);
    }

    private static Message message(String url, int askedDaysAgo, Integer answeredDaysAgo, MessageState state) {
        return new Message("来信", url, DAY.minusDays(askedDaysAgo),
                answeredDaysAgo == null ? null : DAY.minusDays(answeredDaysAgo), state);
    }

    @Test
    void interactions_latestMeasurementOnOrBeforeDay_perUnit() {
        long a1 = site("http://a.test/", "dept-a", true);
        long a2 = site("http://a2.test/", "dept-a", true);
        long b = site("http://b.test/", "dept-b", true);
        long c = site("http://c.test/", "dept-c", false);
        long d = site("http://d.test/", "dept-d", true);
        store.save("a1", a1, measured("http://a.test/", DAY.minusDays(2), List.of(mailbox("http://a.test/", List.of(
                message("http://a.test/xx/1", 30, 25, MessageState.ANSWERED),
                message("http://a.test/xx/2", 100, null, MessageState.PENDING))))), Instant.parse(
                "2024-06-28T02:00:00Z"));
        store.save("a2", a2, measured("http://a2.test/", DAY.minusDays(1), List.of(mailbox("http://a2.test/",
                List.of(message("http://a2.test/xx/1", 10, null, MessageState.ANSWERED))))), Instant.parse(
                "2024-06-29T02:00:00Z"));
        // dept-b: an interactive section without a single message; dept-c: its only site is not monitored.
        store.save("b", b, measured("http://b.test/", DAY, List.of(mailbox("http://b.test/", List.of()))),
                Instant.parse("2024-06-30T02:00:00Z"));
        store.save("c", c, measured("http://c.test/", DAY, List.of(mailbox("http://c.test/", List.of(
                message("http://c.test/xx/1", 10, null, MessageState.PENDING))))), Instant.parse(
                "2024-06-30T02:00:00Z"));
        // dept-d: the measurement after the day is not taken, the one before it is.
        store.save("d1", d, measured("http://d.test/", DAY.minusDays(3), List.of(mailbox("http://d.test/", List.of(
                message("http://d.test/xx/1", 10, null, MessageState.PENDING))))), Instant.parse(
                "2024-06-27T02:00:00Z"));
        store.save("d2", d, measured("http://d.test/", DAY.plusDays(1), List.of(mailbox("http://d.test/", List.of(
                message("http://d.test/xx/1", 10, 0, MessageState.ANSWERED))))), Instant.parse(
                "2024-07-01T02:00:00Z"));

        Map<String, UnitEvidence.InteractionFacts> byUnit = facts.interactions(DAY);

        assertThat(byUnit).containsOnlyKeys("dept-a", "dept-d");
        assertThat(byUnit.get("dept-a").messages()).extracting(UnitEvidence.Message::url, UnitEvidence.Message::state)
                .containsExactlyInAnyOrder(
                        tuple("http://a.test/xx/1", MessageState.ANSWERED),
                        tuple("http://a.test/xx/2", MessageState.PENDING),
                        tuple("http://a2.test/xx/1", MessageState.ANSWERED));
        assertThat(byUnit.get("dept-a").readOn()).isEqualTo(DAY.minusDays(2));
        assertThat(byUnit.get("dept-d").messages()).singleElement()
                .extracting(UnitEvidence.Message::state).isEqualTo(MessageState.PENDING);
        assertThat(facts.interactions(DAY, facts.latestMeasurements(DAY))).isEqualTo(byUnit);

        UnitScore scoreA = ScoreCalculator.score(ScoringFixtures.withInteraction(ScoringFixtures.healthy("dept-a"),
                byUnit.get("dept-a")), ScoringFixtures.CATALOGUE, DAY);
        IndicatorResult interaction = ScoringFixtures.indicator(scoreA, "interaction");
        assertThat(interaction.vetoed()).isTrue();
        assertThat(interaction.observed()).contains("留言 3 条", "1 条已答复但未公布答复日期");
    }
}
