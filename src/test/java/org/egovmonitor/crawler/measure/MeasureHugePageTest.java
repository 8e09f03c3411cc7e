package org.egovmonitor.crawler.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.hostile.HostileServer;
import org.egovmonitor.testing.hostile.HugePages;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: any single page — 100,000 links, 5 MB of HTML, 20,000-deep nesting — is measured by the real {@code measure}
 * command in a JVM of 128 MB heap, with the same results a large heap gives, and its links are checked from a
 * bounded, deterministic sample whose size is reported. (Before: the 100,000-link page ran out of memory at 128 MB and
 * the engine reported the site unreachable.) Time is a benchmark's business: docs/bench/hugepage.sh.
 */
class MeasureHugePageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAMPLE = 100;

    @Test
    void measure_hugePagesInSmallHeap_completeWithBoundedDeterministicLinkSample() throws Exception {
        Path crawlers = Files.createTempDirectory("crawlers");
        // Shipped settings, but no politeness delay (one local host) and a smaller sample, to keep the test short.
        String crawl = Files.readString(Path.of("crawlers/crawl.yml"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^perHostDelayMs: .*$", "perHostDelayMs: 0")
                .replaceAll("(?m)^maxLinkChecksPerSite: .*$", "maxLinkChecksPerSite: " + SAMPLE);
        Files.writeString(crawlers.resolve("crawl.yml"), crawl, StandardCharsets.UTF_8);
        Files.copy(Path.of("crawlers/sections.yml"), crawlers.resolve("sections.yml"));
        try (HostileServer server = HugePages.serve(HostileServer.start())) {
            AppProcess.Result r = AppProcess.run(List.of("-Xmx128m"), Duration.ofMinutes(8), Map.of(), "measure",
                    "--json", "--allow-private", "127.0.0.0/8", "--now", "2025-04-15", "--concurrency", "1",
                    "--crawlers", crawlers.toString(), server.uri(HugePages.MANY).toString(),
                    server.uri(HugePages.BIG).toString(), server.uri(HugePages.DEEP).toString());

            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stderr()).doesNotContain("OutOfMemoryError", "StackOverflowError", "failed unexpectedly");
            List<String> lines = r.stdout().lines().toList();
            assertThat(lines).hasSize(3);
            JsonNode many = JSON.readTree(lines.get(0));
            JsonNode big = JSON.readTree(lines.get(1));
            JsonNode deep = JSON.readTree(lines.get(2));
            for (JsonNode m : List.of(many, big, deep)) {
                assertThat(m.get("reachable").asBoolean()).as(m.get("url").asText()).isTrue();
                assertThat(m.get("sections")).hasSize(2);
                for (JsonNode s : m.get("sections")) {
                    assertThat(s.get("items").asInt()).isEqualTo(HugePages.SECTION_ITEMS);
                }
            }

            // 100,000 item links + the two section links (judged by their GET): 100 of the items are requested.
            JsonNode sample = many.get("linkSample");
            assertThat(sample.get("found").asInt()).isEqualTo(HugePages.MANY_LINKS + 2);
            assertThat(sample.get("checked").asInt()).isEqualTo(SAMPLE + 2);
            assertThat(sample.get("sampled").asBoolean()).isTrue();
            assertThat(sample.get("label").asText()).isEqualTo("检查了 100002 条链接中的 102 条（抽样）");
            assertThat(many.get("linksNotChecked").asInt()).isEqualTo(HugePages.MANY_LINKS - SAMPLE);
            // The sample is the lowest-hashing URLs, not the first on the page: the same links every round.
            List<String> items = new ArrayList<>();
            for (int i = 0; i < HugePages.MANY_LINKS; i++) {
                items.add(server.uri("/p/" + i).toString());
            }
            List<String> checked = new ArrayList<>();
            many.get("linkChecks").forEach(c -> checked.add(c.get("url").asText()));
            assertThat(checked).containsAll(LinkSample.choose(items, SAMPLE)).hasSize(SAMPLE + 2);
            // Only the sample is requested (a HEAD answered 404 is asked again with a GET, as browsers would).
            assertThat(server.requests().stream().filter(q -> q.path().startsWith("/p/")).map(q -> q.path())
                    .distinct().count()).isEqualTo(SAMPLE);

            // The 5 MB page: every dated headline of its blocks counted, as with a large heap.
            Matcher headline = Pattern.compile("<li><a href=\"/big/a/").matcher(HugePages.html(HugePages.BIG));
            int headlines = 0;
            while (headline.find()) {
                headlines++;
            }
            assertThat(big.get("homepage").get("datedItems").asInt()).isEqualTo(headlines);
            assertThat(big.get("linkSample").get("found").asInt()).isEqualTo(headlines + 2);
            assertThat(deep.get("homepage").get("datedItems").asInt()).isEqualTo(HugePages.SECTION_ITEMS);
            assertThat(deep.get("linkSample").get("sampled").asBoolean()).isFalse();
        }
    }
}
