package org.egovmonitor.crawler.inspect;

import java.util.List;

/** {@code icp}: the homepage shows its ICP 备案号 (e.g. 皖ICP备05003015号). */
final class IcpCheck implements SiteCheck {

    static final String ID = "icp";

    private final FooterIdentifier reader;

    IcpCheck(List<String> patterns) {
        this.reader = new FooterIdentifier(ID, "icp_missing", "ICP 备案号", "皖ICP备05003015号", patterns);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        return reader.check(input);
    }
}
