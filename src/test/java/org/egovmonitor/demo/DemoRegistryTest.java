package org.egovmonitor.demo;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.util.List;
import org.egovmonitor.registry.LiaisonDao;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.SiteDao;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled Chizhou registry imports cleanly and tells the seed speech's story. */
class DemoRegistryTest {

    private static Jdbi jdbi;
    private static List<Unit> units;
    private static List<NetworkNode> nodes;

    @BeforeAll
    static void load() {
        jdbi = TestPostgres.newDatabase().jdbi();
        DemoRegistry.load(jdbi, StrictJsonModule.configure(Jackson.newObjectMapper()),
                Clock.systemDefaultZone());
        units = jdbi.withExtension(UnitDao.class, UnitDao::findAll);
        nodes = jdbi.withExtension(NetworkNodeDao.class, NetworkNodeDao::findAll);
    }

    @Test
    void demo_reloadedAfterUsersChangedALiaison_startsAndKeepsTheirOfficer() {
        Jdbi own = TestPostgres.newDatabase().jdbi();
        com.fasterxml.jackson.databind.ObjectMapper mapper =
                StrictJsonModule.configure(Jackson.newObjectMapper());
        DemoRegistry.load(own, mapper, Clock.systemDefaultZone());
        // What an approved change request does: a new officer from today.
        java.time.LocalDate today = java.time.LocalDate.now();
        org.egovmonitor.registry.RegistryService registry =
                new org.egovmonitor.registry.RegistryService(own, Clock.systemDefaultZone());
        registry.putLiaison("czs-xxzx",
                new org.egovmonitor.registry.LiaisonRequest("czs-xxzx", "新任联络员", "0566-1234567", null, today));
        // And the office ends another unit's officer.
        registry.endLiaison("czs-zfb");

        DemoRegistry.load(own, mapper, Clock.systemDefaultZone());

        assertThat(own.withExtension(LiaisonDao.class, d -> d.findCurrent("czs-xxzx")).orElseThrow().name())
                .isEqualTo("新任联络员");
        java.util.Optional<org.egovmonitor.registry.Liaison> ended =
                own.withExtension(LiaisonDao.class, d -> d.findCurrent("czs-zfb"));
        assertThat(ended).isEmpty();
    }

    @Test
    void demo_everyRowFlaggedAsDemo() {
        assertThat(units).isNotEmpty().allMatch(Unit::demo);
        assertThat(sites(null)).isNotEmpty().allMatch(Site::demo);
    }

    @Test
    void demo_hasAboutEightyMunicipalDepartments() {
        assertThat(units.stream().filter(u -> u.peerGroup() == PeerGroup.DEPARTMENTS).count())
                .isBetween(80L, 100L);
    }

    @Test
    void demo_nineteenConnectedWithTwoHundredPlusTerminals() {
        List<NetworkNode> connected = nodes.stream().filter(n -> n.status() == NodeStatus.CONNECTED).toList();
        assertThat(connected).hasSize(19);
        assertThat(connected.stream().mapToInt(NetworkNode::terminals).sum()).isGreaterThanOrEqualTo(200);
        // 16 in phase one (June 2002), then 地税局 and 劳动局 in April 2003.
        assertThat(connected.stream().filter(n -> n.connectedOn().getYear() == 2002).count()).isEqualTo(17);
        assertThat(connected.stream().filter(n -> n.connectedOn().getYear() == 2003)
                .map(n -> unitName(n.unitCode()))).anyMatch(name -> name.contains("地方税务"))
                .anyMatch(name -> name.contains("劳动"));
    }

    @Test
    void demo_thirtyPlannedPhaseTwoNodesInTheNewBuilding() {
        List<NetworkNode> planned = nodes.stream().filter(n -> n.status() == NodeStatus.PLANNED).toList();
        assertThat(planned).hasSizeGreaterThanOrEqualTo(30).allMatch(n -> n.phase() == 2);
        assertThat(units.stream().filter(u -> u.tags().contains("市委新大楼")).count()).isEqualTo(30);
    }

    @Test
    void demo_sixCountyLevelUnitsEachWithASite() {
        List<Unit> counties = units.stream().filter(u -> u.peerGroup() == PeerGroup.COUNTIES).toList();
        assertThat(counties).extracting(Unit::name).containsExactlyInAnyOrder("东至县", "石台县", "青阳县", "贵池区",
                "九华山风景区", "池州经济技术开发区");
        for (Unit county : counties) {
            List<Site> own = jdbi.withExtension(SiteDao.class, d -> d.findByUnit(county.code()));
            assertThat(own).as(county.name()).anyMatch(s -> s.kind() == SiteKind.COUNTY);
        }
    }

    @Test
    void demo_townshipsWithOwnSitesAndCountyPages() {
        List<Unit> townships = units.stream().filter(u -> u.kind() == UnitKind.TOWNSHIP).toList();
        assertThat(townships).extracting(Unit::name).anyMatch(n -> n.endsWith("大渡口镇"))
                .anyMatch(n -> n.endsWith("七井乡"));
        assertThat(townships).allMatch(t -> t.parentCode() != null);
        List<Site> pages = sites(SiteKind.TOWNSHIP_PAGE);
        assertThat(pages.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void demo_portalAndTheSpeechesDepartmentSites() {
        List<String> names = sites(null).stream().map(Site::name).toList();
        assertThat(names).contains("池州农网", "池州新闻网", "池州科技网", "民营科技网", "池州质量监督网", "池州人才网",
                "行政服务网", "池州消防网");
        assertThat(sites(SiteKind.PORTAL)).hasSize(1);
    }

    @Test
    void demo_someUnitsLackALiaisonOfficer() {
        long withLiaison = jdbi.withExtension(LiaisonDao.class, LiaisonDao::findAllCurrent).size();
        assertThat(withLiaison).isGreaterThan(50).isLessThan(units.size());
    }

    @Test
    void demo_unitsGetTheLeadersTheirFarmSitesName_andAReloadKeepsTheOfficesList() {
        org.egovmonitor.registry.UnitLeaderDao dao = jdbi.onDemand(org.egovmonitor.registry.UnitLeaderDao.class);
        List<org.egovmonitor.registry.UnitLeader> county = dao.list("dzx");
        assertThat(county).extracting(org.egovmonitor.registry.UnitLeader::post).containsExactly("县长", "副县长");
        assertThat(county).extracting(org.egovmonitor.registry.UnitLeader::name).containsExactlyElementsOf(
                org.egovmonitor.demo.farm.FarmWording.leaders("东至县人民政府网").stream()
                        .map(org.egovmonitor.demo.farm.FarmWording.Leader::name).toList());
        assertThat(dao.list("dzx-ztz")).extracting(org.egovmonitor.registry.UnitLeader::post)
                .containsExactly("镇长", "副镇长");
        // The office corrects the county's leaders; a restart (the import again) keeps them.
        List<org.egovmonitor.registry.UnitLeader> office = List.of(
                new org.egovmonitor.registry.UnitLeader("新县长", "县长", 0));
        dao.replace("dzx", office);
        DemoRegistry.load(jdbi, StrictJsonModule.configure(Jackson.newObjectMapper()), Clock.systemDefaultZone());
        assertThat(dao.list("dzx")).isEqualTo(office);
        assertThat(dao.list("dzx-ztz")).hasSize(2);
    }

    private static List<Site> sites(SiteKind kind) {
        return jdbi.withExtension(SiteDao.class, d -> d.list(null, kind, null));
    }

    private static String unitName(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().name();
    }
}
