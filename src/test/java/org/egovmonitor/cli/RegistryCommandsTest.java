package org.egovmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-registry, export-registry, import-node-survey and db migrate as a user runs them: a separate JVM, exit codes, output. */
class RegistryCommandsTest {

    private static final String GOOD = """
            units:
              - {code: czs-jw, name: 池州市发展计划委员会, kind: DEPARTMENT, aliases: [计委]}
              - {code: dzx, name: 东至县, kind: COUNTY}
            sites:
              - {url: "http://www.dongzhi.gov.cn/", name: 东至县政府网, kind: COUNTY, unitCode: dzx}
            """;

    @TempDir
    Path dir;
    private Map<String, String> env;
    private Jdbi jdbi;

    @BeforeEach
    void database() {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        env = db.appEnv();
        jdbi = db.jdbi();
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content, Charset charset) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private int units() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM units").mapTo(Integer.class).one());
    }

    @Test
    void importRegistry_brokenFile_exitsNonZeroNamesLinesAndChangesNothing() throws Exception {
        AppProcess.run(env, "import-registry", write("good.yml", GOOD).toString());
        Path bad = write("bad.yml", """
                units:
                  - {code: czs-new, name: 新单位, kind: DEPARTMENT}
                  - {code: BAD, name: 坏, kind: DEPARTMENT}
                sites:
                  - {url: "http://x.gov.cn/", name: 无主, kind: PORTAL, unitCode: nobody}
                """);

        AppProcess.Result result = AppProcess.run(env, "import-registry", bad.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("第 3 行: 字段 code").contains("第 5 行: 字段 unitCode")
                .contains("未导入任何数据");
        assertThat(result.stdout()).isEmpty();
        assertThat(units()).isEqualTo(2);
    }

    @Test
    void importRegistry_sameFileTwice_secondReportsNoChange() throws Exception {
        Path good = write("good.yml", GOOD);
        AppProcess.Result first = AppProcess.run(env, "import-registry", good.toString());
        AppProcess.Result second = AppProcess.run(env, "import-registry", good.toString());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("变更 单位 2、网站 1");
        assertThat(second.stdout()).contains("变更 单位 0、网站 0、节点 0、联络员 0");
        assertThat(units()).isEqualTo(2);
    }

    @Test
    void exportRegistry_csvFile_importsBackWithoutChanges() throws Exception {
        AppProcess.run(env, "import-registry", write("good.yml", GOOD).toString());
        Path csv = dir.resolve("registry.csv");

        AppProcess.Result export = AppProcess.run(env, "export-registry", "--format", "csv", "--output",
                csv.toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("东至县政府网");

        AppProcess.Result again = AppProcess.run(env, "import-registry", csv.toString());
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("变更 单位 0、网站 0");
    }

    @Test
    void exportRegistry_csvWithFormulaLikeValues_cellsNeutralised_importsBackUnchanged() throws Exception {
        AppProcess.Result imported = AppProcess.run(env, "import-registry", write("hostile.yml", """
                units:
                  - code: czs-jw
                    name: '=HYPERLINK("http://evil.example/","点此")'
                    kind: DEPARTMENT
                    aliases: ['@SUM(1+1)', 计委]
                    tags: ['-2+3', "'已带引号"]
                sites:
                  - {url: "http://www.dongzhi.gov.cn/", name: "+cmd|' /C calc'!A0", kind: DEPARTMENT, unitCode: czs-jw}
                liaisons:
                  - {unitCode: czs-jw, name: "'王明", phone: "+86 566 2021234", email: "-x@example.gov.cn",
                     since: 2003-03-01}
                """).toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        String unitBefore = unitRow();
        String liaisonBefore = liaisonRow();
        Path csv = dir.resolve("registry.csv");

        AppProcess.Result export = AppProcess.run(env, "export-registry", "--format", "csv", "--output",
                csv.toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        assertThat(column(rows, "名称")).contains("'=HYPERLINK(\"http://evil.example/\",\"点此\")",
                "'+cmd|' /C calc'!A0", "''王明");
        assertThat(column(rows, "别名")).contains("'@SUM(1+1)|计委");
        assertThat(column(rows, "标签")).contains("'-2+3|'已带引号");
        assertThat(column(rows, "电话")).contains("'+86 566 2021234");
        assertThat(column(rows, "邮箱")).contains("'-x@example.gov.cn");

        AppProcess.Result again = AppProcess.run(env, "import-registry", csv.toString());
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("变更 单位 0、网站 0、节点 0、联络员 0");
        assertThat(unitRow()).isEqualTo(unitBefore).contains("=HYPERLINK").doesNotContain("'=");
        assertThat(liaisonRow()).isEqualTo(liaisonBefore);
        String siteName = jdbi.withHandle(h -> h.createQuery("SELECT name FROM sites").mapTo(String.class).one());
        assertThat(siteName).isEqualTo("+cmd|' /C calc'!A0");
    }

    private static List<String> column(List<CSVRecord> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    private String unitRow() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name || ' ' || aliases::text || ' ' || tags::text "
                + "FROM units WHERE code = 'czs-jw'").mapTo(String.class).one());
    }

    private String liaisonRow() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name || ' ' || phone || ' ' || email FROM liaisons "
                + "WHERE unit_code = 'czs-jw'").mapTo(String.class).one());
    }

    @Test
    void exportRegistry_toStdout_isYamlOnly() throws Exception {
        AppProcess.run(env, "import-registry", write("good.yml", GOOD).toString());
        AppProcess.Result export = AppProcess.run(env, "export-registry");
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout()).startsWith("units:").contains("code: czs-jw");
    }

    @Test
    void importRegistry_missingFile_exitsNonZeroWithMessage() throws Exception {
        AppProcess.Result result = AppProcess.run(env, "import-registry", dir.resolve("nope.yml").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("文件不存在").doesNotContain("Exception");
    }

    @Test
    void dbMigrate_upToDateDatabase_succeeds() throws Exception {
        AppProcess.Result result = AppProcess.run(env, "db", "migrate");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("本次执行 0 个迁移");
    }

    /** import-node-survey, and GBK files as Excel saves "CSV" on a Chinese Windows. */
    @Nested
    class NodeSurveyImport {

        private static final Charset GBK = Charset.forName("GBK");

        private static final String REGISTRY = """
                type,code,name,kind,aliases
                unit,czs-jw,池州市发展计划委员会,DEPARTMENT,计委|计划委员会
                unit,czs-gaj,池州市公安局,DEPARTMENT,
                """;

        private String status(String unit) {
            return jdbi.withHandle(h -> h.createQuery("SELECT status FROM network_nodes WHERE unit_code = :u")
                    .bind("u", unit).mapTo(String.class).findOne().orElse("(none)"));
        }

        private void registry() throws Exception {
            AppProcess.Result imported = AppProcess.run(env, "import-registry", write("units.csv", REGISTRY, GBK).toString());
            assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        }

        @Test
        void importNodeSurvey_gbkCsvFromExcel_applied() throws Exception {
            registry();
            Path survey = write("survey.csv", """
                    单位编码,单位名称,状态,期次,接入日期,带宽(Mbps),终端数
                    czs-jw,池州市发展计划委员会,已接入,一期,2002/6/1,10M,12
                    czs-gaj,池州市公安局,规划,二期,,,
                    """, GBK);
            AppProcess.Result result = AppProcess.run(env, "import-node-survey", survey.toString());
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("导入完成：2 行");
            assertThat(status("czs-jw")).isEqualTo("CONNECTED");
            assertThat(status("czs-gaj")).isEqualTo("PLANNED");
        }

        @Test
        void importNodeSurvey_badRows_exit1_namesLines_changesNothing() throws Exception {
            registry();
            String before = status("czs-jw");
            Path survey = write("survey.csv", """
                    单位编码,状态,期次,接入日期,带宽,终端数
                    czs-jw,已接入,1,2002-06-01,10,12
                    czs-nope,规划,2,,,
                    czs-gaj,半通,1,,,
                    """, GBK);
            AppProcess.Result result = AppProcess.run(env, "import-node-survey", survey.toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("第 3 行").contains("第 4 行").contains("未导入任何数据");
            assertThat(status("czs-jw")).isEqualTo(before);
        }

        @Test
        void importNodeSurvey_unreadableOrMissingFile_exit1WithReason() throws Exception {
            Path binary = dir.resolve("survey.xlsx");
            Files.write(binary, new byte[] {0x50, 0x4B, 0x03, 0x04, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, 0x00});
            AppProcess.Result unreadable = AppProcess.run(env, "import-node-survey", binary.toString());
            assertThat(unreadable.exitCode()).isEqualTo(1);
            assertThat(unreadable.stderr()).contains("无法识别文件编码");
            AppProcess.Result missing = AppProcess.run(env, "import-node-survey", dir.resolve("nope.csv").toString());
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.stderr()).contains("文件不存在");
        }
    }
}
