package org.egovmonitor.bulletins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A {@link ReportDocument} as a Word file (Apache POI): the title, headings with the built-in "heading 1/2" styles
 * (so Word's navigation pane and table of contents see them), paragraphs and bordered tables whose header row
 * repeats on every page. East Asian text is set in 宋体/黑体, the fonts Chinese offices' Word has.
 */
public final class DocxRenderer {

    /** A4 in twentieths of a point. */
    private static final BigInteger A4_WIDTH = BigInteger.valueOf(11906);
    private static final BigInteger A4_HEIGHT = BigInteger.valueOf(16838);
    static final String BODY_FONT = "宋体";
    static final String HEADING_FONT = "黑体";

    private DocxRenderer() {
    }

    public static byte[] render(ReportDocument document) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4(doc);
            headingStyles(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Title");
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, document.title(), HEADING_FONT, 18, true);
            for (String line : document.subtitle()) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                run(p, line, BODY_FONT, 10, false);
            }
            for (ReportDocument.Block block : document.blocks()) {
                if (block instanceof ReportDocument.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    run(p, h.text(), HEADING_FONT, h.level() == 1 ? 14 : 12, true);
                } else if (block instanceof ReportDocument.Paragraph para) {
                    lines(doc.createParagraph(), para.text(), BODY_FONT, 11, false);
                } else if (block instanceof ReportDocument.Table t) {
                    table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void a4(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(A4_WIDTH);
        size.setH(A4_HEIGHT);
    }

    /** Title, heading 1 and heading 2 as paragraph styles named as Word's built-in ones. */
    private static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (String[] s : List.of(new String[] {"Title", "Title"}, new String[] {"Heading1", "heading 1"},
                new String[] {"Heading2", "heading 2"})) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(s[0]);
            style.addNewName().setVal(s[1]);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewQFormat();
            styles.addStyle(new XWPFStyle(style));
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    private static void table(XWPFDocument doc, ReportDocument.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < t.headers().size(); c++) {
            cell(header.getCell(c), t.headers().get(c), true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < t.headers().size(); c++) {
                cell(row.getCell(c), t.rows().get(r).get(c), false);
            }
        }
        double total = t.widths().stream().mapToDouble(Double::doubleValue).sum();
        for (int c = 0; c < t.widths().size(); c++) {
            String percent = Math.round(t.widths().get(c) / total * 100) + "%";
            for (XWPFTableRow row : table.getRows()) {
                row.getCell(c).setWidth(percent);
            }
        }
        doc.createParagraph();
    }

    private static void cell(XWPFTableCell cell, String text, boolean header) {
        lines(cell.getParagraphs().get(0), text, header ? HEADING_FONT : BODY_FONT, 9, header);
    }

    /** Text whose line breaks become Word line breaks within the paragraph. */
    private static void lines(XWPFParagraph p, String text, String font, int size, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], font, size, bold);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }
}
