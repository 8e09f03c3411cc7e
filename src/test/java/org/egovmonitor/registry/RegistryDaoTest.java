package org.egovmonitor.registry;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DAO behaviour on real PostgreSQL; every test runs in a transaction that is rolled back. */
class RegistryDaoTest {

    private static Jdbi jdbi;
    private Handle handle;
    private UnitDao units;

    @BeforeAll
    static void database() {
        jdbi = TestPostgres.newDatabase().jdbi();
    }

    @BeforeEach
    void begin() {
        handle = jdbi.open();
        handle.begin();
        units = handle.attach(UnitDao.class);
    }

    @AfterEach
    void rollback() {
        handle.rollback();
        handle.close();
    }

    private static Unit unit(String code, UnitKind kind, String parent) {
        return new Unit(code, "单位" + code, kind, parent, kind.defaultPeerGroup(), List.of("别名" + code), List.of(),
                false);
    }

    private void insert(Unit u) {
        units.insert(u, u.aliases().toArray(new String[0]), u.tags().toArray(new String[0]));
    }

    @Nested
    class Units {

        @Test
        void insert_thenFind_roundTripsEveryField() {
            Unit u = new Unit("czs-jw", "池州市发展计划委员会", UnitKind.DEPARTMENT, null, PeerGroup.DEPARTMENTS,
                    List.of("计委", "市计委"), List.of("市委新大楼"), true);
            insert(u);
            assertThat(units.find("czs-jw")).contains(u);
        }

        @Test
        void upsert_sameValues_reportsNoChange() {
            Unit u = unit("czs-a", UnitKind.DEPARTMENT, null);
            Unit renamed = new Unit(u.code(), "新名称", u.kind(), null, u.peerGroup(), u.aliases(), u.tags(), false);
            assertThat(upsert(u)).isEqualTo(1);
            assertThat(upsert(u)).isZero();
            assertThat(upsert(renamed)).isEqualTo(1);
            assertThat(units.find("czs-a").orElseThrow().name()).isEqualTo("新名称");
        }

        private int upsert(Unit u) {
            return units.upsertAll(List.of(u), List.<String[]>of(u.aliases().toArray(new String[0])),
                    List.<String[]>of(new String[0]))[0];
        }

        @Test
        void insert_duplicateCode_violatesUniqueKey() {
            insert(unit("czs-a", UnitKind.DEPARTMENT, null));
            assertThatThrownBy(() -> insert(unit("czs-a", UnitKind.DEPARTMENT, null)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("units_pkey");
        }

        @Test
        void childCodes_listsDirectChildrenOnly() {
            insert(unit("dzx", UnitKind.COUNTY, null));
            insert(unit("dzx-ddk", UnitKind.TOWNSHIP, "dzx"));
            insert(unit("dzx-zt", UnitKind.TOWNSHIP, "dzx"));
            assertThat(units.childCodes("dzx")).containsExactly("dzx-ddk", "dzx-zt");
            assertThat(units.childCodes("dzx-ddk")).isEmpty();
        }
    }

    @Nested
    class ListQuery {

        @BeforeEach
        void registry() {
            insert(unit("czs-a", UnitKind.DEPARTMENT, null));
            insert(unit("czs-b", UnitKind.DEPARTMENT, null));
            insert(unit("dzx", UnitKind.COUNTY, null));
            insert(unit("dzx-ddk", UnitKind.TOWNSHIP, "dzx"));
            NetworkNodeDao nodes = handle.attach(NetworkNodeDao.class);
            nodes.upsert(new NetworkNode("czs-a", NodeStatus.CONNECTED, 1, LocalDate.of(2002, 6, 28), 10, 12, null,
                    null));
            nodes.upsert(new NetworkNode("czs-b", NodeStatus.PLANNED, 2, null, null, null, null, null));
            handle.attach(SiteDao.class).insert("http://a.gov.cn/", "甲", SiteKind.DEPARTMENT, "czs-a", true, false);
        }

        private List<String> codes(UnitKind kind, PeerGroup group, String parent, Boolean connected) {
            return handle.attach(RegistryQueries.class).listUnits(kind, group, parent, connected).stream()
                    .map(UnitSummary::code).toList();
        }

        @Test
        void listUnits_filters() {
            assertThat(codes(null, null, null, null)).containsExactlyInAnyOrder("czs-a", "czs-b", "dzx", "dzx-ddk");
            assertThat(codes(UnitKind.DEPARTMENT, null, null, null)).containsExactlyInAnyOrder("czs-a", "czs-b");
            assertThat(codes(null, PeerGroup.TOWNSHIPS, null, null)).containsExactly("dzx-ddk");
            assertThat(codes(null, null, "dzx", null)).containsExactly("dzx-ddk");
            assertThat(codes(null, null, null, true)).containsExactly("czs-a");
            assertThat(codes(null, null, null, false)).containsExactlyInAnyOrder("czs-b", "dzx", "dzx-ddk");
            assertThat(codes(UnitKind.COUNTY, null, null, true)).isEmpty();
        }

        @Test
        void listUnits_carriesNetworkStatusAndSiteCount() {
            UnitSummary a = handle.attach(RegistryQueries.class).listUnits(null, null, null, null).stream()
                    .filter(u -> u.code().equals("czs-a")).findFirst().orElseThrow();
            assertThat(a.networkStatus()).isEqualTo(NodeStatus.CONNECTED);
            assertThat(a.siteCount()).isEqualTo(1);
        }
    }

    @Nested
    class Sites {

        @Test
        void upsert_byUrl_movesSiteToNewOwnerOnce() {
            insert(unit("czs-a", UnitKind.DEPARTMENT, null));
            insert(unit("czs-b", UnitKind.DEPARTMENT, null));
            SiteDao sites = handle.attach(SiteDao.class);
            SiteRequest toA = new SiteRequest("http://a.gov.cn/", "甲", SiteKind.DEPARTMENT, "czs-a", true);
            SiteRequest toB = new SiteRequest("http://a.gov.cn/", "甲", SiteKind.DEPARTMENT, "czs-b", true);
            assertThat(sites.upsertAll(List.of(toA), false)).containsExactly(1);
            assertThat(sites.upsertAll(List.of(toB), false)).containsExactly(1);
            assertThat(sites.upsertAll(List.of(toB), false)).containsExactly(0);
            assertThat(sites.findByUnit("czs-b")).extracting(Site::url).containsExactly("http://a.gov.cn/");
            assertThat(sites.list(null, SiteKind.DEPARTMENT, true)).hasSize(1);
            assertThat(sites.list(null, SiteKind.PORTAL, null)).isEmpty();
        }

        @Test
        void insert_unknownOwner_failsAtCommitBecauseForeignKeyIsDeferred() {
            handle.attach(SiteDao.class).insert("http://x.gov.cn/", "无主", SiteKind.PORTAL, "nobody", true, false);
            assertThatThrownBy(() -> handle.execute("SET CONSTRAINTS ALL IMMEDIATE"))
                    .hasMessageContaining("sites_unit_code_fkey");
        }
    }

    @Nested
    class Liaisons {

        @Test
        void closeCurrentThenInsert_keepsHistoryNewestFirst() {
            insert(unit("czs-a", UnitKind.DEPARTMENT, null));
            LiaisonDao liaisons = handle.attach(LiaisonDao.class);
            liaisons.insert("czs-a", "张三", "0566-1111111", null, LocalDate.of(2002, 1, 1));
            liaisons.closeCurrent("czs-a", LocalDate.of(2003, 3, 1));
            liaisons.insert("czs-a", "李四", null, "li@czs.gov.cn", LocalDate.of(2003, 3, 1));

            assertThat(liaisons.findCurrent("czs-a")).map(Liaison::name).contains("李四");
            assertThat(liaisons.history("czs-a")).extracting(Liaison::name, Liaison::untilDate).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("李四", null),
                    org.assertj.core.groups.Tuple.tuple("张三", LocalDate.of(2003, 3, 1)));
        }

        @Test
        void insert_secondCurrentOfficer_violatesOneCurrentIndex() {
            insert(unit("czs-a", UnitKind.DEPARTMENT, null));
            LiaisonDao liaisons = handle.attach(LiaisonDao.class);
            liaisons.insert("czs-a", "张三", null, null, LocalDate.of(2002, 1, 1));
            assertThatThrownBy(() -> liaisons.insert("czs-a", "李四", null, null, LocalDate.of(2003, 1, 1)))
                    .hasMessageContaining("liaisons_one_current_idx");
        }
    }
}
