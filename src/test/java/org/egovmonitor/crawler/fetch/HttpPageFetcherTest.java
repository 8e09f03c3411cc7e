package org.egovmonitor.crawler.fetch;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.ClosedPort;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher against {@link HostileServer}s on loopback. Deadlines are small (2 s) so the hostile cases end quickly;
 * {@code @Timeout} is only a safety net, far above the deadline, so a test passing proves the deadline or cap stopped
 * the fetch.
 */
@Timeout(60)
class HttpPageFetcherTest {

    private static HostileServer server;

    private HttpPageFetcher fetcher;

    @BeforeAll
    static void startServer() throws Exception {
        server = HostileServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeFetcher() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** Test settings: 2 s deadline, 1 MiB cap, no host delay, loopback allowed; overrides as "key", "value" pairs. */
    static FetchSettings settings(String... overrides) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("deadlineMs", "2000");
        keys.put("maxBodyBytes", "1048576");
        keys.put("perHostDelayMs", "0");
        keys.put("allowPrivateCidrs", "[127.0.0.0/8]");
        for (int i = 0; i < overrides.length; i += 2) {
            keys.put(overrides[i], overrides[i + 1]);
        }
        return CrawlSettings.parse(keys.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"))).fetch();
    }

    private HttpPageFetcher fetcher(String... overrides) {
        fetcher = new HttpPageFetcher(settings(overrides));
        return fetcher;
    }

    @Nested
    class Pages {

        @Test
        void get_htmlPage_okWithBodyStatusBytesAndFinalUrl() {
            FetchResult r = fetcher().get(server.uri("/ok"));

            assertThat(r.error()).isNull();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo(HostileServer.PAGE);
            assertThat(r.bytes()).isEqualTo(HostileServer.PAGE.length());
            assertThat(r.finalUrl()).isEqualTo(server.uri("/ok").toString());
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.redirects()).isEmpty();
        }

        @Test
        void get_anyRequest_identifiesItselfAndOffersCompression() {
            fetcher().get(server.uri("/ok?ua"));

            HostileServer.Request request = server.requests().stream()
                    .filter(q -> "ua".equals(q.query())).findFirst().orElseThrow();
            assertThat(request.header("User-Agent")).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
            assertThat(request.header("Accept-Encoding")).isEqualTo("gzip, deflate, br");
            assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.port());
        }

        @ParameterizedTest
        @CsvSource({"/gzip", "/deflate"})
        void get_compressedPage_decoded(String path) {
            FetchResult r = fetcher().get(server.uri(path));

            assertThat(r.error()).isNull();
            assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo(HostileServer.PAGE);
            assertThat(r.bytes()).isEqualTo(HostileServer.PAGE.length());
        }

        @Test
        void get_relativeRedirect_followedAndRecorded() {
            FetchResult r = fetcher().get(server.uri("/relative/start"));

            assertThat(r.error()).isNull();
            assertThat(r.finalUrl()).isEqualTo(server.uri("/relative/next?from=start").toString());
            assertThat(r.redirects()).containsExactly(server.uri("/relative/start").toString());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "/status/500,  HTTP_ERROR, 500",
                "/status/404,  HTTP_ERROR, 404",
                "/image,       NOT_HTML,   200",
                "/binary,      NOT_HTML,   200",
        })
        void get_unusableResponse_errorKindAndStatusKept(String path, FetchErrorKind kind, int status) {
            FetchResult r = fetcher().get(server.uri(path));

            assertThat(r.error()).isEqualTo(kind);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.body()).isNull();
        }

        @ParameterizedTest
        @CsvSource({"mailto:someone@example.org", "ftp://127.0.0.1/file", "/relative/path", "http:///nohost",
                "http://0x7f.1/", "javascript:alert(1)"})
        void get_notAnHttpUrlWithHost_invalidUrl(String url) {
            assertThat(fetcher().get(URI.create(url)).error()).isEqualTo(FetchErrorKind.INVALID_URL);
        }
    }

    @Nested
    class Hostile {

        @Test
        void get_serverDripsWholeResponse_deadlineExceeded() {
            // readTimeoutMs stays at 10 s and each byte comes within 1 s: only the deadline can stop this.
            FetchResult r = fetcher().get(server.uri("/drip"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.DEADLINE_EXCEEDED);
            assertThat(r.body()).isNull();
        }

        @Test
        void get_serverDripsBody_deadlineExceeded() {
            FetchResult r = fetcher().get(server.uri("/drip-body"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.DEADLINE_EXCEEDED);
            assertThat(r.body()).isNull();
        }

        @Test
        void get_serverNeverAnswers_deadlineExceeded() {
            FetchResult r = fetcher().get(server.uri("/silent"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.DEADLINE_EXCEEDED);
        }

        @Test
        void get_serverSilentLongerThanReadTimeout_readTimeout() {
            FetchResult r = fetcher("readTimeoutMs", "300", "deadlineMs", "10000").get(server.uri("/silent"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.READ_TIMEOUT);
        }

        @ParameterizedTest
        @CsvSource({"/huge", "/huge-declared"})
        void get_200MegabyteBody_tooLargeAndNotReturned(String path) {
            FetchResult r = fetcher().get(server.uri(path));

            assertThat(r.error()).isEqualTo(FetchErrorKind.TOO_LARGE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isNull();
        }

        @Test
        void get_gzipBomb_decompressionBomb() {
            // A cap above the ratio guard's floor, so the ratio (not the size cap) is what trips.
            FetchResult r = fetcher("maxBodyBytes", "104857600", "deadlineMs", "10000").get(server.uri("/bomb"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.DECOMPRESSION_BOMB);
            assertThat(r.body()).isNull();
        }

        @Test
        void get_connectionReset_connectionReset() {
            assertThat(fetcher().get(server.uri("/reset")).error()).isEqualTo(FetchErrorKind.CONNECTION_RESET);
        }

        @Test
        void get_redirectLoop_redirectLoop() {
            FetchResult r = fetcher().get(server.uri("/loop/a"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.REDIRECT_LOOP);
            assertThat(r.redirects()).containsExactly(server.uri("/loop/a").toString(),
                    server.uri("/loop/b").toString());
        }

        @Test
        void get_endlessRedirects_tooManyRedirects() {
            FetchResult r = fetcher("maxRedirects", "5").get(server.uri("/endless/1"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.TOO_MANY_REDIRECTS);
            assertThat(r.redirects()).hasSize(6);
            assertThat(server.requestCount("/endless/8")).isZero();
        }

        @Test
        void get_nothingListening_connectRefused() throws Exception {
            // Held for the whole test: a port merely found free and closed may be taken by another process meanwhile.
            try (ClosedPort closed = ClosedPort.open()) {
                URI root = URI.create("http://127.0.0.1:" + closed.port() + "/");
                HttpPageFetcher f = fetcher();

                assertThat(f.check(root).error()).isEqualTo(FetchErrorKind.CONNECT_REFUSED);
                FetchResult viaRobots = f.get(root);
                assertThat(viaRobots.error()).isEqualTo(FetchErrorKind.CONNECT_REFUSED);
                assertThat(viaRobots.errorDetail()).startsWith("robots.txt");
            }
        }

        @Test
        void check_tlsToPlainHttpServer_tlsError() throws Exception {
            try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread answer = new Thread(() -> {
                    try (Socket s = plain.accept(); OutputStream out = s.getOutputStream()) {
                        out.write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (Exception ignored) {
                        // the test fails on its own assertion if this goes wrong
                    }
                });
                answer.setDaemon(true);
                answer.start();

                FetchResult r = fetcher().check(URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/"));

                assertThat(r.error()).isEqualTo(FetchErrorKind.TLS_ERROR);
                answer.join(5000);
            }
        }
    }

    @Nested
    class Robots {

        @Test
        void get_robotsDisallowsAll_robotsDisallowedWithoutRequestingThePage() throws Exception {
            try (HostileServer site = HostileServer.start().robots("User-agent: *\nDisallow: /\n")) {
                FetchResult r = fetcher().get(site.uri("/ok"));

                assertThat(r.error()).isEqualTo(FetchErrorKind.ROBOTS_DISALLOWED);
                assertThat(site.requestCount("/ok")).isZero();
            }
        }

        @Test
        void get_robotsNotFound_allowedAndFetchedOncePerHost() throws Exception {
            try (HostileServer site = HostileServer.start().robotsStatus(404)) {
                HttpPageFetcher f = fetcher();

                assertThat(f.get(site.uri("/ok")).error()).isNull();
                assertThat(f.get(site.uri("/gzip")).error()).isNull();
                assertThat(site.requestCount("/robots.txt")).isEqualTo(1);
                assertThat(site.requests().get(0).path()).isEqualTo("/robots.txt");
            }
        }

        @Test
        void get_robotsServerError_disallowAll() throws Exception {
            try (HostileServer site = HostileServer.start().robotsStatus(503)) {
                FetchResult r = fetcher().get(site.uri("/ok"));

                assertThat(r.error()).isEqualTo(FetchErrorKind.ROBOTS_DISALLOWED);
                assertThat(site.requestCount("/ok")).isZero();
            }
        }

        @Test
        void get_robotsNeverAnswers_pageNotRequestedAndDeadlineReported() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                site.route("/robots.txt", (req, s, out) -> Thread.sleep(Long.MAX_VALUE));

                FetchResult r = fetcher().get(site.uri("/ok"));

                assertThat(r.error()).isEqualTo(FetchErrorKind.DEADLINE_EXCEEDED);
                assertThat(r.errorDetail()).startsWith("robots.txt");
                assertThat(site.requestCount("/ok")).isZero();
            }
        }

        @Test
        void get_robotsGroupForOurAgent_onlyThatGroupApplies() throws Exception {
            try (HostileServer site = HostileServer.start().robots("""
                    User-agent: *
                    Disallow: /
                    Crawl-delay: 5

                    User-agent: egov-monitor
                    Disallow: /private
                    """)) {
                HttpPageFetcher f = fetcher("perHostDelayMs", "10");

                assertThat(f.get(site.uri("/ok")).error()).isNull();
                assertThat(f.get(site.uri("/private/x")).error()).isEqualTo(FetchErrorKind.ROBOTS_DISALLOWED);
                // Our group names no Crawl-delay and does not inherit the "*" one.
                assertThat(f.hostDelayMs("127.0.0.1")).isEqualTo(10);
            }
        }

        @ParameterizedTest(name = "Crawl-delay {0} s -> {1} ms")
        @CsvSource({"3, 3000", "600, 5000"})
        void get_robotsCrawlDelay_becomesTheHostDelayCapped(int seconds, long expectedMs) throws Exception {
            try (HostileServer site = HostileServer.start()
                    .robots("User-agent: egov-monitor\nCrawl-delay: " + seconds + "\nDisallow: /nothing\n")) {
                HttpPageFetcher f = fetcher("maxCrawlDelayMs", "5000");

                assertThat(f.get(site.uri("/ok")).error()).isNull();
                assertThat(f.hostDelayMs("127.0.0.1")).isEqualTo(expectedMs);
            }
        }

        @Test
        void check_robotsNotYetFetched_doesNotFetchRobots() throws Exception {
            try (HostileServer site = HostileServer.start().robots("User-agent: *\nDisallow: /\n")) {
                FetchResult r = fetcher().check(site.uri("/ok"));

                assertThat(r.error()).isNull();
                assertThat(site.requestCount("/robots.txt")).isZero();
            }
        }

        @Test
        void check_robotsServerErrorCached_linkJudgedAsIfNotCached() throws Exception {
            try (HostileServer site = HostileServer.start().robotsStatus(503)) {
                URI failing = site.uri("/status/503");
                FetchResult notCached = fetcher().check(failing);
                HttpPageFetcher f = fetcher();
                assertThat(f.get(site.uri("/ok")).error()).isEqualTo(FetchErrorKind.ROBOTS_DISALLOWED);

                FetchResult cached = f.check(failing);

                assertThat(notCached.status()).isEqualTo(503);
                assertThat(cached.error()).isEqualTo(notCached.error());
                assertThat(cached.status()).isEqualTo(503);
            }
        }

        @Test
        void check_robotsCachedForTheSite_honoured() throws Exception {
            try (HostileServer site = HostileServer.start().robots("User-agent: *\nDisallow: /private\n")) {
                HttpPageFetcher f = fetcher();
                f.get(site.uri("/ok"));

                assertThat(f.check(site.uri("/private/page")).error()).isEqualTo(FetchErrorKind.ROBOTS_DISALLOWED);
                assertThat(site.requestCount("/private/page")).isZero();
            }
        }
    }

    @Nested
    class Ssrf {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "http://127.0.0.1:PORT/ok,                 BLOCKED_ADDRESS",
                "http://localhost:PORT/ok,                 BLOCKED_ADDRESS",
                "http://2130706433:PORT/ok,                BLOCKED_ADDRESS",
                "http://[::ffff:127.0.0.1]:PORT/ok,        BLOCKED_ADDRESS",
                "http://[0:0:0:0:0:ffff:7f00:1]:PORT/ok,   BLOCKED_ADDRESS",
                "http://[::1]:PORT/ok,                     BLOCKED_ADDRESS",
                "http://0.0.0.0:PORT/ok,                   BLOCKED_ADDRESS",
                "http://127.0.0.2:PORT/ok,                 BLOCKED_ADDRESS",
                "http://0x7f.1:PORT/ok,                    INVALID_URL",
                "http://127.1:PORT/ok,                     INVALID_URL",
        })
        void get_loopbackInAnySpelling_refusedWithoutAnyRequest(String url, FetchErrorKind kind) {
            int before = server.requestCount();
            HttpPageFetcher f = new HttpPageFetcher(CrawlSettings.parse("deadlineMs: 2000").fetch());
            try {
                URI uri = URI.create(url.replace("PORT", String.valueOf(server.port())));

                assertThat(f.get(uri).error()).isEqualTo(kind);
                assertThat(f.check(uri).error()).isEqualTo(kind);
                assertThat(server.requestCount()).isEqualTo(before);
            } finally {
                f.close();
            }
        }

        @Test
        void get_redirectToLoopbackAddressNotAllowListed_blockedAndTargetNeverContacted() throws Exception {
            try (HostileServer other = HostileServer.start("127.0.0.2")) {
                HttpPageFetcher f = fetcher("allowPrivateCidrs", "[127.0.0.1/32]");
                URI target = other.uri("/ok");
                URI start = server.uri("/redirect?to=" + URLEncoder.encode(target.toString(), StandardCharsets.UTF_8));

                FetchResult get = f.get(start);
                FetchResult check = f.check(start);

                assertThat(get.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
                assertThat(get.redirects()).containsExactly(start.toString());
                assertThat(get.finalUrl()).isEqualTo(target.toString());
                assertThat(check.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
                assertThat(other.requestCount()).isZero();
            }
        }

        @Test
        void get_sameRedirectWithTargetAllowListed_followed() throws Exception {
            try (HostileServer other = HostileServer.start("127.0.0.2")) {
                URI start = server.uri("/redirect?to="
                        + URLEncoder.encode(other.uri("/ok").toString(), StandardCharsets.UTF_8));

                FetchResult r = fetcher().get(start);

                assertThat(r.error()).isNull();
                assertThat(other.requestCount("/ok")).isEqualTo(1);
            }
        }

        @Test
        void get_hostResolvingToPrivateAndPublic_blocked() {
            fetcher = new HttpPageFetcher(settings("allowPrivateCidrs", "[]"), host -> new InetAddress[]{
                    InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")});

            FetchResult r = fetcher.check(URI.create("http://intranet.example/"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
            assertThat(r.errorDetail()).contains("10.0.0.5");
        }

        @Test
        void get_nameResolvedOnce_connectsToTheCheckedAddressWithTheNameAsHost() {
            fetcher = new HttpPageFetcher(settings("allowPrivateCidrs", "[127.0.0.1/32]"),
                    host -> new InetAddress[]{InetAddress.getByName("127.0.0.1")});

            FetchResult r = fetcher.get(URI.create("http://site.example:" + server.port() + "/ok?named"));

            assertThat(r.error()).isNull();
            assertThat(server.requests().stream().filter(q -> "named".equals(q.query())).findFirst().orElseThrow()
                    .header("Host")).isEqualTo("site.example:" + server.port());
        }
    }

    @Nested
    class Urls {

        @Test
        void get_internationalHostName_resolvedAsPunycode() {
            List<String> asked = new ArrayList<>();
            fetcher = new HttpPageFetcher(settings(), host -> {
                asked.add(host);
                return new InetAddress[]{InetAddress.getByName("127.0.0.1")};
            });

            FetchResult r = fetcher.get(URI.create("http://政府.例子.cn:" + server.port() + "/ok?idn"));

            assertThat(r.error()).isNull();
            assertThat(asked).contains("xn--mxtq1m.xn--fsqu00a.cn");
        }

        @Test
        void get_notHtml_contentTypeKept() {
            assertThat(fetcher().get(server.uri("/image")).contentType()).isEqualTo("image/png");
        }
    }

    @Nested
    class Check {

        @Test
        void check_pageAnswersHead_headOnly() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                FetchResult r = fetcher().check(site.uri("/ok"));

                assertThat(r.error()).isNull();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isNull();
                assertThat(site.requests()).extracting(HostileServer.Request::method).containsExactly("HEAD");
            }
        }

        @Test
        void check_headRefused_fallsBackToGet() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                FetchResult r = fetcher().check(site.uri("/head-refused"));

                assertThat(r.error()).isNull();
                assertThat(r.status()).isEqualTo(200);
                assertThat(site.requests()).extracting(HostileServer.Request::method).containsExactly("HEAD", "GET");
            }
        }

        @Test
        void check_hugeBody_okWithoutReadingIt() {
            FetchResult r = fetcher().check(server.uri("/huge"));

            assertThat(r.error()).isNull();
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        void check_missingPage_httpErrorWithStatus() {
            FetchResult r = fetcher().check(server.uri("/status/404"));

            assertThat(r.error()).isEqualTo(FetchErrorKind.HTTP_ERROR);
            assertThat(r.status()).isEqualTo(404);
        }
    }

    @Nested
    class Politeness {

        @Test
        void get_tenParallelRequestsToOneHost_atMostPerHostConcurrencyAtOnce() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                HttpPageFetcher f = fetcher("perHostConcurrency", "2", "deadlineMs", "20000");

                List<FetchResult> results = inParallel(10, () -> f.get(site.uri("/slow")));

                assertThat(results).allSatisfy(r -> assertThat(r.error()).isNull());
                assertThat(site.maxConcurrentRequests()).isEqualTo(2);
            }
        }

        @Test
        void get_manyHostsWithGlobalLimitOne_oneRequestAtATime() throws Exception {
            try (HostileServer a = HostileServer.start("127.0.0.1"); HostileServer b = HostileServer.start("127.0.0.3")) {
                AtomicInteger active = new AtomicInteger();
                AtomicInteger maxActive = new AtomicInteger();
                HostileServer.Handler counted = (req, s, out) -> {
                    // In progress until the answer starts: the client holds its slot at least that long.
                    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(200);
                    } finally {
                        active.decrementAndGet();
                    }
                    HostileServer.respond(out, 200, "text/html", HostileServer.PAGE);
                };
                a.route("/counted", counted);
                b.route("/counted", counted);
                HttpPageFetcher f = fetcher("perHostConcurrency", "4", "globalConcurrency", "1", "deadlineMs", "20000");
                List<URI> uris = List.of(a.uri("/counted"), b.uri("/counted"), a.uri("/counted"), b.uri("/counted"));
                AtomicInteger next = new AtomicInteger();

                List<FetchResult> results = inParallel(4, () -> f.get(uris.get(next.getAndIncrement())));

                assertThat(results).allSatisfy(r -> assertThat(r.error()).isNull());
                assertThat(a.requestCount("/counted")).isEqualTo(2);
                assertThat(b.requestCount("/counted")).isEqualTo(2);
                assertThat(maxActive.get()).isEqualTo(1);
            }
        }

        @Test
        void get_twoFetchersSharingGates_politeTogether_separateFetchersNot() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                FetchSettings polite = settings("perHostConcurrency", "1", "deadlineMs", "20000");
                HostGates shared = new HostGates(polite);
                try (HttpPageFetcher crawl = new HttpPageFetcher(polite, shared);
                     HttpPageFetcher probe = new HttpPageFetcher(polite, shared)) {
                    AtomicInteger turn = new AtomicInteger();
                    List<FetchResult> results = inParallel(6,
                            () -> (turn.getAndIncrement() % 2 == 0 ? crawl : probe).get(site.uri("/slow")));
                    assertThat(results).allSatisfy(r -> assertThat(r.error()).isNull());
                    assertThat(site.maxConcurrentRequests()).isEqualTo(1);
                }
            }
            // The control: the same two fetchers with gates of their own do reach the host together.
            try (HostileServer site = HostileServer.start()) {
                FetchSettings polite = settings("perHostConcurrency", "1", "deadlineMs", "20000");
                try (HttpPageFetcher crawl = new HttpPageFetcher(polite);
                     HttpPageFetcher probe = new HttpPageFetcher(polite)) {
                    AtomicInteger turn = new AtomicInteger();
                    // Five 300 ms requests each: the two fetchers overlap unless a thread stalls for seconds.
                    inParallel(10, () -> (turn.getAndIncrement() % 2 == 0 ? crawl : probe).get(site.uri("/slow")));
                    assertThat(site.maxConcurrentRequests()).isEqualTo(2);
                }
            }
        }

        @Test
        void get_queueForTheHostLongerThanTheDeadline_waitNotCountedAllSucceed() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                // One at a time, 300 ms each: the sixth waits about 1.5 s for its turn, twice the deadline.
                HttpPageFetcher f = fetcher("perHostConcurrency", "1", "deadlineMs", "700");

                List<FetchResult> results = inParallel(6, () -> f.get(site.uri("/slow")));

                assertThat(results).allSatisfy(r -> {
                    assertThat(r.error()).isNull();
                    assertThat(r.responseMs()).isLessThan(700);
                });
                assertThat(site.maxConcurrentRequests()).isEqualTo(1);
            }
        }

        @Test
        void get_queueLongerThanMaxQueueWait_queueTimeoutAndNotSent() throws Exception {
            try (HostileServer site = HostileServer.start()) {
                HttpPageFetcher f = fetcher("perHostConcurrency", "1", "deadlineMs", "20000", "maxQueueWaitMs", "250");

                List<FetchResult> results = inParallel(4, () -> f.get(site.uri("/slow")));

                List<FetchResult> queued = results.stream()
                        .filter(r -> r.error() == FetchErrorKind.QUEUE_TIMEOUT).toList();
                assertThat(queued).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isZero());
                assertThat(results).extracting(FetchResult::error)
                        .containsOnly(null, FetchErrorKind.QUEUE_TIMEOUT);
                assertThat(site.requestCount("/slow")).isEqualTo(4 - queued.size());
            }
        }

        private List<FetchResult> inParallel(int n, java.util.concurrent.Callable<FetchResult> task) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<FetchResult>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    futures.add(pool.submit(task));
                }
                List<FetchResult> out = new ArrayList<>();
                for (Future<FetchResult> future : futures) {
                    out.add(future.get());
                }
                return out;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void close_afterHostileFetches_leavesNoThreadBehind() throws Exception {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            HttpPageFetcher f = new HttpPageFetcher(settings("deadlineMs", "1000"));
            f.get(server.uri("/ok"));
            f.get(server.uri("/silent"));
            f.check(server.uri("/drip"));

            f.close();

            Await.threadsEnded("closing the fetcher", Duration.ofSeconds(10),
                    t -> !before.contains(t) && (!t.isDaemon() || t.getName().startsWith("egov-")));
        }

        @Test
        void get_afterClose_ioErrorWithoutRequest() {
            HttpPageFetcher f = fetcher();
            f.close();
            int before = server.requestCount();

            assertThat(f.get(server.uri("/ok")).error()).isEqualTo(FetchErrorKind.IO_ERROR);
            assertThat(server.requestCount()).isEqualTo(before);
        }

        @Test
        void hostileServerClose_stopsAllItsThreads() throws Exception {
            HostileServer s = HostileServer.start();
            String prefix = "hostile-" + s.port() + "-";
            HttpPageFetcher f = fetcher("deadlineMs", "500");
            f.check(s.uri("/silent"));
            f.check(s.uri("/drip"));

            s.close();

            Await.threadsEnded("closing the server", Duration.ofSeconds(10), t -> t.getName().startsWith(prefix));
        }
    }
}
