package org.egovmonitor.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.scoring.Evidence;

/**
 * The Chinese text of one message: a subject, plain-text lines and a link to the dashboard. E-mail sends the text;
 * the robots get {@link #markdown()} built from the same lines.
 */
public record AlertMessage(String subject, String body, String link) {

    static final String PREFIX = "【政务网站监测】";

    /** The message announcing {@code event} for the unit named {@code unitName}. */
    static AlertMessage of(AlertEvent event, String unitName, String dashboardUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("单位：" + unitName + "（" + event.unitCode() + "）");
        lines.add("事项：" + event.kind().label());
        lines.add("问题：" + event.summary());
        lines.addAll(event.details());
        lines.add("证据：" + evidence(event.evidence()));
        lines.add("日期：" + event.day());
        String link = dashboardUrl + "office.html#unit/" + URLEncoder.encode(event.unitCode(), StandardCharsets.UTF_8);
        return new AlertMessage(PREFIX + unitName + "：" + event.kind().label() + " — " + event.summary(),
                String.join("\n", lines), link);
    }

    /** A test message, to check that a recipient is reachable. */
    static AlertMessage test(String dashboardUrl, String byUser) {
        return new AlertMessage(PREFIX + "测试消息",
                "这是一条测试消息，由 " + byUser + " 在监测平台发送。收到即表示告警通道配置正确。", dashboardUrl + "office.html#alerts");
    }

    /** One message gathering the day's waiting alerts of one recipient. */
    static AlertMessage digest(List<Delivery> items, String dashboardUrl) {
        StringBuilder body = new StringBuilder("以下为最近一日的告警汇总，共 " + items.size() + " 条：\n");
        int n = 1;
        for (Delivery d : items) {
            body.append('\n').append(n++).append(". ").append(d.subject().replace(PREFIX, "")).append('\n')
                    .append(d.body()).append("\n查看详情：").append(d.link()).append('\n');
        }
        return new AlertMessage(PREFIX + "每日告警汇总（" + items.size() + " 条）", body.toString().strip(),
                dashboardUrl + "office.html#warnings");
    }

    /** The plain-text e-mail: the lines, then the link. */
    String text() {
        return body + "\n\n查看详情：" + link + "\n\n（本邮件由政务网站监测平台自动发送）";
    }

    /** The robots' markdown: a heading, one paragraph per line, the link. */
    String markdown() {
        StringBuilder md = new StringBuilder("### ").append(subject.replace(PREFIX, "")).append("\n");
        for (String line : body.split("\n")) {
            md.append("\n").append(line).append("\n");
        }
        return md.append("\n[查看详情](").append(link).append(")").toString();
    }

    static String evidence(Evidence e) {
        List<String> parts = new ArrayList<>();
        if (e.url() != null) {
            parts.add("网址 " + e.url());
        }
        if (e.date() != null) {
            parts.add("日期 " + e.date());
        }
        if (e.httpStatus() != null) {
            parts.add("HTTP 状态 " + e.httpStatus());
        }
        if (e.errorKind() != null) {
            parts.add("错误 " + e.errorKind());
        }
        return parts.isEmpty() ? "无" : String.join("；", parts);
    }
}
