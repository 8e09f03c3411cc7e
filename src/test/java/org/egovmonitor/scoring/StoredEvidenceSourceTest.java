package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.registry.LiaisonDao;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.SiteDao;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitDao;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence read from the registry and probe tables on real PostgreSQL. */
class StoredEvidenceSourceTest {

    @Test
    void evidenceFor_probesInWindow_liaisonOnDay_nodeProbes() {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();
        LocalDate day = LocalDate.of(2024, 6, 30);
        long siteId = jdbi.inTransaction(h -> {
            h.attach(UnitDao.class).insert(ScoringFixtures.unit("dept-a", UnitKind.DEPARTMENT), new String[0],
                    new String[0]);
            h.attach(UnitDao.class).insert(ScoringFixtures.unit("town-a", UnitKind.TOWNSHIP), new String[0],
                    new String[0]);
            long id = h.attach(SiteDao.class).insert("http://a.test/", "A", SiteKind.DEPARTMENT, "dept-a", true,
                    false);
            h.attach(SiteDao.class).insert("http://off.test/", "off", SiteKind.DEPARTMENT, "dept-a", false, false);
            h.attach(NetworkNodeDao.class).upsert(new NetworkNode("dept-a", NodeStatus.CONNECTED, 1, day, 10, 5,
                    "10.0.0.1", 80));
            h.attach(LiaisonDao.class).insert("dept-a", "旧人", "1", null, day.minusYears(2));
            h.attach(LiaisonDao.class).closeCurrent("dept-a", day.plusDays(1));
            h.attach(LiaisonDao.class).insert("dept-a", "新人", "2", null, day.plusDays(1));
            // In the window (Shanghai days 06-24 .. 06-30): 3 up, 1 down; outside: one each side.
            for (String at : List.of("2024-06-24T00:30:00+08:00", "2024-06-28T10:00:00+08:00",
                    "2024-06-30T23:59:00+08:00")) {
                h.execute("INSERT INTO availability_probes (site_id, probed_at, up, status, url) "
                        + "VALUES (?, ?::timestamptz, true, 200, 'http://a.test/')", id, at);
            }
            h.execute("INSERT INTO availability_probes (site_id, probed_at, up, status, error_kind, url) "
                    + "VALUES (?, '2024-06-29T08:00:00+08:00', false, 503, 'HTTP_ERROR', 'http://a.test/')", id);
            h.execute("INSERT INTO availability_probes (site_id, probed_at, up, status, url) "
                    + "VALUES (?, '2024-06-23T23:59:00+08:00', false, 0, 'http://a.test/')", id);
            h.execute("INSERT INTO availability_probes (site_id, probed_at, up, status, url) "
                    + "VALUES (?, '2024-07-01T00:00:00+08:00', false, 0, 'http://a.test/')", id);
            h.execute("INSERT INTO node_probes (unit_code, probed_at, up, endpoint) "
                    + "VALUES ('dept-a', '2024-06-29T08:00:00+08:00', false, '10.0.0.1:80')");
            return id;
        });
        List<UnitEvidence> evidence = new StoredEvidenceSource(jdbi, ZoneId.of("Asia/Shanghai"), 7,
                ObservationFacts.NONE).evidenceFor(day);
        UnitEvidence a = evidence.stream().filter(e -> e.unit().code().equals("dept-a")).findFirst().orElseThrow();
        assertThat(a.sites()).hasSize(1);
        UnitEvidence.SiteEvidence site = a.sites().get(0);
        assertThat(site.siteId()).isEqualTo(siteId);
        assertThat(site.probeSamples()).isEqualTo(4);
        assertThat(site.probeFailures()).isEqualTo(1);
        assertThat(site.lastFailure()).isEqualTo(new UnitEvidence.ProbeFailure(LocalDate.of(2024, 6, 29),
                "http://a.test/", 503, "HTTP_ERROR"));
        assertThat(site.measurement()).isNull();
        assertThat(site.missingReason()).isNotBlank();
        assertThat(a.liaison().name()).isEqualTo("旧人");
        assertThat(a.node().probeSamples()).isEqualTo(1);
        assertThat(a.node().probeFailures()).isEqualTo(1);
        assertThat(a.lanReport()).isNull();
        UnitEvidence town = evidence.stream().filter(e -> e.unit().code().equals("town-a")).findFirst()
                .orElseThrow();
        assertThat(town.sites()).isEmpty();
        assertThat(town.node()).isNull();
        assertThat(town.liaison()).isNull();
    }
}
