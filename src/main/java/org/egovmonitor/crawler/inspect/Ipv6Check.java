package org.egovmonitor.crawler.inspect;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.fetch.Ipv6Probe;
import org.egovmonitor.crawler.fetch.NetworkProbes;

/**
 * {@code ipv6}: the site's host has an IPv6 address (AAAA record) and a TCP connect to the homepage's port over IPv6
 * succeeds (推进互联网协议第六版规模部署). Probed through the site's guarded fetcher ({@link NetworkProbes#ipv6}): the
 * addresses come through the address guard and host overrides, so a pinned {@code ::1} stands for an AAAA record in
 * tests and the demo. The monitor itself needs IPv6 connectivity for a connect to succeed.
 */
final class Ipv6Check implements SiteCheck {

    static final String ID = "ipv6";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        NetworkProbes probes = input.pages().probes();
        URI home = uri(input.homepageUrl());
        if (probes == null || home == null || home.getHost() == null) {
            return CheckResult.notChecked(ID, "未能探测 IPv6");
        }
        int port = home.getPort() > 0 ? home.getPort() : "https".equalsIgnoreCase(home.getScheme()) ? 443 : 80;
        Ipv6Probe probe = probes.ipv6(home.getHost(), port);
        return switch (probe.outcome()) {
            case NOT_PROBED -> CheckResult.notChecked(ID, "未能探测 IPv6（" + probe.detail() + "）");
            case CONNECTED -> CheckResult.judged(ID, "网站支持 IPv6 访问（" + probe.connected() + "）", List.of(), Map.of());
            case NO_AAAA, UNREACHABLE -> {
                String message = probe.outcome() == Ipv6Probe.Outcome.NO_AAAA
                        ? "网站不支持 IPv6 访问：" + home.getHost() + " 没有 IPv6 地址解析"
                        : "网站不支持 IPv6 访问：" + home.getHost() + " 的 IPv6 地址 " + String.join("、", probe.addresses())
                        + " 无法连接（" + probe.detail() + "）";
                yield CheckResult.judged(ID, message, List.of(new CheckProblem("ipv6_missing", ProblemSeverity.DEDUCT,
                        message, input.homepageUrl(), null, "为网站域名添加 IPv6 地址解析，并确保可通过 IPv6 访问")),
                        Map.of());
            }
        };
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
