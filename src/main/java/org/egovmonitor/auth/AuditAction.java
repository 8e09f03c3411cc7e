package org.egovmonitor.auth;

import org.egovmonitor.platform.Messages;

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
    LOGIN("POST /auth/login"),
    LOGOUT("POST /auth/logout"),
    PASSWORD_CHANGE("PUT /api/me/password"),
    USER_CHANGE("(POST /api/users|(PUT|DELETE) /api/users/[^/]+)"),
    USER_UNLOCK("POST /api/users/[^/]+/unlock"),
    UNIT_CHANGE("(POST /api/units|(PUT|DELETE) /api/units/[^/]+)"),
    NODE_CHANGE("(PUT|DELETE) /api/units/[^/]+/node"),
    LIAISON_CHANGE("(PUT|DELETE) /api/units/[^/]+/liaison|POST /api/units/[^/]+/liaison-requests"),
    LIAISON_REVIEW("POST /api/liaison-requests/[0-9]+/(approve|reject)"),
    SITE_CHANGE("(POST /api/sites|(PUT|DELETE) /api/sites/[0-9]+)"),
    REGISTRY_IMPORT("POST /api/(registry|coverage)/[^/]+(/[^/]+)*"),
    SELF_REPORT("POST /api/units/[^/]+/self-reports"),
    SELF_REPORT_REVIEW("POST /api/self-reports/[0-9]+/(approve|reject)"),
    CONTRIBUTION_ASSIGN("POST /api/contributions/unmapped/[^/]+/assign"),
    CONTRIBUTION_COLLECT("POST /api/contributions/collect"),
    JOB_TRIGGER("POST /api/jobs/[^/]+/trigger"),
    UNIT_RECRAWL("POST /api/jobs/crawl-round/units/[^/]+"),
    SNAPSHOT("POST /api/scoring/snapshot"),
    WHAT_IF("POST /api/scoring/what-if"),
    TASK_ISSUE("POST /api/rectification/tasks(/vetoed)?"),
    TASK_REPLY("POST /api/units/[^/]+/rectification/tasks/[0-9]+/reply"),
    TASK_RECHECK("POST /api/units/[^/]+/rectification/tasks/[0-9]+/recheck"),
    APPEAL("POST /api/units/[^/]+/rectification/appeals"),
    APPEAL_DECISION("POST /api/rectification/appeals/[0-9]+/(accept|reject)"),
    BULLETIN("POST /api/bulletins(/[0-9]+/regenerate)?"),
    ALERT_SETTINGS("(PUT|DELETE) /api/alerts/opt-outs/[^/]+|POST /api/alerts/test"),
    OTHER(null);

    private final String pattern;
    /** The Java form: the same, its alternations not capturing and its parameters captured (for the target). */
    private final Pattern compiled;

    AuditAction(String pattern) {
        this.pattern = pattern == null ? null : "^(" + pattern + ")$";
        this.compiled = pattern == null ? null : Pattern.compile(this.pattern.replace("(", "(?:")
                .replace("[^/]+", "([^/]+)").replace("[0-9]+", "([0-9]+)"));
    }

    public String label() {
        return Messages.label(this);
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
