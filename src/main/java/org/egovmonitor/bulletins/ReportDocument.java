package org.egovmonitor.bulletins;

import java.util.List;

/**
 * A printable document as a flat list of blocks: what the layouts ({@link BulletinLayout}, {@link NoticeLayout})
 * produce and both renderers ({@link DocxRenderer}, {@link PdfRenderer}) print, so Word and PDF say the same thing.
 */
public record ReportDocument(String title, List<String> subtitle, List<Block> blocks) {

    /** One block of the document body. */
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** A section heading; level 1 (一、总体情况) or 2 (a peer group within a section). */
    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /**
     * A table with a header row. {@code widths} are the columns' relative widths (one per header); a row has one
     * cell per header.
     */
    public record Table(List<String> headers, List<Double> widths, List<List<String>> rows) implements Block {

        public Table {
            if (widths.size() != headers.size() || rows.stream().anyMatch(r -> r.size() != headers.size())) {
                throw new IllegalArgumentException("a table row needs one cell per header");
            }
        }
    }
}
