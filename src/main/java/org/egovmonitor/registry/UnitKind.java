package org.egovmonitor.registry;

import org.egovmonitor.platform.Messages;

/** What an assessed body is. The kind decides its default peer group. */
public enum UnitKind {
    /** A municipal department, bureau or office (市直部门). */
    DEPARTMENT(PeerGroup.DEPARTMENTS),
    /** The unit that runs the city portal (e.g. 市信息中心 / 市政府办公室). */
    PORTAL_OWNER(PeerGroup.DEPARTMENTS),
    /** A county (县). */
    COUNTY(PeerGroup.COUNTIES),
    /** A city district (区). */
    DISTRICT(PeerGroup.COUNTIES),
    /** A development or scenic zone at county level (开发区 / 风景区). */
    ZONE(PeerGroup.COUNTIES),
    /** A county-level department (县直部门), e.g. 青阳县交通局. */
    COUNTY_DEPARTMENT(PeerGroup.COUNTY_DEPARTMENTS),
    /** A township or town (乡镇). */
    TOWNSHIP(PeerGroup.TOWNSHIPS);

    private final PeerGroup defaultPeerGroup;

    UnitKind(PeerGroup defaultPeerGroup) {
        this.defaultPeerGroup = defaultPeerGroup;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return Messages.label(this);
    }

    public PeerGroup defaultPeerGroup() {
        return defaultPeerGroup;
    }
}
