package org.egovmonitor.web;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.egovmonitor.platform.SpreadsheetCsv;

/**
 * CSV downloads for spreadsheet users: UTF-8 with a byte-order mark (Excel on Chinese Windows otherwise reads the
 * file as GBK), Chinese headers, CRLF lines, and no cell a spreadsheet would run as a formula ({@link SpreadsheetCsv}).
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private CsvExport() {
    }

    public static Response attachment(String filename, List<String> headers, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try {
            SpreadsheetCsv sheet = SpreadsheetCsv.open(out, headers);
            for (List<Object> row : rows) {
                sheet.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
