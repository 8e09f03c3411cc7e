package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.PeerGroup;
import org.jdbi.v3.core.Jdbi;

/**
 * Breakdowns of stored scores for the dashboards. The office's bottleneck matrix: for a page of a peer group's weakest
 * units, how many points each lost in each indicator group, paged so that a city of 15,000 units stays one small
 * answer per screen. The leaders' distributions: how the units fared on one indicator.
 */
public class BottleneckMatrixService {

    public static final int MAX_LIMIT = 200;

    private final Jdbi jdbi;
    private final IndicatorCatalogue catalogue;
    private final List<String> groups;

    public BottleneckMatrixService(Jdbi jdbi, IndicatorCatalogue catalogue) {
        this.jdbi = jdbi;
        this.catalogue = catalogue;
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        catalogue.indicators().forEach(i -> ordered.add(i.group()));
        this.groups = List.copyOf(ordered);
    }

    /** One indicator's outcome per peer group (leader charts: e.g. website freshness). */
    public IndicatorDistribution distribution(String indicator, LocalDate date) {
        String name = catalogue.indicator(indicator).map(Indicator::name)
                .orElseThrow(() -> new NotFoundException(Messages.get("error.scoring.noIndicator", indicator)));
        return jdbi.inTransaction(h -> {
            BottleneckMatrixDao dao = h.attach(BottleneckMatrixDao.class);
            LocalDate day = dayOrLatest(dao, date);
            Map<PeerGroup, Map<String, Integer>> byGroup = new EnumMap<>(PeerGroup.class);
            for (BottleneckMatrixDao.Bucket b : dao.distribution(day, indicator)) {
                byGroup.computeIfAbsent(PeerGroup.valueOf(b.peerGroup()), g -> new LinkedHashMap<>())
                        .put(b.bucket(), b.units());
            }
            return new IndicatorDistribution(day, indicator, name, byGroup);
        });
    }

    private static LocalDate dayOrLatest(BottleneckMatrixDao dao, LocalDate date) {
        if (date == null) {
            return dao.latestDay().orElseThrow(() -> new NotFoundException(Messages.get("error.scoring.noSnapshot")));
        }
        if (!dao.hasDay(date)) {
            throw new NotFoundException(Messages.get("error.scoring.noSnapshotOn", date));
        }
        return date;
    }

    public BottleneckMatrix matrix(PeerGroup group, LocalDate date, int offset, int limit) {
        return jdbi.inTransaction(h -> {
            BottleneckMatrixDao dao = h.attach(BottleneckMatrixDao.class);
            LocalDate day = dayOrLatest(dao, date);
            Map<String, BottleneckMatrix.Row> rows = new LinkedHashMap<>();
            for (BottleneckMatrixDao.Cell c : dao.cells(day, group, offset, limit)) {
                BottleneckMatrix.Row row = rows.computeIfAbsent(c.unitCode(), code -> new BottleneckMatrix.Row(code,
                        c.unitName(), c.rank(), c.total(), c.vetoed(), new LinkedHashMap<>()));
                if (c.indicatorGroup() != null) {
                    row.cells().put(c.indicatorGroup(), new BottleneckMatrix.Cell(ScoreCalculator.round(c.weight()),
                            ScoreCalculator.round(c.shortfall()), c.noSite()));
                }
            }
            return new BottleneckMatrix(day, group, dao.units(day, group), offset, limit, groups,
                    new ArrayList<>(rows.values()));
        });
    }
}
