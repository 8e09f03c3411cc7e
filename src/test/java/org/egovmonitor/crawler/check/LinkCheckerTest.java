package org.egovmonitor.crawler.check;

import java.net.URI;
import java.util.List;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class LinkCheckerTest {

    private static HostileServer server;
    private static HttpPageFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        server = HostileServer.start();
        fetcher = new HttpPageFetcher(CrawlSettings.parse("""
                deadlineMs: 2000
                perHostDelayMs: 0
                allowPrivateCidrs: [127.0.0.0/8]
                """).fetch());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    private static LinkChecker checker() {
        return new LinkChecker(fetcher, 4);
    }

    @Nested
    class CheckAll {

        @ParameterizedTest(name = "{0} -> status {1}, error {2}, broken {3}")
        @CsvSource(nullValues = "null", value = {
                "/ok,            200, null,             false",
                "/head-refused,  200, null,             false",
                "/status/404,    404, HTTP_ERROR,       true",
                "/status/500,    500, HTTP_ERROR,       true",
                "/reset,         0,   CONNECTION_RESET, true",
                "/silent,        0,   DEADLINE_EXCEEDED, true",
                "/loop/a,        302, REDIRECT_LOOP,    true",
                "/image,         200, null,             false",
        })
        void checkAll_oneLink_resultAsExpected(String path, int status, String error, boolean broken) {
            List<LinkCheckResult> results = checker().checkAll(List.of(server.uri(path)), 10);

            assertThat(results).containsExactly(
                    new LinkCheckResult(server.uri(path).toString(), status, error, broken));
        }

        @Test
        void checkAll_duplicatesAndFragments_eachDistinctLinkCheckedOnce() {
            long before = server.requestCount("/gzip");
            List<URI> links = List.of(server.uri("/gzip"), server.uri("/gzip#top"), server.uri("/gzip"),
                    server.uri("/status/404"), URI.create("mailto:info@example.gov"),
                    URI.create("javascript:void(0)"));

            List<LinkCheckResult> results = checker().checkAll(links, 10);

            assertThat(results).extracting(LinkCheckResult::url)
                    .containsExactly(server.uri("/gzip").toString(), server.uri("/status/404").toString());
            assertThat(server.requestCount("/gzip") - before).isEqualTo(1);
        }

        @Test
        void check_moreLinksThanTheLimit_restSkippedAndCounted() {
            List<URI> links = List.of(server.uri("/ok?1"), server.uri("/ok?2"), server.uri("/ok?3"),
                    server.uri("/ok?4"), server.uri("/ok?5"));

            LinkCheckReport report = checker().check(links, 2);

            assertThat(report.results()).extracting(LinkCheckResult::url)
                    .containsExactly(server.uri("/ok?1").toString(), server.uri("/ok?2").toString());
            assertThat(report.skipped()).isEqualTo(3);
            assertThat(server.requestCount("/ok")).isGreaterThanOrEqualTo(2);
            assertThat(server.requests()).noneMatch(r -> "5".equals(r.query()));
        }

        @Test
        void checkAll_noLinks_emptyWithoutThreads() {
            assertThat(checker().checkAll(List.of(), 10)).isEmpty();
        }
    }
}
