package org.egovmonitor.bulletins;

/** How long a 通报 report's period is; a custom report covers any date range the office names. */
public enum BulletinKind {
    WEEKLY("周报"),
    MONTHLY("月报"),
    QUARTERLY("季报"),
    CUSTOM("专项通报");

    private final String label;

    BulletinKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
