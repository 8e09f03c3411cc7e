package org.egovmonitor.crawler.inspect;

import java.util.List;

/** {@code publicSecurity}: the homepage shows its 公安机关备案号 (e.g. 皖公网安备 34170202000101号). */
final class PublicSecurityCheck implements SiteCheck {

    static final String ID = "publicSecurity";

    private final FooterIdentifier reader;

    PublicSecurityCheck(List<String> patterns) {
        this.reader = new FooterIdentifier(ID, "public_security_missing", "公安机关备案号", "皖公网安备 34170202000101号",
                patterns);
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
