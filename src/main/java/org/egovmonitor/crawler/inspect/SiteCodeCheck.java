package org.egovmonitor.crawler.inspect;

import java.util.List;

/** {@code siteCode}: the homepage shows its 网站标识码 (10 digits, e.g. 网站标识码：3417000001). */
final class SiteCodeCheck implements SiteCheck {

    static final String ID = "siteCode";

    private final FooterIdentifier reader;

    SiteCodeCheck(List<String> patterns) {
        this.reader = new FooterIdentifier(ID, "site_code_missing", "网站标识码", "网站标识码：3417000001", patterns);
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
