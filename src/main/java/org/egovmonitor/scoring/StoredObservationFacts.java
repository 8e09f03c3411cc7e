package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.SelfReport;
import org.egovmonitor.collection.SelfReportDao;
import org.egovmonitor.collection.SystemInUse;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.SiteDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ObservationFacts} over what the app has stored: crawl measurements, approved self-reports, portal
 * contributions and the messages (信箱, 留言) read from interactive sections, each as of the end of the asked day so
 * that a past day recomputes to the same scores.
 *
 * <p>Interaction messages are those of the sections of each monitored site's latest measurement on or before the
 * day (only interactive sections carry messages), gathered per owning unit. A unit none of whose sites showed a
 * message — no interactive section, none fetched, or lists without a single message — has no facts (无数据).
 */
public final class StoredObservationFacts implements ObservationFacts {

    private final Jdbi jdbi;
    private final ObservationStore observations;
    private final ContributionService contributions;
    private final ZoneId zone;

    public StoredObservationFacts(Jdbi jdbi, ObservationStore observations, ContributionService contributions,
                                  ZoneId zone) {
        this.jdbi = jdbi;
        this.observations = observations;
        this.contributions = contributions;
        this.zone = zone;
    }

    @Override
    public Map<Long, SiteMeasurement> latestMeasurements(LocalDate day) {
        Map<Long, SiteMeasurement> out = new HashMap<>();
        observations.latestOnOrBefore(day, ObservationStore.Detail.FOR_SCORING)
                .forEach((site, stored) -> out.put(site, stored.measurement()));
        return out;
    }

    @Override
    public Map<String, UnitEvidence.InteractionFacts> interactions(LocalDate day) {
        return interactions(day, latestMeasurements(day));
    }

    @Override
    public Map<String, UnitEvidence.InteractionFacts> interactions(LocalDate day,
                                                                   Map<Long, SiteMeasurement> latestMeasurements) {
        Map<String, List<UnitEvidence.Message>> messages = new HashMap<>();
        Map<String, LocalDate> readOn = new HashMap<>();
        for (Site site : jdbi.withExtension(SiteDao.class, d -> d.list(null, null, true))) {
            SiteMeasurement m = latestMeasurements.get(site.id());
            if (m == null) {
                continue;
            }
            List<UnitEvidence.Message> read = new ArrayList<>();
            for (SiteMeasurement.Section s : m.sections()) {
                for (SiteMeasurement.Message msg : s.messages()) {
                    read.add(new UnitEvidence.Message(msg.url(), msg.askedOn(), msg.answeredOn(), msg.state()));
                }
            }
            if (!read.isEmpty()) {
                messages.computeIfAbsent(site.unitCode(), k -> new ArrayList<>()).addAll(read);
                readOn.merge(site.unitCode(), m.measuredOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, UnitEvidence.InteractionFacts> out = new HashMap<>();
        messages.forEach((unit, list) -> out.put(unit, new UnitEvidence.InteractionFacts(list, readOn.get(unit))));
        return out;
    }

    @Override
    public String noMeasurementReason() {
        return "尚未抓取";
    }

    @Override
    public Map<String, UnitEvidence.LanReport> approvedReports(LocalDate day) {
        Map<String, SelfReport> current = new HashMap<>();
        Comparator<SelfReport> newer = Comparator.comparing(SelfReport::reportDate)
                .thenComparing(SelfReport::reviewedAt).thenComparingLong(SelfReport::id);
        for (SelfReport r : jdbi.withExtension(SelfReportDao.class, d -> d.byStatus("APPROVED"))) {
            if (r.reviewedAt() == null || r.reportDate().isAfter(day)
                    || r.reviewedAt().atZone(zone).toLocalDate().isAfter(day)) {
                continue;
            }
            current.merge(r.unitCode(), r, (a, b) -> newer.compare(a, b) >= 0 ? a : b);
        }
        Map<String, UnitEvidence.LanReport> out = new HashMap<>();
        current.forEach((unit, r) -> out.put(unit, new UnitEvidence.LanReport(
                r.reviewedAt().atZone(zone).toLocalDate(), r.lanPresent(), r.computers(), r.staff(), r.oaInUse(),
                r.internetAccess(), systemIds(r.systems()))));
        return out;
    }

    /** The catalogue's application ids (indicators.yml, rule APPLICATIONS) for the declared systems. */
    static List<String> systemIds(List<SystemInUse> systems) {
        Set<String> ids = new LinkedHashSet<>();
        for (SystemInUse s : systems) {
            ids.add(switch (s) {
                case OA -> "oa";
                case FINANCE_VERTICAL, PLANNING_VERTICAL, PROVINCIAL_VERTICAL -> "vertical_network";
                case VIDEO_CONFERENCE -> "video_conference";
                case DOCUMENT_DB, GOV_INFO_DB, PROJECT_DB -> "database";
            });
        }
        return List.copyOf(ids);
    }

    @Override
    public Map<String, UnitEvidence.Contributions> contributions(LocalDate day) {
        Map<String, UnitEvidence.Contributions> out = new HashMap<>();
        contributions.summary(day).units().forEach(u -> out.put(u.code(),
                new UnitEvidence.Contributions(u.last30Days(), u.last90Days())));
        return out;
    }
}
