package org.egovmonitor.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV downloads carry unit names typed by others: a spreadsheet must open them as text, never run them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CsvExportsTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final OfficeApi API = new OfficeApi(APP);
    static final String DAY = "2024-06-30";

    /** Unit code → a hostile name. */
    static final Map<String, String> HOSTILE = Map.of(
            "csv-eq", "=HYPERLINK(\"http://evil.example/\",\"点此查看\")",
            "csv-plus", "+cmd|' /C calc'!A0",
            "csv-minus", "-2+3+cmd|' /C calc'!A0",
            "csv-at", "@SUM(1+1)*cmd|' /C calc'!A0",
            "csv-quote", "'已带引号的名称");

    @BeforeAll
    static void hostileUnitsAndSnapshot() {
        HOSTILE.forEach((code, name) -> API.post("/api/units", Map.of("code", code, "name", name,
                "kind", "DEPARTMENT"), 201));
        API.post("/api/scoring/snapshot?date=" + DAY, "", 200);
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        Response r = API.request(path).get();
        assertThat(r.getStatus()).isEqualTo(200);
        String text = new String(r.readEntity(byte[].class), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void rankingsCsv_formulaLikeUnitNames_writtenAsTextWithApostrophe() throws Exception {
        List<CSVRecord> rows = csv("/api/rankings.csv?date=" + DAY);

        assertThat(rows).hasSize(HOSTILE.size());
        for (CSVRecord row : rows) {
            String name = HOSTILE.get(row.get("单位编码"));
            assertThat(row.get("单位名称")).isEqualTo("'" + name);
            // Registered a moment ago with nothing known about them: 未评定, so no rank and no score.
            assertThat(row.get("等级")).isEqualTo("未评定");
            assertThat(row.get("排名")).isEmpty();
            assertThat(row.get("得分")).isEmpty();
        }
    }

    @Test
    void findingsCsv_formulaLikeUnitName_writtenAsTextWithApostrophe() throws Exception {
        for (Map.Entry<String, String> unit : HOSTILE.entrySet()) {
            List<CSVRecord> rows = csv("/api/units/" + unit.getKey() + "/findings.csv?date=" + DAY);

            assertThat(rows).as(unit.getKey()).isNotEmpty();
            for (CSVRecord row : rows) {
                assertThat(row.get("单位名称")).isEqualTo("'" + unit.getValue());
                for (String cell : row) {
                    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                            .doesNotStartWith("\t").doesNotStartWith("\r");
                    if (cell.startsWith("-")) {
                        assertThat(cell).as("a cell starting with '-' must be a plain number")
                                .matches("-\\d+(\\.\\d+)?");
                    }
                }
            }
        }
    }
}
