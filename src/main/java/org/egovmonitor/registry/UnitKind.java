package org.egovmonitor.registry;

/** What an assessed body is. The kind decides its default peer group. */
public enum UnitKind {
    /** A municipal department, bureau or office (市直部门). */
    DEPARTMENT(PeerGroup.DEPARTMENTS, "市直部门"),
    /** The unit that runs the city portal (e.g. 市信息中心 / 市政府办公室). */
    PORTAL_OWNER(PeerGroup.DEPARTMENTS, "门户主办单位"),
    /** A county (县). */
    COUNTY(PeerGroup.COUNTIES, "县"),
    /** A city district (区). */
    DISTRICT(PeerGroup.COUNTIES, "区"),
    /** A development or scenic zone at county level (开发区 / 风景区). */
    ZONE(PeerGroup.COUNTIES, "开发区/风景区"),
    /** A county-level department (县直部门), e.g. 青阳县交通局. */
    COUNTY_DEPARTMENT(PeerGroup.COUNTY_DEPARTMENTS, "县直部门"),
    /** A township or town (乡镇). */
    TOWNSHIP(PeerGroup.TOWNSHIPS, "乡镇");

    private final PeerGroup defaultPeerGroup;
    private final String label;

    UnitKind(PeerGroup defaultPeerGroup, String label) {
        this.defaultPeerGroup = defaultPeerGroup;
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    public PeerGroup defaultPeerGroup() {
        return defaultPeerGroup;
    }
}
