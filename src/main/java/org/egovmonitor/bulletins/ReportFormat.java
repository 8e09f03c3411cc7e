package org.egovmonitor.bulletins;

/** The two file formats of a report or notice. */
public enum ReportFormat {
    DOCX(ReportFormat.DOCX_TYPE, "docx"),
    PDF(ReportFormat.PDF_TYPE, "pdf");

    public static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF_TYPE = "application/pdf";

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
