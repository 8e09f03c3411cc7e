package org.egovmonitor.crawler.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkSampleTest {

    private static List<String> urls(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("https://www.example.gov.cn/art/" + i + ".html");
        }
        return out;
    }

    @Test
    void choose_fewerThanBound_allInPageOrder() {
        List<String> page = urls(0, 10);
        assertThat(LinkSample.choose(page, 10)).isEqualTo(page);
    }

    @Test
    void choose_moreThanBound_boundLowestHashesInPageOrder() {
        List<String> page = urls(0, 5_000);
        List<String> sample = LinkSample.choose(page, 300);
        assertThat(sample).hasSize(300).doesNotHaveDuplicates();
        assertThat(page).containsSubsequence(sample);
        long highest = sample.stream().mapToLong(LinkSample::hash).max().orElseThrow();
        assertThat(page.stream().filter(u -> !sample.contains(u)).mapToLong(LinkSample::hash).min().orElseThrow())
                .isGreaterThanOrEqualTo(highest);
        // Not the first 300 of the page: the sample is spread over it.
        assertThat(sample).isNotEqualTo(page.subList(0, 300));
    }

    @Test
    void choose_pageGainsHeadlinesAtTop_sampleNearlyUnchanged() {
        List<String> before = urls(0, 5_000);
        List<String> after = new ArrayList<>(urls(5_000, 5_020));
        after.addAll(before);
        Set<String> then = new HashSet<>(LinkSample.choose(before, 300));
        List<String> now = LinkSample.choose(after, 300);
        // A new link enters only when it hashes low (about 300 in 5,000): the first 300 of the page would have
        // dropped 20 old links for the 20 new ones.
        assertThat(now.stream().filter(then::contains).count()).isGreaterThanOrEqualTo(295);
        assertThat(LinkSample.choose(after, 300)).isEqualTo(now);
    }

    @Test
    void label_sampledAndWhole_chinese() {
        assertThat(new LinkSample(100_002, 302).label()).isEqualTo("检查了 100002 条链接中的 302 条（抽样）");
        assertThat(new LinkSample(40, 40).label()).isEqualTo("检查了全部 40 条链接");
        assertThat(new LinkSample(40, 40).sampled()).isFalse();
    }
}
