package org.egovmonitor.scoring.rules;

import java.util.List;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.RuleType;

/**
 * 技术规范: HTTPS, IPv6, mobile viewport, site search, soft 404, 网站标识码, ICP 备案号, 公安备案号 and the 党政机关网站
 * mark. Each check's points are the indicator's param of the same name ({@code https: 1} …); a check with several
 * problems (no redirect and an invalid certificate) loses its points once. A certificate about to expire is a
 * warning only.
 */
public final class TechnicalRule extends InspectionCheckRule {

    private static final List<String> CHECKS = List.of("https", "ipv6", "viewport", "siteSearch", "soft404",
            "siteCode", "icp", "publicSecurity", "govMark");

    /** Problem code → its check (the param key): every code a technical check reports. */
    static String checkOf(String code) {
        return switch (code) {
            case "https_missing", "https_certificate_invalid", "https_no_redirect", "certificate_expiring" -> "https";
            case "ipv6_missing" -> "ipv6";
            case "viewport_missing" -> "viewport";
            case "search_missing", "search_broken" -> "siteSearch";
            case "soft_404" -> "soft404";
            case "site_code_missing" -> "siteCode";
            case "icp_missing" -> "icp";
            case "public_security_missing" -> "publicSecurity";
            case "gov_mark_missing" -> "govMark";
            default -> null;
        };
    }

    @Override
    public RuleType type() {
        return RuleType.TECHNICAL;
    }

    @Override
    List<String> checks() {
        return CHECKS;
    }

    @Override
    double points(Indicator ind, CheckProblem problem) {
        String check = checkOf(problem.code());
        return check == null ? 0 : ind.param(check);
    }

    @Override
    String threshold(Indicator ind, CheckProblem problem) {
        String check = checkOf(problem.code());
        return check == null ? "" : "此项不符合扣 " + points(ind.param(check)) + " 分（每项检查只扣一次）";
    }

    @Override
    boolean chargeOncePerCheck() {
        return true;
    }
}
