package org.egovmonitor.jobs;

import java.time.Instant;

/**
 * What a crawl round's run adds to its record: how it was sized and, while it runs, when it should finish.
 *
 * @param roundId          the round
 * @param windowMs         the round window it was started with (null for rounds from before windows)
 * @param workersNeeded    crawl workers per node the sizing asked for (null: fixed by configuration)
 * @param workersPerNode   crawl workers per node on the node that started it
 * @param sizing           why that many (Chinese)
 * @param sitesPerMinute   sites finished per minute so far (running rounds with a finished site)
 * @param estimatedFinish  when it should finish at that rate
 * @param remainingSeconds seconds from now to {@code estimatedFinish}
 * @param estimate         the same in words, e.g. 预计完成时间 23:40（剩余约 35 分钟）
 * @param exceedsWindow    true when it cannot finish (or did not finish) inside its window
 * @param overrun          the run record's sentence saying so, once recorded
 */
public record CrawlRoundInfo(long roundId, Long windowMs, Integer workersNeeded, Integer workersPerNode, String sizing,
                             Double sitesPerMinute, Instant estimatedFinish, Long remainingSeconds, String estimate,
                             boolean exceedsWindow, String overrun) {
}
