package org.egovmonitor.scoring.rules;

import java.util.List;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.RuleType;

/**
 * 内容安全: hidden links (暗链: a site that serves them has been tampered with, a veto — the check marks them SEVERE),
 * links to non-government sites in the main navigation, and scripts from unknown third-party hosts; points per link
 * or host as the params say.
 */
public final class ContentSafetyRule extends InspectionCheckRule {

    @Override
    public RuleType type() {
        return RuleType.CONTENT_SAFETY;
    }

    @Override
    List<String> checks() {
        return List.of("hiddenLinks", "navigationLinks", "thirdPartyScripts");
    }

    @Override
    double points(Indicator ind, CheckProblem problem) {
        String key = param(problem.code());
        return key == null ? 0 : ind.param(key);
    }

    @Override
    String threshold(Indicator ind, CheckProblem problem) {
        String key = param(problem.code());
        if (key == null) {
            return "";
        }
        String what = switch (key) {
            case "pointsPerHiddenLink" -> "每个暗链扣 ";
            case "pointsPerForeignNavLink" -> "主导航中每个非政府网站链接扣 ";
            default -> "每个未知的第三方脚本来源扣 ";
        };
        return what + points(ind.param(key)) + " 分" + (severe(problem) ? "，暗链单项否决" : "");
    }

    private static String param(String code) {
        return switch (code) {
            case "hidden_link" -> "pointsPerHiddenLink";
            case "foreign_nav_link" -> "pointsPerForeignNavLink";
            case "unknown_script_host" -> "pointsPerUnknownScriptHost";
            default -> null;
        };
    }
}
