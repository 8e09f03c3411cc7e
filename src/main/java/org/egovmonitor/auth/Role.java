package org.egovmonitor.auth;

/** Who a user is to the platform (design §7). */
public enum Role {
    /** The informatization office: administers everything. */
    OFFICE("信息化办公室"),
    /** City leaders: read-only, city-wide. */
    LEADER("市领导"),
    /** A department or county: bound to one unit, reads its own findings and submits its own reports. */
    DEPARTMENT("部门／县区");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
