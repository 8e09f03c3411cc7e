package org.egovmonitor.crawler.inspect;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.egovmonitor.crawler.fetch.NetworkProbes;
import org.egovmonitor.crawler.fetch.TlsProbe;

/**
 * {@code https}: the site answers over HTTPS with a valid certificate, its http:// address redirects to https://, and
 * the certificate is not about to expire. The handshake is a probe through the site's guarded fetcher
 * ({@link NetworkProbes#tls}), verifying the chain and the host name as a browser does; the redirect is a GET of the
 * http:// homepage through the check's page budget.
 *
 * <p>A site registered (or redirected) as https:// is probed on its own port, and its http:// counterpart (default
 * port) must redirect to https. A site served over http:// is probed on 443 of the same host; when that answers with a
 * valid certificate, the http:// homepage it was measured by still did not redirect. A site registered as https://
 * whose certificate fails never gets here: its homepage is unreachable to the crawler (TLS error), which the
 * availability indicator reports.
 */
final class HttpsCheck implements SiteCheck {

    static final String ID = "https";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final int warnDays;

    HttpsCheck(int warnDays) {
        this.warnDays = warnDays;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        NetworkProbes probes = input.pages().probes();
        URI home = uri(input.homepageUrl());
        if (probes == null || home == null || home.getHost() == null) {
            return CheckResult.notChecked(ID, "未能探测 HTTPS");
        }
        String host = home.getHost();
        boolean servedOverHttps = "https".equalsIgnoreCase(home.getScheme());
        int port = servedOverHttps ? (home.getPort() > 0 ? home.getPort() : 443) : 443;
        String httpsUrl = "https://" + authority(host, servedOverHttps ? home.getPort() : -1) + "/";
        TlsProbe tls = probes.tls(host, port);
        List<CheckProblem> problems = new ArrayList<>();
        Map<String, Double> metrics = new HashMap<>();
        switch (tls.outcome()) {
            case NOT_PROBED -> {
                return CheckResult.notChecked(ID, "未能探测 HTTPS（" + tls.detail() + "）");
            }
            case NO_HTTPS -> {
                String message = "网站不支持 HTTPS 访问（" + httpsUrl + "：" + tls.detail() + "）";
                problems.add(new CheckProblem("https_missing", ProblemSeverity.DEDUCT, message, httpsUrl, null,
                        "部署 HTTPS（申请有效的 SSL 证书），并将 HTTP 访问跳转至 HTTPS"));
                return CheckResult.judged(ID, message, problems, metrics);
            }
            case EXPIRED, NAME_MISMATCH, UNTRUSTED, HANDSHAKE_FAILED -> {
                String message = "HTTPS 证书无效（" + httpsUrl + "：" + tls.detail() + "），浏览器会提示不安全";
                problems.add(new CheckProblem("https_certificate_invalid", ProblemSeverity.DEDUCT, message, httpsUrl,
                        null, "更换为受信任机构签发、在有效期内、与域名相符的证书"));
                return CheckResult.judged(ID, message, problems, metrics);
            }
            case VALID -> {
                // judged below
            }
        }
        LocalDate expires = tls.notAfter().atZone(CHINA).toLocalDate();
        long daysLeft = ChronoUnit.DAYS.between(input.now(), expires);
        metrics.put("certificateDaysLeft", (double) daysLeft);
        if (daysLeft <= warnDays) {
            String message = "HTTPS 证书将于 " + expires + " 到期（剩 " + Math.max(0, daysLeft) + " 天），请及时续期";
            problems.add(new CheckProblem("certificate_expiring", ProblemSeverity.WARN, message, httpsUrl, null,
                    "在 " + expires + " 前更换证书"));
        }
        String redirect = servedOverHttps ? httpRedirect(input, host) : "首页经 http:// 访问，未跳转至 https://";
        if (redirect != null) {
            String message = "HTTP 访问未跳转至 HTTPS（" + redirect + "）";
            String url = servedOverHttps ? "http://" + authority(host, -1) + "/" : input.homepageUrl();
            problems.add(new CheckProblem("https_no_redirect", ProblemSeverity.DEDUCT, message, url, null,
                    "将 http:// 的访问以 301 跳转至 https://"));
        }
        String summary = problems.isEmpty() ? "HTTPS 证书有效（至 " + expires + "），HTTP 访问跳转至 HTTPS"
                : problems.stream().map(CheckProblem::message).reduce((a, b) -> a + "；" + b).orElse("");
        return CheckResult.judged(ID, summary, problems, metrics);
    }

    /** Why http:// does not lead to https://, or null when it does (or when nothing answers plain HTTP at all). */
    private static String httpRedirect(CheckInput input, String host) {
        String http = "http://" + authority(host, -1) + "/";
        CheckPage page = input.pages().get(http);
        if (page == null) {
            return null; // budget spent: not judged rather than a guess
        }
        if (page.finalUrl() != null && page.finalUrl().toLowerCase(Locale.ROOT).startsWith("https://")) {
            return null;
        }
        if (page.status() == 0) {
            return null; // nothing answers plain HTTP (refused, timed out): no insecure access to redirect
        }
        return http + " 返回 HTTP " + page.status() + "，未跳转";
    }

    private static String authority(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port > 0 ? h + ":" + port : h;
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
