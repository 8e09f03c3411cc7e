package org.egovmonitor.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking pages read on real PostgreSQL against an oracle: every filter, order and direction of {@link RankingQuery}
 * must give exactly the rows that sorting and filtering the whole stored day in memory gives, page by page.
 */
class RankingPageTest {

    static final LocalDate DAY = LocalDate.of(2024, 6, 30);
    static final String[] NAMES = {"池州市教育局", "池州市公安局", "东至县财政局", "青阳县人民政府", "石台县农业局",
            "贵池区", "九华山风景区管委会", "Chizhou Port", "池州市科学技术局", "乡镇示范点"};

    static Jdbi jdbi;
    static ScoreSnapshotService service;
    static List<RankingRow> stored;

    @BeforeAll
    static void storeDay() {
        jdbi = TestPostgres.newDatabase().jdbi();
        service = new ScoreSnapshotService(jdbi, day -> List.of(), ScoringFixtures.CATALOGUE,
                StrictJsonModule.configure(io.dropwizard.jackson.Jackson.newObjectMapper()),
                Clock.systemUTC());
        stored = generatedDay(new Random(20240630));
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO score_days (day, catalogue_version, catalogue_hash, indicator_ids, unit_count) "
                    + "VALUES (?, 'v', 'h', '{}', 0)", DAY);
            for (RankingRow r : stored) {
                h.createUpdate("""
                        INSERT INTO unit_scores (day, unit_code, unit_name, peer_group, total, scored_weight, bonus,
                                                 grade, vetoed, rank, rank_change, bottleneck, bottleneck_shortfall,
                                                 veto_count, warning_count)
                        VALUES (:day, :code, :name, :group, :total, :weight, :bonus, :grade, :vetoed, :rank, :change,
                                :bottleneck, :shortfall, :vetoes, :warnings)
                        """)
                        .bind("day", r.day()).bind("code", r.unitCode()).bind("name", r.unitName())
                        .bind("group", r.peerGroup().name()).bind("total", r.total())
                        .bind("weight", r.scoredWeight()).bind("bonus", r.bonus()).bind("grade", r.grade().name())
                        .bind("vetoed", r.vetoed()).bind("rank", r.rank()).bind("change", r.rankChange())
                        .bind("bottleneck", r.bottleneck()).bind("shortfall", r.bottleneckShortfall())
                        .bind("vetoes", r.vetoCount()).bind("warnings", r.warningCount())
                        .execute();
            }
        });
        // As saving a day does: the unfiltered pages read these stored figures.
        jdbi.useExtension(ScoreSnapshotDao.class, dao -> dao.summariseGroups(DAY));
    }

    /**
     * The day's rows, generated here and kept in memory: the oracle every read is compared with, never read back
     * through the code under test. Totals come from a few values so that ties (shared ranks, equal totals) are common.
     */
    private static List<RankingRow> generatedDay(Random random) {
        List<RankingRow> rows = new ArrayList<>();
        for (PeerGroup group : PeerGroup.values()) {
            int units = 40 + random.nextInt(40);
            List<Double> totals = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                totals.add(50 + 5.5 * random.nextInt(9));
            }
            totals.sort(Comparator.reverseOrder());
            int rank = 0;
            for (int i = 0; i < units; i++) {
                boolean rated = random.nextInt(10) > 0;
                rank = i == 0 || !totals.get(i).equals(totals.get(i - 1)) ? i + 1 : rank;
                Grade grade = !rated ? Grade.NOT_RATED : Grade.values()[random.nextInt(4)];
                String name = NAMES[random.nextInt(NAMES.length)] + (char) ('甲' + random.nextInt(5));
                boolean vetoed = grade == Grade.FAIL && random.nextBoolean();
                Integer change = random.nextInt(4) == 0 ? null : random.nextInt(11) - 5;
                double shortfall = random.nextInt(6) * 1.5;
                int vetoes = random.nextInt(3);
                int warnings = random.nextInt(4);
                rows.add(new RankingRow(DAY, group, rated ? rank : null, change,
                        group.name().toLowerCase(Locale.ROOT) + "-" + i, name, totals.get(i), grade, grade.label(),
                        vetoed, 100, 0, "availability", shortfall, vetoes, warnings));
            }
        }
        return List.copyOf(rows);
    }

    /** The order the API promises, written independently of the SQL: key, missing values last, then unit code. */
    static <T extends Comparable<T>> Comparator<RankingRow> order(Function<RankingRow, T> key, boolean descending) {
        Comparator<T> values = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values)).thenComparing(RankingRow::unitCode);
    }

    static Comparator<RankingRow> oracle(RankingSort sort, boolean descending, boolean allGroups) {
        Comparator<RankingRow> byKey = switch (sort) {
            case RANK -> order(RankingRow::rank, descending);
            case NAME -> order(RankingRow::unitName, descending);
            case TOTAL -> order(RankingRow::total, descending);
            case CHANGE -> order(RankingRow::rankChange, descending);
            case WARNINGS -> order(r -> r.vetoCount() * 100 + r.warningCount(), descending);
            case SHORTFALL -> order(RankingRow::bottleneckShortfall, descending);
        };
        return sort == RankingSort.RANK && allGroups ? Comparator.comparing(RankingRow::peerGroup).thenComparing(byKey)
                : byKey;
    }

    static Stream<Arguments> queries() {
        List<Arguments> out = new ArrayList<>();
        for (RankingSort sort : RankingSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                out.add(Arguments.of(new RankingQuery(PeerGroup.DEPARTMENTS, null, null, sort, descending, 0, null)));
                out.add(Arguments.of(new RankingQuery(null, null, null, sort, descending, 0, null)));
                out.add(Arguments.of(new RankingQuery(PeerGroup.TOWNSHIPS, Grade.PASS, null, sort, descending, 0,
                        null)));
                out.add(Arguments.of(new RankingQuery(null, null, "池州市", sort, descending, 0, null)));
            }
        }
        out.add(Arguments.of(new RankingQuery(null, Grade.NOT_RATED, "chizhou", RankingSort.RANK, false, 0, null)));
        out.add(Arguments.of(new RankingQuery(PeerGroup.COUNTIES, null, "counties-1", RankingSort.TOTAL, true, 0,
                null)));
        out.add(Arguments.of(new RankingQuery(null, null, "无此单位", RankingSort.RANK, false, 0, null)));
        return out.stream();
    }

    private static List<RankingRow> expected(RankingQuery q) {
        return stored.stream()
                .filter(r -> q.group() == null || r.peerGroup() == q.group())
                .filter(r -> q.grade() == null || r.grade() == q.grade())
                .filter(r -> q.search() == null || (r.unitName() + " " + r.unitCode()).toLowerCase(Locale.ROOT)
                        .contains(q.search().toLowerCase(Locale.ROOT)))
                .sorted(oracle(q.sort(), q.descending(), q.group() == null))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void rankings_everyPageEqualsTheWholeDaySortedInMemory(RankingQuery whole) {
        List<RankingRow> expected = expected(whole);
        // Only the query for a name no unit has may match nothing: an empty oracle would let any filter pass.
        if ("无此单位".equals(whole.search())) {
            assertThat(expected).isEmpty();
        } else {
            assertThat(expected).isNotEmpty();
        }
        RankingTable all = service.rankings(whole, DAY);
        assertThat(all.rows()).isEqualTo(expected);
        assertThat(all.units()).isEqualTo(expected.size());
        int page = 17;
        List<RankingRow> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size() + page; offset += page) {
            RankingTable t = service.rankings(new RankingQuery(whole.group(), whole.grade(), whole.search(),
                    whole.sort(), whole.descending(), offset, page), DAY);
            assertThat(t.units()).isEqualTo(expected.size());
            assertThat(t.offset()).isEqualTo(offset);
            assertThat(t.rows()).hasSizeLessThanOrEqualTo(page);
            paged.addAll(t.rows());
        }
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void rankings_groupSummaries_countRatedAndAverageOverFilteredRows() {
        RankingTable t = service.rankings(new RankingQuery(null, null, null, RankingSort.RANK, false, 0, 0), DAY);
        assertThat(t.rows()).isEmpty();
        assertThat(t.units()).isEqualTo(stored.size());
        assertThat(t.groups()).extracting(RankingTable.GroupSummary::peerGroup).containsExactly(PeerGroup.values());
        for (RankingTable.GroupSummary g : t.groups()) {
            List<RankingRow> rows = stored.stream().filter(r -> r.peerGroup() == g.peerGroup()).toList();
            List<RankingRow> rated = rows.stream().filter(r -> r.rank() != null).toList();
            assertThat(g.label()).isEqualTo(g.peerGroup().label());
            assertThat(g.units()).isEqualTo(rows.size());
            assertThat(g.rated()).isEqualTo(rated.size());
            assertThat(g.averageTotal()).isCloseTo(rated.stream().mapToDouble(RankingRow::total).average()
                    .orElseThrow(), org.assertj.core.data.Offset.offset(1e-9));
        }
        RankingTable none = service.rankings(new RankingQuery(null, null, "无此单位", RankingSort.RANK, false, 0,
                10), DAY);
        assertThat(none.units()).isZero();
        assertThat(none.groups()).isEmpty();
    }

    @Test
    void rankings_storedGroupFigures_equalCountingTheGeneratedRows() {
        List<ScoreSnapshotDao.GroupCount> storedFigures = jdbi.withExtension(ScoreSnapshotDao.class,
                dao -> dao.storedGroups(DAY, null));
        assertThat(storedFigures).extracting(ScoreSnapshotDao.GroupCount::peerGroup)
                .containsExactlyInAnyOrder(PeerGroup.values());
        for (ScoreSnapshotDao.GroupCount g : storedFigures) {
            List<RankingRow> rows = stored.stream().filter(r -> r.peerGroup() == g.peerGroup()).toList();
            List<RankingRow> rated = rows.stream().filter(r -> r.rank() != null).toList();
            assertThat(g.units()).as(g.peerGroup().name()).isEqualTo(rows.size());
            assertThat(g.rated()).as(g.peerGroup().name()).isEqualTo(rated.size());
            assertThat(g.averageTotal()).as(g.peerGroup().name()).isCloseTo(rated.stream()
                    .mapToDouble(RankingRow::total).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void generatedDay_hasTiesUnratedUnitsAndMissingChanges() {
        // What the order and filter cases rely on being present in the data.
        assertThat(stored).hasSizeGreaterThanOrEqualTo(PeerGroup.values().length * 40);
        assertThat(stored).anyMatch(r -> r.rank() == null).anyMatch(r -> r.rankChange() == null)
                .anyMatch(r -> r.grade() == Grade.PASS && r.peerGroup() == PeerGroup.TOWNSHIPS)
                .anyMatch(r -> r.unitName().contains("池州市"));
        List<String> ranks = stored.stream().filter(r -> r.rank() != null).map(r -> r.peerGroup() + "/" + r.rank())
                .toList();
        assertThat(Set.copyOf(ranks)).as("shared ranks").isNotEmpty().hasSizeLessThan(ranks.size());
    }

    @Test
    void rankings_searchIsText_notSqlPattern() {
        // % and _ would match anything in a LIKE pattern; here they are plain characters no unit name contains.
        assertThat(service.rankings(new RankingQuery(null, null, "%", RankingSort.RANK, false, 0, null), DAY)
                .units()).isZero();
        assertThat(service.rankings(new RankingQuery(null, null, "_%", RankingSort.RANK, false, 0, null), DAY)
                .units()).isZero();
        assertThat(service.rankings(new RankingQuery(null, null, "'; DROP TABLE unit_scores; --",
                RankingSort.RANK, false, 0, null), DAY).units()).isZero();
        assertThat(service.rankings(RankingQuery.all(null), DAY).units()).isEqualTo(stored.size());
    }
}
