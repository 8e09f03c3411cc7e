package org.egovmonitor.platform;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://evil.example/\",\"点此\"); '=HYPERLINK(\"http://evil.example/\",\"点此\")",
            "+cmd|' /C calc'!A0;                         '+cmd|' /C calc'!A0",
            "-2+3;                                       '-2+3",
            "@SUM(A1:A9);                                '@SUM(A1:A9)",
            "-;                                          '-",
            "'已有引号;                                   ''已有引号",
            "池州市发展计划委员会;                          池州市发展计划委员会",
            "a=b;                                        a=b",
            "-3;                                         -3",
            "+0.5;                                       +0.5",
            "-1.0E-5;                                    -1.0E-5",
            "12;                                         12"})
    void cell_formulaLikeText_getsApostrophe_numbersAndTextUnchanged(String value, String written) {
        assertThat(SpreadsheetCsv.cell(value)).isEqualTo(written);
        assertThat(SpreadsheetCsv.restore(written)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1+1", "\r=1+1", "\t", "\r\n"})
    void cell_leadingTabOrCarriageReturn_getsApostrophe(String value) {
        assertThat(SpreadsheetCsv.cell(value)).isEqualTo("'" + value);
        assertThat(SpreadsheetCsv.restore(SpreadsheetCsv.cell(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+x", "-x", "@x", "\t=x", "\r=x", "'", "''x", "plain"})
    void row_writtenAndParsed_noCellStartsAFormula_restoresValue(String value) throws Exception {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv sheet = SpreadsheetCsv.open(out, List.of("a", "b"));
        sheet.row(java.util.Arrays.asList(value, null));
        sheet.flush();

        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()),
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            parser.forEach(records::add);
        }
        assertThat(records).hasSize(1);
        String cell = records.get(0).get("a");
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                .doesNotStartWith("\t").doesNotStartWith("\r");
        assertThat(SpreadsheetCsv.restore(cell)).isEqualTo(value);
        assertThat(records.get(0).get("b")).isEmpty();
    }
}
