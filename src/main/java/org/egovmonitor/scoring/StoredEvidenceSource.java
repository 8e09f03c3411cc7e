package org.egovmonitor.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.registry.Liaison;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Evidence from the database: units, monitored sites, nodes and liaisons from the registry; availability and node
 * probes from V3's tables over the probe window ending at the end of the day (city time); everything else from
 * {@link ObservationFacts}. A handful of bulk queries per day, whatever the number of units.
 *
 * <p>Liaisons are taken as of the day (history), but the registry itself (units, sites, nodes) is its current
 * state: recomputing an old day uses today's registry with that day's observations.
 */
public final class StoredEvidenceSource implements EvidenceSource {

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final int probeWindowDays;
    private final ObservationFacts facts;

    public StoredEvidenceSource(Jdbi jdbi, ZoneId zone, int probeWindowDays, ObservationFacts facts) {
        this.jdbi = jdbi;
        this.zone = zone;
        this.probeWindowDays = probeWindowDays;
        this.facts = facts;
    }

    @Override
    public List<UnitEvidence> evidenceFor(LocalDate day) {
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = day.plusDays(1).minusDays(probeWindowDays).atStartOfDay(zone).toInstant();
        return jdbi.inTransaction(h -> {
            EvidenceQueries q = h.attach(EvidenceQueries.class);
            List<Unit> units = h.attach(UnitDao.class).findAll();
            Map<String, List<Site>> sites = new HashMap<>();
            q.monitoredSites().forEach(s -> sites.computeIfAbsent(s.unitCode(), k -> new ArrayList<>()).add(s));
            Map<String, EvidenceQueries.ProbeCount> availability = new HashMap<>();
            q.availability(from, to).forEach(p -> availability.put(p.key(), p));
            Map<Long, EvidenceQueries.LastFailure> failures = new HashMap<>();
            q.lastFailures(from, to).forEach(f -> failures.put(f.siteId(), f));
            Map<String, EvidenceQueries.ProbeCount> nodeProbes = new HashMap<>();
            q.nodeProbes(from, to).forEach(p -> nodeProbes.put(p.key(), p));
            Map<String, NetworkNode> nodes = new HashMap<>();
            h.attach(NetworkNodeDao.class).findAll().forEach(n -> nodes.put(n.unitCode(), n));
            Map<String, Liaison> liaisons = new HashMap<>();
            q.liaisonsOn(day).forEach(l -> liaisons.put(l.unitCode(), l));
            Map<Long, SiteMeasurement> measurements = facts.latestMeasurements(day);
            Map<String, UnitEvidence.LanReport> reports = facts.approvedReports(day);
            Map<String, UnitEvidence.Contributions> contributions = facts.contributions(day);
            Map<String, UnitEvidence.InteractionFacts> interactions = facts.interactions(day, measurements);

            List<UnitEvidence> out = new ArrayList<>(units.size());
            for (Unit unit : units) {
                List<UnitEvidence.SiteEvidence> siteEvidence = new ArrayList<>();
                for (Site site : sites.getOrDefault(unit.code(), List.of())) {
                    EvidenceQueries.ProbeCount probes = availability.get(Long.toString(site.id()));
                    EvidenceQueries.LastFailure last = failures.get(site.id());
                    SiteMeasurement m = measurements.get(site.id());
                    siteEvidence.add(new UnitEvidence.SiteEvidence(site.id(), site.url(), site.kind(), m,
                            m == null ? facts.noMeasurementReason() : null, probes == null ? 0 : probes.samples(),
                            probes == null ? 0 : probes.failures(), last == null ? null
                            : new UnitEvidence.ProbeFailure(LocalDate.ofInstant(last.at(), zone), last.url(),
                            last.status(), last.errorKind())));
                }
                NetworkNode node = nodes.get(unit.code());
                EvidenceQueries.ProbeCount np = nodeProbes.get(unit.code());
                UnitEvidence.NodeEvidence nodeEvidence = node == null ? null : new UnitEvidence.NodeEvidence(
                        node.status(), node.phase(), np == null ? 0 : np.samples(), np == null ? 0 : np.failures(),
                        node.probeHost() == null ? null : node.probeHost() + ":" + node.probePort());
                Liaison liaison = liaisons.get(unit.code());
                out.add(new UnitEvidence(unit, siteEvidence, nodeEvidence, reports.get(unit.code()),
                        liaison == null ? null
                                : new UnitEvidence.LiaisonFacts(liaison.name(), liaison.phone(), liaison.since()),
                        contributions.get(unit.code()), interactions.get(unit.code())));
            }
            return out;
        });
    }
}
