package org.egovmonitor.registry;

/** Units are ranked only against their peers: never a township against a municipal bureau. */
public enum PeerGroup {
    DEPARTMENTS("市直部门"),
    COUNTIES("县区"),
    COUNTY_DEPARTMENTS("县直部门"),
    TOWNSHIPS("乡镇");

    private final String label;

    PeerGroup(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
