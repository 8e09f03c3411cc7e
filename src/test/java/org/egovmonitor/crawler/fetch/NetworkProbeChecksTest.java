package org.egovmonitor.crawler.fetch;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The https and ipv6 checks over real TLS and real IPv6 loopback: sites with certificates of a test authority
 * (valid, expiring in 10 days, expired, for another name, self-signed), each server answering TLS and plain HTTP on
 * one port so that the site's name, pinned to it by a host override, reaches it by http:// and https:// alike; and
 * sites pinned to {@code ::1} (an AAAA record) or to 127.0.0.1 (none). The fetcher trusts the test authority only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkProbeChecksTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.now(CHINA);

    private final HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).build();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private HttpPageFetcher fetcher;
    private MeasurementEngine engine;
    private boolean ipv6Loopback;

    @BeforeAll
    void start() throws Exception {
        long now = System.currentTimeMillis();
        long day = 24L * 3600 * 1000;
        site("www.valid.test", cert("www.valid.test", now - day, now + 400 * day, authority), true);
        site("www.noredirect.test", cert("www.noredirect.test", now - day, now + 400 * day, authority), false);
        site("www.expiring.test", cert("www.expiring.test", now - 300 * day, now + 10 * day, authority), true);
        site("www.expired.test", cert("www.expired.test", now - 400 * day, now - 2 * day, authority), false);
        site("www.othername.test", cert("www.another.test", now - day, now + 400 * day, authority), false);
        HeldCertificate selfSigned = new HeldCertificate.Builder().addSubjectAlternativeName("www.selfsigned.test")
                .build();
        site("www.selfsigned.test", selfSigned, false);
        // plain HTTP only (Jetty answers a TLS hello at once with 400 and closes)
        site("www.plain.test", null, false);
        ipv6Loopback = startIpv6Sites();
        String yaml = """
                perHostDelayMs: 0
                connectTimeoutMs: 3000
                readTimeoutMs: 5000
                deadlineMs: 20000
                maxDepth: 0
                maxLinkChecksPerSite: 0
                allowPrivateCidrs: [127.0.0.0/8, "::1/128"]
                hostOverrides: {%s}
                """.formatted(overrides.entrySet().stream().map(e -> e.getKey() + ": '" + e.getValue() + "'")
                .collect(Collectors.joining(", ")));
        CrawlSettings settings = CrawlSettings.parse(yaml);
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(authority.certificate()).build();
        fetcher = HttpPageFetcher.trusting(settings.fetch(), AddressGuard.SYSTEM_RESOLVER, trust.sslSocketFactory(),
                trust.trustManager());
        CrawlerFiles files = CrawlerFiles.load(null);
        SiteChecks checks = new SiteChecks(files.checks().checks().stream()
                .filter(c -> Set.of("https", "ipv6").contains(c.id())).toList(), files.checks().maxCheckPagesPerSite());
        engine = new MeasurementEngine(fetcher, settings, CrawlerFiles.defaultCatalog(), checks);
    }

    @AfterAll
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    @Test
    void https_validCertificateAndRedirect_passes() {
        CheckResult r = check("https://www.valid.test/", "https");
        assertThat(r.outcome()).as(r.summary()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.metrics().get("certificateDaysLeft")).isGreaterThan(390.0);
    }

    @Test
    void https_registeredAsHttpWithValidCertificate_noRedirect() {
        CheckProblem p = problem("http://www.noredirect.test/", "https");
        assertThat(p.code()).isEqualTo("https_no_redirect");
        assertThat(p.severity()).isEqualTo(ProblemSeverity.DEDUCT);
        assertThat(p.url()).isEqualTo("http://www.noredirect.test/");
    }

    @Test
    void https_registeredAsHttpsButHttpAnswersWithoutRedirect_noRedirect() {
        CheckProblem p = problem("https://www.noredirect.test/", "https");
        assertThat(p.code()).isEqualTo("https_no_redirect");
        assertThat(p.message()).contains("http://www.noredirect.test/ 返回 HTTP 200");
    }

    @Test
    void https_certificateExpiringIn10Days_isWarned() {
        CheckResult r = check("https://www.expiring.test/", "https");
        assertThat(r.outcome()).isEqualTo(CheckOutcome.WARNED);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("certificate_expiring");
            assertThat(p.severity()).isEqualTo(ProblemSeverity.WARN);
            // notAfter in 10 days from now, as a day in China: 9 to 10 days left depending on the hour
            assertThat(p.message()).containsAnyOf("剩 9 天", "剩 10 天");
        });
    }

    @Test
    void https_expiredCertificate_isInvalid() {
        CheckProblem p = problem("http://www.expired.test/", "https");
        assertThat(p.code()).isEqualTo("https_certificate_invalid");
        assertThat(p.message()).contains("已过期");
        assertThat(p.url()).isEqualTo("https://www.expired.test/");
    }

    @Test
    void https_certificateForAnotherName_isInvalid() {
        CheckProblem p = problem("http://www.othername.test/", "https");
        assertThat(p.code()).isEqualTo("https_certificate_invalid");
        assertThat(p.message()).contains("与域名不符");
    }

    @Test
    void https_selfSignedCertificate_isInvalid() {
        CheckProblem p = problem("http://www.selfsigned.test/", "https");
        assertThat(p.code()).isEqualTo("https_certificate_invalid");
        assertThat(p.message()).contains("不受信任");
    }

    @Test
    void https_plainHttpOnly_isMissing() {
        CheckProblem p = problem("http://www.plain.test/", "https");
        assertThat(p.code()).isEqualTo("https_missing");
        assertThat(p.message()).contains("不是 HTTPS 服务");
        assertThat(p.url()).isEqualTo("https://www.plain.test/");
    }

    @Test
    void ipv6_hostPinnedToIpv6Loopback_passes() {
        Assumptions.assumeTrue(ipv6Loopback, "this machine has no ::1");
        CheckResult r = check("http://www.v6.test/", "ipv6");
        assertThat(r.outcome()).as(r.summary()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.summary()).contains("0:0:0:0:0:0:0:1");
    }

    @Test
    void ipv6_ipv4OnlyHost_isMissing() {
        CheckProblem p = problem("http://www.plain.test/", "ipv6");
        assertThat(p.code()).isEqualTo("ipv6_missing");
        assertThat(p.message()).contains("没有 IPv6 地址解析");
    }

    @Test
    void ipv6Probe_addressWithNothingListening_isUnreachable_andLoopbackIsGuarded() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback, "this machine has no ::1");
        Ipv6Probe closed = fetcher.ipv6("www.v6closed.test", 80);
        assertThat(closed.outcome()).isEqualTo(Ipv6Probe.Outcome.UNREACHABLE);
        assertThat(closed.addresses()).containsExactly("0:0:0:0:0:0:0:1");
        // without the allow-list (production), ::1 is refused by the guard before any connect
        try (HttpPageFetcher guarded = new HttpPageFetcher(CrawlSettings.parse("hostOverrides: {www.v6.test: '"
                + overrides.get("www.v6.test") + "'}").fetch())) {
            assertThat(guarded.ipv6("www.v6.test", 80).outcome()).isEqualTo(Ipv6Probe.Outcome.NOT_PROBED);
            assertThat(guarded.tls("www.v6.test", 443).outcome()).isEqualTo(TlsProbe.Outcome.NOT_PROBED);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private CheckResult check(String site, String id) {
        SiteMeasurement m = engine.measure(URI.create(site), SiteKind.DEPARTMENT, TODAY);
        assertThat(m.reachable()).as(site + " " + m.errorKind()).isTrue();
        return m.check(id).orElseThrow(() -> new AssertionError("no " + id + " result for " + site));
    }

    private CheckProblem problem(String site, String id) {
        CheckResult r = check(site, id);
        assertThat(r.outcome()).as(r.summary()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0);
    }

    /**
     * The sites on {@code ::1}: one answering, one whose port is bound by a socket that never listens (as ClosedPort
     * does on 127.0.0.1), so connects are refused. False when this machine has no IPv6 loopback.
     */
    private boolean startIpv6Sites() {
        try {
            HostileServer v6 = HostileServer.start("::1");
            servers.add(v6);
            v6.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                    HostileServer.PAGE));
            overrides.put("www.v6.test", "[::1]:" + v6.port());
            java.net.Socket holder = new java.net.Socket();
            servers.add(holder);
            holder.setReuseAddress(false);
            holder.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("::1"), 0));
            overrides.put("www.v6closed.test", "[::1]:" + holder.getLocalPort());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static HeldCertificate cert(String name, long notBefore, long notAfter, HeldCertificate signer) {
        return new HeldCertificate.Builder().addSubjectAlternativeName(name).validityInterval(notBefore, notAfter)
                .signedBy(signer).build();
    }

    /**
     * A site answering TLS and plain HTTP on one port (plain HTTP only when {@code certificate} is null); plain HTTP
     * redirects to https:// when {@code redirect}.
     */
    private void site(String name, HeldCertificate certificate, boolean redirect) throws Exception {
        Server server = new Server(new QueuedThreadPool(6, 1));
        HttpConnectionFactory http = new HttpConnectionFactory(new HttpConfiguration());
        ServerConnector connector;
        if (certificate == null) {
            connector = new ServerConnector(server, http);
        } else {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslContext());
            // the probe verifies the name itself; the server must not refuse a handshake for an unknown SNI name
            tls.setSniRequired(false);
            SslConnectionFactory ssl = new SslConnectionFactory(tls, http.getProtocol());
            connector = new ServerConnector(server, new DetectorConnectionFactory(ssl), http);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (redirect && !request.isSecure()) {
                    response.setStatus(301);
                    response.getHeaders().put(HttpHeader.LOCATION, "https://" + name + "/");
                    callback.succeeded();
                    return true;
                }
                boolean robots = Request.getPathInContext(request).equals("/robots.txt");
                response.setStatus(robots ? 404 : 200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap((robots ? "<p>none</p>" : HostileServer.PAGE)
                        .getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        servers.add(server::stop);
        overrides.put(name, "127.0.0.1:" + connector.getLocalPort());
    }
}
