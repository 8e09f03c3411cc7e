package org.egovmonitor.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the application writes CSV that people open in a spreadsheet (downloads, the registry export, the
 * registry rows a node survey is translated into).
 *
 * <p>A cell starting with {@code = + - @}, a tab or a carriage return is a formula to Excel and WPS
 * ({@code =HYPERLINK(…)}, {@code +cmd|…}): unit names, liaison details and crawled page text are typed by other
 * people, so every such cell is written with a leading apostrophe and opens as text. A cell that already starts with
 * an apostrophe gets one more, so {@link #restore} (removing exactly one leading apostrophe) gives back every value
 * exactly: the registry export imports back unchanged. Plain numbers ({@code -3}, {@code +0.5}, {@code -1.0E-5})
 * cannot be formulas and are written as they are, so a falling rank stays a number in the sheet.
 */
public final class SpreadsheetCsv {

    /** Excel's dialect: comma, double quotes, CRLF. */
    private static final CSVFormat FORMAT = CSVFormat.EXCEL;
    private static final char TEXT_PREFIX = '\'';
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a sheet on {@code out} (which the caller keeps and closes) with the given header row. */
    public static SpreadsheetCsv open(Appendable out, List<String> header) throws IOException {
        SpreadsheetCsv sheet = new SpreadsheetCsv(new CSVPrinter(out, FORMAT));
        sheet.row(header);
        return sheet;
    }

    /** Writes one row; {@code null} is an empty cell, anything else its {@code toString()}, neutralised. */
    public void row(List<?> cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            safe.add(cell(cell));
        }
        printer.printRecord(safe);
    }

    /** Pushes buffered rows to the underlying output without closing it. */
    public void flush() throws IOException {
        printer.flush();
    }

    /** The text written for one value: spreadsheets read it as the value itself, never as a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', TEXT_PREFIX -> TEXT_PREFIX + text;
            default -> text;
        };
    }

    /** The value a cell written by {@link #cell} stands for (the inverse, for importing our own files). */
    public static String restore(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == TEXT_PREFIX ? cell.substring(1) : cell;
    }
}
