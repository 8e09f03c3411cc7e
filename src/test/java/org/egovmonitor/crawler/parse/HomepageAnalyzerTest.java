package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HomepageAnalyzerTest {

    private static final LocalDate NOW = LocalDate.of(2003, 4, 20);
    private final HomepageAnalyzer analyzer = new HomepageAnalyzer();

    private HomepageSummary analyze(String body) {
        return analyzer.analyze(Jsoup.parse("<html><body>" + body + "</body></html>", "http://www.a.gov.cn/"), NOW);
    }

    private static final String CONTENT = "<div class=main><ul><li><a href='/1'>甲</a><span>04-18</span></li>"
            + "<li><a href='/2'>乙</a><span>04-10</span></li></ul></div>";

    @Test
    void analyze_navigationOnlyHomepage_isNavOnly() {
        HomepageSummary s = analyze("<ul><li><a href='/zwgk/'>政务公开</a></li><li><a href='/zwdt/'>政务动态</a></li></ul>"
                + "<p>Copyright 2001-2003 版权所有</p>");
        assertThat(s.navOnly()).isTrue();
        assertThat(s.datedItems()).isZero();
        assertThat(s.newestDate()).isNull();
    }

    @Test
    void analyze_sameLinkInTwoBlocks_countsOnce() {
        HomepageSummary s = analyze(CONTENT + "<ul><li><a href='/1#x'>甲</a><span>04-18</span></li>"
                + "<li><a href='/3'>丙</a><span>03-01</span></li></ul>");
        assertThat(s.datedItems()).isEqualTo(3);
        assertThat(s.newestDate()).isEqualTo(LocalDate.of(2003, 4, 18));
        assertThat(s.navOnly()).isFalse();
    }

    @Test
    void analyze_navOrFooterChange_keepsContentHash() {
        String a = analyze("<div id=nav><a href='/x'>首页</a></div>" + CONTENT + "<div class=footer>2003</div>")
                .contentHash();
        String b = analyze("<div id=nav><a href='/y'>网站首页</a> <a href='/z'>English</a></div>" + CONTENT
                + "<div class=footer>Copyright 2004 新页脚</div>").contentHash();
        String c = analyze("<div id=nav><a href='/x'>首页</a></div>" + CONTENT.replace("甲", "甲二")
                + "<div class=footer>2003</div>").contentHash();
        assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
    }
}
