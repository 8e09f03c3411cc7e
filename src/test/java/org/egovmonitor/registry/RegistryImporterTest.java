package org.egovmonitor.registry;

import io.dropwizard.jackson.Jackson;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryImporterTest {

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2003, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final String GOOD = """
            units:
              - code: czs-jw
                name: 池州市发展计划委员会
                kind: DEPARTMENT
                aliases: [计委, 市计委]
              - code: dzx
                name: 东至县
                kind: COUNTY
              - code: dzx-ddk
                name: 大渡口镇
                kind: TOWNSHIP
                parentCode: dzx
            sites:
              - url: http://www.dongzhi.gov.cn
                name: 东至县政府网
                kind: COUNTY
                unitCode: dzx
            nodes:
              - unitCode: czs-jw
                status: CONNECTED
                phase: 1
                connectedOn: 2002-06-28
                terminals: 17
            liaisons:
              - unitCode: czs-jw
                name: 陈立新
                phone: 0566-2474885
                since: 2003-05-11
            leaders:
              - {unitCode: czs-jw, name: 王建国, post: 主任}
              - {unitCode: czs-jw, name: 李卫东, post: 副主任}
            """;

    private Jdbi jdbi;
    private RegistryFileReader reader;
    private RegistryImporter importer;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestPostgres.newDatabase().jdbi();
        reader = new RegistryFileReader(StrictJsonModule.configure(Jackson.newObjectMapper()));
        importer = new RegistryImporter(jdbi, CLOCK);
    }

    private RegistryImporter.Report importYaml(String yaml) {
        return importer.importDocument(reader.readYaml(yaml), false);
    }

    private List<UnitLeader> leadersOf(String unit) {
        return jdbi.withExtension(UnitLeaderDao.class, d -> d.list(unit));
    }

    private int rowCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM sites)"
                + " + (SELECT count(*) FROM network_nodes) + (SELECT count(*) FROM liaisons)"
                + " + (SELECT count(*) FROM unit_leaders)").mapTo(Integer.class).one());
    }

    @Nested
    class GoodFiles {

        @Test
        void importYaml_validFile_appliesEveryRow() {
            RegistryImporter.Report report = importYaml(GOOD);

            assertThat(report.applied()).isTrue();
            assertThat(report.errors()).isEmpty();
            assertThat(report.unitsChanged()).isEqualTo(3);
            assertThat(report.sitesChanged()).isEqualTo(1);
            assertThat(jdbi.withExtension(UnitDao.class, d -> d.find("dzx-ddk")).orElseThrow().parentCode())
                    .isEqualTo("dzx");
            java.util.Optional<org.egovmonitor.registry.Site> site =
                    jdbi.withExtension(SiteDao.class, d -> d.findByUrl("http://www.dongzhi.gov.cn/"));
            assertThat(site).isPresent();
            assertThat(jdbi.withExtension(NetworkNodeDao.class, d -> d.find("czs-jw")).orElseThrow().terminals())
                    .isEqualTo(17);
            assertThat(jdbi.withExtension(UnitDao.class, d -> d.find("czs-jw")).orElseThrow().aliases())
                    .containsExactly("计委", "市计委");
        }

        @Test
        void importYaml_sameFileTwice_secondChangesNothing() {
            importYaml(GOOD);
            int before = rowCount();

            RegistryImporter.Report second = importYaml(GOOD);

            assertThat(second.applied()).isTrue();
            assertThat(second.changed()).isZero();
            assertThat(rowCount()).isEqualTo(before);
        }

        @Test
        void importYaml_newLiaison_closesPreviousAndKeepsHistory() {
            importYaml(GOOD);
            importYaml("""
                    liaisons:
                      - unitCode: czs-jw
                        name: 王明
                        since: 2003-05-20
                    """);

            List<Liaison> history = jdbi.withExtension(LiaisonDao.class, d -> d.history("czs-jw"));
            assertThat(history).extracting(Liaison::name).containsExactly("王明", "陈立新");
            assertThat(history.get(0).untilDate()).isNull();
            assertThat(history.get(1).untilDate()).isEqualTo(LocalDate.of(2003, 5, 20));
        }

        @Test
        void importYaml_liaisonStartingBeforeTheCurrentOne_rejectedNamingLineFieldAndUnit() {
            importYaml(GOOD);
            importYaml("""
                    liaisons:
                      - unitCode: czs-jw
                        name: 王明
                        since: 2003-05-20
                    """);

            RegistryImporter.Report report = importYaml("""
                    liaisons:
                      - unitCode: czs-jw
                        name: 李华
                        since: 2003-01-02
                    """);

            assertThat(report.applied()).isFalse();
            assertThat(report.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.field()).isEqualTo("since");
                assertThat(e.reason()).contains("czs-jw").contains("王明").contains("2003-05-20");
            });
            assertThat(jdbi.withExtension(LiaisonDao.class, d -> d.findCurrent("czs-jw")).orElseThrow().name())
                    .isEqualTo("王明");
        }

        @Test
        void importYaml_leaders_eachListedUnitGetsItsRowsInFileOrder_othersKeepTheirs() {
            assertThat(importYaml(GOOD).leadersChanged()).isEqualTo(1);
            importYaml("""
                    leaders:
                      - {unitCode: dzx, name: 周海, post: 县长}
                    """);

            RegistryImporter.Report report = importYaml("""
                    leaders:
                      - {unitCode: czs-jw, name: 李卫东, post: 主任}
                      - {unitCode: czs-jw, name: 赵敏, post: 副主任}
                    """);

            assertThat(report.applied()).isTrue();
            assertThat(report.leadersChanged()).isEqualTo(1);
            assertThat(leadersOf("czs-jw")).containsExactly(
                    new UnitLeader("李卫东", "主任", 0), new UnitLeader("赵敏", "副主任", 1));
            assertThat(leadersOf("dzx"))
                    .containsExactly(new UnitLeader("周海", "县长", 0));
        }

        @Test
        void importCsv_leaderRowsWithChineseTypeAndHeaders_applied() {
            importYaml(GOOD);
            RegistryImporter.Report report = importer.importDocument(reader.readCsv(
                    "类型,所属单位,姓名,职务\n领导,dzx,周海,县长\n领导,dzx,钱江,副县长\n"), false);

            assertThat(report.errors()).isEmpty();
            assertThat(report.leadersChanged()).isEqualTo(1);
            assertThat(leadersOf("dzx")).containsExactly(
                    new UnitLeader("周海", "县长", 0), new UnitLeader("钱江", "副县长", 1));
        }

        @Test
        void importYaml_referenceToUnitAlreadyInDatabase_accepted() {
            importYaml(GOOD);
            RegistryImporter.Report report = importYaml("""
                    units:
                      - {code: dzx-zt, name: 昭潭镇, kind: TOWNSHIP, parentCode: dzx}
                    """);
            assertThat(report.applied()).isTrue();
        }

        @Test
        void exportThenImport_roundTrip_changesNothing() throws Exception {
            importYaml(GOOD);
            RegistryExporter exporter = new RegistryExporter(jdbi, Jackson.newObjectMapper());
            for (RegistryExporter.Format format : RegistryExporter.Format.values()) {
                StringWriter out = new StringWriter();
                exporter.export(format, out);
                RegistryFileReader.Result parsed = format == RegistryExporter.Format.YAML
                        ? reader.readYaml(out.toString()) : reader.readCsv(out.toString());
                assertThat(parsed.errors()).as(format.name()).isEmpty();
                assertThat(parsed.document().size()).as(format.name()).isEqualTo(8);
                RegistryImporter.Report report = importer.importDocument(parsed, false);
                assertThat(report.applied()).as(format.name()).isTrue();
                assertThat(report.changed()).as(format.name()).isZero();
            }
        }
    }

    /** Errors name the line where the offending row (list item) starts. */
    @Nested
    class BadFiles {

        @Test
        void importYaml_badRows_appliesNothingAndNamesEveryLine() {
            String bad = """
                    units:
                      - code: ok-unit
                        name: 正常单位
                        kind: DEPARTMENT
                      - code: Bad_Code
                        name: 坏编码
                        kind: DEPARTMENT
                      - code: ok-unit
                        name: 重复
                        kind: DEPARTMENT
                      - code: orphan
                        name: 孤儿
                        kind: TOWNSHIP
                        parentCode: missing-parent
                      - code: kind-bad
                        name: 类别错
                        kind: BUREAU
                    sites:
                      - url: ftp://x.gov.cn/
                        name: 坏网址
                        kind: PORTAL
                        unitCode: ok-unit
                    nodes:
                      - unitCode: ok-unit
                        status: CONNECTED
                        terminals: -5
                    """;
            RegistryImporter.Report report = importYaml(bad);

            assertThat(report.applied()).isFalse();
            assertThat(rowCount()).isZero();
            assertThat(report.errors()).extracting(FieldError::line, FieldError::field).contains(
                    org.assertj.core.groups.Tuple.tuple(5, "code"),
                    org.assertj.core.groups.Tuple.tuple(8, "code"),
                    org.assertj.core.groups.Tuple.tuple(11, "parentCode"),
                    org.assertj.core.groups.Tuple.tuple(15, "kind"),
                    org.assertj.core.groups.Tuple.tuple(19, "url"),
                    org.assertj.core.groups.Tuple.tuple(24, "connectedOn"),
                    org.assertj.core.groups.Tuple.tuple(24, "terminals"));
            assertThat(report.errors()).allSatisfy(e -> assertThat(e.describe()).startsWith("第 " + e.line() + " 行"));
        }

        @Test
        void importYaml_oneBadRowAmongGood_nothingApplied() {
            RegistryImporter.Report report = importYaml(GOOD + """
                    sites:
                      - url: http://x.gov.cn/
                        name: 无主网站
                        kind: DEPARTMENT
                        unitCode: nobody
                    """);
            // GOOD already has a 'sites' key; a duplicate key is itself a problem or the later wins — either way
            // nothing may be applied while an error is reported.
            assertThat(report.applied()).isFalse();
            assertThat(rowCount()).isZero();
        }

        @Test
        void importYaml_parentCycleAcrossFileAndDatabase_rejected() {
            importYaml(GOOD);
            RegistryImporter.Report report = importYaml("""
                    units:
                      - {code: dzx, name: 东至县, kind: COUNTY, parentCode: dzx-ddk}
                    """);
            assertThat(report.applied()).isFalse();
            assertThat(report.errors()).extracting(FieldError::field).containsExactly("parentCode");
            assertThat(jdbi.withExtension(UnitDao.class, d -> d.find("dzx")).orElseThrow().parentCode()).isNull();
        }

        @Test
        void importYaml_syntaxError_reportsLine() {
            RegistryImporter.Report report = importYaml("units:\n  - code: a\n    name: [unclosed\n");
            assertThat(report.applied()).isFalse();
            assertThat(report.errors()).hasSize(1);
            assertThat(report.errors().get(0).line()).isGreaterThan(0);
        }

        @Test
        void importYaml_unknownSectionAndField_rejected() {
            RegistryImporter.Report report = importYaml("""
                    unitz:
                      - code: a
                    units:
                      - code: ab
                        name: 甲
                        kind: DEPARTMENT
                        colour: red
                    """);
            assertThat(report.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "unitz"),
                    org.assertj.core.groups.Tuple.tuple(4, "colour"));
        }

        @Test
        void importCsv_badRows_reportedWithLineNumbers() {
            String csv = """
                    type,code,name,kind,unitCode,url,status,terminals,connectedOn
                    unit,czs-a,甲局,DEPARTMENT,,,,,
                    unit,czs-b,乙局,NOPE,,,,,
                    site,,甲局网站,DEPARTMENT,czs-a,http://a.gov.cn/,,,
                    node,,,,czs-a,,CONNECTED,abc,2002-06-28
                    thing,,,,,,,,
                    unit,czs-c,丙局,DEPARTMENT,,http://c.gov.cn/,,,
                    """;
            RegistryImporter.Report report = importer.importDocument(reader.readCsv(csv), false);
            assertThat(report.applied()).isFalse();
            assertThat(rowCount()).isZero();
            assertThat(report.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(3, "kind"),
                    org.assertj.core.groups.Tuple.tuple(5, "terminals"),
                    org.assertj.core.groups.Tuple.tuple(6, "type"),
                    org.assertj.core.groups.Tuple.tuple(7, "url"));
        }

        @Test
        void importYaml_badLeaderRows_appliesNothingAndNamesEveryLine() {
            importYaml(GOOD);

            RegistryImporter.Report report = importYaml("""
                    leaders:
                      - {unitCode: czs-jw, name: 赵敏, post: 主任}
                      - {unitCode: czs-jw, name: 赵敏, post: 副主任}
                      - {unitCode: czs-nope, name: 钱江, post: 局长}
                      - {unitCode: dzx, name: 周, post: 县长}
                      - {unitCode: dzx, name: 周海}
                    """);

            assertThat(report.applied()).isFalse();
            assertThat(report.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(4, "unitCode"),
                    org.assertj.core.groups.Tuple.tuple(5, "name"), org.assertj.core.groups.Tuple.tuple(6, "post"));
            assertThat(report.errors().get(0).reason()).contains("赵敏", "第 2 行");
            assertThat(leadersOf("czs-jw")).extracting(UnitLeader::name)
                    .containsExactly("王建国", "李卫东");
        }

        @Test
        void importCsv_unknownColumn_rejectedBeforeRows() {
            RegistryFileReader.Result parsed = reader.readCsv("type,code,colour\nunit,a1,red\n");
            assertThat(parsed.errors()).extracting(FieldError::line, FieldError::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "colour"));
        }

        @Test
        void importCsv_goodFileWithBom_applied() {
            RegistryImporter.Report report = importer.importDocument(reader.readCsv(
                    "type,code,name,kind,aliases\nunit,czs-cz,池州市财政局,DEPARTMENT,财政|财政局\n"), false);
            assertThat(report.applied()).isTrue();
            assertThat(jdbi.withExtension(UnitDao.class, d -> d.find("czs-cz")).orElseThrow().aliases())
                    .containsExactly("财政", "财政局");
        }
    }
}
