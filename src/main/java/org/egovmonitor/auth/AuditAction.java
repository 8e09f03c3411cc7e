package org.egovmonitor.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an audited request did, told from its method and path, so that the office reads "新增或修改单位" rather than
 * "PUT /api/units/x". Each pattern matches the whole "METHOD path" line and is written in the subset of regular
 * expressions Java and PostgreSQL read alike: the audit log is filtered by action in SQL with the same pattern that
 * names a row here. The patterns do not overlap, so the first match and the SQL filter always agree.
 */
public enum AuditAction {
    LOGIN("登录", "POST /auth/login"),
    LOGOUT("退出登录", "POST /auth/logout"),
    PASSWORD_CHANGE("修改本人密码", "PUT /api/me/password"),
    USER_CHANGE("新增、修改或删除用户", "(POST /api/users|(PUT|DELETE) /api/users/[^/]+)"),
    USER_UNLOCK("解除用户登录限制", "POST /api/users/[^/]+/unlock"),
    UNIT_CHANGE("新增、修改或删除单位", "(POST /api/units|(PUT|DELETE) /api/units/[^/]+)"),
    NODE_CHANGE("修改政务网节点", "(PUT|DELETE) /api/units/[^/]+/node"),
    LIAISON_CHANGE("修改联络员", "(PUT|DELETE) /api/units/[^/]+/liaison|POST /api/units/[^/]+/liaison-requests"),
    LIAISON_REVIEW("审核联络员变更", "POST /api/liaison-requests/[0-9]+/(approve|reject)"),
    SITE_CHANGE("新增、修改或删除网站", "(POST /api/sites|(PUT|DELETE) /api/sites/[0-9]+)"),
    REGISTRY_IMPORT("导入登记数据", "POST /api/(registry|coverage)/[^/]+(/[^/]+)*"),
    SELF_REPORT("提交自报", "POST /api/units/[^/]+/self-reports"),
    SELF_REPORT_REVIEW("审核自报", "POST /api/self-reports/[0-9]+/(approve|reject)"),
    CONTRIBUTION_ASSIGN("将信息来源归入单位", "POST /api/contributions/unmapped/[^/]+/assign"),
    CONTRIBUTION_COLLECT("采集信息报送", "POST /api/contributions/collect"),
    JOB_TRIGGER("手动运行任务", "POST /api/jobs/[^/]+/trigger"),
    UNIT_RECRAWL("立即重新采集单位", "POST /api/jobs/crawl-round/units/[^/]+"),
    SNAPSHOT("生成评分快照", "POST /api/scoring/snapshot"),
    WHAT_IF("规则模拟", "POST /api/scoring/what-if"),
    TASK_ISSUE("下发整改任务", "POST /api/rectification/tasks(/vetoed)?"),
    TASK_REPLY("答复整改任务", "POST /api/units/[^/]+/rectification/tasks/[0-9]+/reply"),
    TASK_RECHECK("申请复查", "POST /api/units/[^/]+/rectification/tasks/[0-9]+/recheck"),
    APPEAL("提交申诉", "POST /api/units/[^/]+/rectification/appeals"),
    APPEAL_DECISION("处理申诉", "POST /api/rectification/appeals/[0-9]+/(accept|reject)"),
    BULLETIN("生成通报", "POST /api/bulletins(/[0-9]+/regenerate)?"),
    ALERT_SETTINGS("修改告警设置", "(PUT|DELETE) /api/alerts/opt-outs/[^/]+|POST /api/alerts/test"),
    OTHER("其他操作", null);

    private final String label;
    private final String pattern;
    /** The Java form: the same, its alternations not capturing and its parameters captured (for the target). */
    private final Pattern compiled;

    AuditAction(String label, String pattern) {
        this.label = label;
        this.pattern = pattern == null ? null : "^(" + pattern + ")$";
        this.compiled = pattern == null ? null : Pattern.compile(this.pattern.replace("(", "(?:")
                .replace("[^/]+", "([^/]+)").replace("[0-9]+", "([0-9]+)"));
    }

    public String label() {
        return label;
    }

    /** The anchored pattern over "METHOD path" ({@code OTHER}: none, it is whatever no other pattern matches). */
    public String pattern() {
        return pattern;
    }

    /** Every named action's pattern in one, for "OTHER" in SQL (no match). */
    public static String anyNamed() {
        return Arrays.stream(values()).filter(a -> a.pattern != null).map(a -> a.pattern)
                .collect(Collectors.joining("|"));
    }

    public static AuditAction of(String method, String path) {
        String line = method + " " + path;
        for (AuditAction a : values()) {
            if (a.compiled != null && a.compiled.matcher(line).matches()) {
                return a;
            }
        }
        return OTHER;
    }

    /** The path's parameters (percent-decoded, joined by " / "), or null when the action has none. */
    public static String target(String method, String path) {
        String line = method + " " + path;
        for (AuditAction a : values()) {
            Matcher m = a.compiled == null ? null : a.compiled.matcher(line);
            if (m != null && m.matches()) {
                StringJoiner parts = new StringJoiner(" / ");
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        parts.add(decode(m.group(g)));
                    }
                }
                return parts.length() == 0 ? null : parts.toString();
            }
        }
        return null;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment; // a malformed escape is shown as it came
        }
    }
}
