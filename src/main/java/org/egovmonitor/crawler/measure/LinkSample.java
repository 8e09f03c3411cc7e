package org.egovmonitor.crawler.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Which of a homepage's distinct links are checked, and how many that is of how many found. A page with more links
 * than the bound ({@code maxLinkChecksPerSite} in crawl.yml) is checked from a sample: the links whose URLs hash
 * lowest (CRC-32C of the URL, ties by the URL itself). The order is the URL's, not the page's, so two rounds over a
 * page that gained a few headlines at the top check nearly the same links and stay comparable; a link stays in the
 * sample for as long as it is on the page and no lower-hashing one joins. Choosing costs O(n log bound) time and
 * O(bound) space, whatever the page.
 *
 * @param found   distinct links on the homepage
 * @param checked of them, how many were (or, for {@code measure --explain}, would be) checked
 */
public record LinkSample(int found, int checked) {

    /** Whether only part of the links was checked. */
    @JsonProperty("sampled")
    public boolean sampled() {
        return checked < found;
    }

    /** 检查了 N 条链接中的 M 条（抽样）, or 检查了全部 N 条链接. */
    @JsonProperty("label")
    public String label() {
        return sampled() ? "检查了 " + found + " 条链接中的 " + checked + " 条（抽样）" : "检查了全部 " + found + " 条链接";
    }

    /**
     * The {@code bound} URLs of {@code urls} (distinct) to check, in their original order; all of them when they are
     * no more than {@code bound}.
     */
    static List<String> choose(List<String> urls, int bound) {
        if (urls.size() <= bound) {
            return urls;
        }
        if (bound <= 0) {
            return List.of();
        }
        Comparator<Keyed> order = Comparator.comparingLong(Keyed::hash).thenComparing(Keyed::url);
        // The bound lowest so far, highest on top: a URL joins only when it hashes below the highest kept.
        PriorityQueue<Keyed> lowest = new PriorityQueue<>(bound + 1, order.reversed());
        for (String url : urls) {
            Keyed k = new Keyed(url, hash(url));
            if (lowest.size() < bound) {
                lowest.add(k);
            } else if (order.compare(k, lowest.peek()) < 0) {
                lowest.poll();
                lowest.add(k);
            }
        }
        Set<String> chosen = new HashSet<>();
        lowest.forEach(k -> chosen.add(k.url()));
        List<String> out = new ArrayList<>(bound);
        for (String url : urls) {
            if (chosen.contains(url)) {
                out.add(url);
            }
        }
        return out;
    }

    static long hash(String url) {
        CRC32C crc = new CRC32C();
        crc.update(url.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private record Keyed(String url, long hash) {
    }
}
