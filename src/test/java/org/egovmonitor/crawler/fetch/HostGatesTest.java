package org.egovmonitor.crawler.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's gates stay bounded by the hosts it fetched lately, not by every host it ever met. */
class HostGatesTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void idleGates_dropped_busyOnesKeptWithTheirCrawlDelay() {
        FetchSettings settings = HttpPageFetcherTest.settings();
        HostGates gates = new HostGates(settings, nanos::get);
        Duration lifetime = HostGates.idleGateLifetime(settings);
        for (int i = 0; i < 1_000; i++) {
            gates.gate("site" + i + ".gov.cn");
        }
        HostGate busy = gates.gate("busy.gov.cn");
        busy.crawlDelay(5_000);
        assertThat(gates.gateCount()).isEqualTo(1_001);

        // the busy host is used every half lifetime; the thousand others are never seen again
        nanos.addAndGet(lifetime.toNanos() / 2);
        assertThat(gates.gate("BUSY.gov.cn")).isSameAs(busy);
        nanos.addAndGet(lifetime.toNanos() / 2 + 1);

        assertThat(gates.gateCount()).isEqualTo(1);
        assertThat(gates.gate("busy.gov.cn")).isSameAs(busy);
        assertThat(busy.delayMs()).isEqualTo(5_000);
    }

    @Test
    void idleGateLifetime_coversTheRobotsCacheAndTheLongestHold() {
        FetchSettings settings = HttpPageFetcherTest.settings();
        Duration lifetime = HostGates.idleGateLifetime(settings);

        assertThat(lifetime).isGreaterThanOrEqualTo(settings.robotsCacheTtl())
                .isGreaterThanOrEqualTo(Duration.ofMillis(settings.deadlineMs() + settings.maxQueueWaitMs()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(15));
    }
}
