package org.egovmonitor.bulletins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A {@link ReportDocument} as a PDF (Apache PDFBox) in WenQuanYi Micro Hei, shipped in the jar
 * ({@code fonts/wqy-microhei.ttc}, Apache-2.0, licence beside it) and embedded as a subset of the glyphs used, so a
 * report opens the same on a machine without Chinese fonts and stays small. A4 portrait; headings drawn bold
 * (fill and stroke), tables with a shaded header row repeated after each page break, "第 n 页 / 共 m 页" below.
 */
public final class PdfRenderer {

    static final String FONT_RESOURCE = "fonts/wqy-microhei.ttc";
    /** The PostScript name of the proportional face of the collection (the other is its monospaced twin). */
    static final String FONT_NAME = "WenQuanYiMicroHei";

    private static final float MARGIN = 50;
    private static final float BODY = 10.5f;
    private static final float CELL = 9;
    private static final float PAD = 3;
    private static final float LEADING = 1.4f;

    private static volatile byte[] fontBytes;

    private final PDDocument doc;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private final float width;
    private PDPageContentStream content;
    private float y;

    private PdfRenderer(PDDocument doc, TrueTypeFont ttf) throws IOException {
        this.doc = doc;
        this.font = PDType0Font.load(doc, ttf, true);
        this.cmap = ttf.getUnicodeCmapLookup();
        this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    public static byte[] render(ReportDocument document) {
        try (TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(fontBytes()));
             PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont ttf = fonts.getFontByName(FONT_NAME);
            if (ttf == null) {
                throw new IllegalStateException(FONT_RESOURCE + " has no face " + FONT_NAME);
            }
            PdfRenderer pdf = new PdfRenderer(doc, ttf);
            pdf.write(document);
            doc.getDocumentInformation().setTitle(document.title());
            doc.getDocumentInformation().setCreator("egov-monitor");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the report font is missing from the classpath: " + FONT_RESOURCE);
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    private void write(ReportDocument document) throws IOException {
        newPage();
        lines(document.title(), 18, true, true);
        y -= 4;
        for (String line : document.subtitle()) {
            lines(line, 9.5f, false, true);
        }
        y -= 8;
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                y -= h.level() == 1 ? 8 : 4;
                float size = h.level() == 1 ? 14 : 12;
                ensure(size * LEADING * 3);  // a heading never ends a page
                lines(h.text(), size, true, false);
                y -= 2;
            } else if (block instanceof ReportDocument.Paragraph p) {
                lines(p.text(), BODY, false, false);
            } else if (block instanceof ReportDocument.Table t) {
                table(t);
                y -= 8;
            }
        }
        content.close();
        footers();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void lines(String text, float size, boolean bold, boolean centred) throws IOException {
        for (String line : wrap(text, size, width)) {
            ensure(size * LEADING);
            float x = MARGIN + (centred ? (width - font.getStringWidth(line) / 1000 * size) / 2 : 0);
            show(line, size, x, y - size, bold);
            y -= size * LEADING;
        }
    }

    private void show(String text, float size, float x, float baseline, boolean bold) throws IOException {
        content.beginText();
        content.setFont(font, size);
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setLineWidth(size / 30);
        }
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.endText();
    }

    private void table(ReportDocument.Table t) throws IOException {
        double total = t.widths().stream().mapToDouble(Double::doubleValue).sum();
        float[] columns = new float[t.widths().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = (float) (t.widths().get(c) / total * width);
        }
        List<List<String>> header = cells(t.headers(), columns);
        row(header, columns, true);
        for (List<String> r : t.rows()) {
            List<List<String>> cells = cells(r, columns);
            if (y - height(cells) < MARGIN) {
                newPage();
                row(header, columns, true);
            }
            row(cells, columns, false);
        }
    }

    private List<List<String>> cells(List<String> texts, float[] columns) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            cells.add(wrap(texts.get(c), CELL, columns[c] - 2 * PAD));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * CELL * LEADING + 2 * PAD;
    }

    private void row(List<List<String>> cells, float[] columns, boolean header) throws IOException {
        float h = height(cells);
        ensure(h);
        float x = MARGIN;
        if (header) {
            content.setNonStrokingColor(0.88f);
            content.addRect(MARGIN, y - h, width, h);
            content.fill();
            content.setNonStrokingColor(0f);
        }
        content.setLineWidth(0.5f);
        for (int c = 0; c < columns.length; c++) {
            content.addRect(x, y - h, columns[c], h);
            content.stroke();
            List<String> lines = cells.get(c);
            for (int i = 0; i < lines.size(); i++) {
                show(lines.get(i), CELL, x + PAD, y - PAD - CELL - i * CELL * LEADING, header);
            }
            x += columns[c];
        }
        y -= h;
    }

    /** Lines of at most {@code max} points at {@code size}: breaks at the text's newlines, then at any character. */
    List<String> wrap(String text, float size, float max) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (lineWidth + w > max && line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(ch);
                lineWidth += w;
                i += Character.charCount(cp);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The text with every character the font cannot draw (and control characters) replaced by "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || (!Character.isISOControl(cp) && cmap.getGlyphId(cp) > 0)) {
                out.appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append(' ');
            } else if (cp != '\r') {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void footers() throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = "第 " + (i + 1) + " 页 / 共 " + pages + " 页";
                float size = 9;
                footer.beginText();
                footer.setFont(font, size);
                footer.newLineAtOffset((PDRectangle.A4.getWidth() - font.getStringWidth(text) / 1000 * size) / 2,
                        MARGIN / 2);
                footer.showText(text);
                footer.endText();
            }
        }
    }
}
