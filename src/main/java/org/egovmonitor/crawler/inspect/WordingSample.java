package org.egovmonitor.crawler.inspect;

import java.time.LocalDate;
import java.util.List;

/**
 * The text the wording checks read on one site: the homepage and the sampled articles.
 *
 * @param pages      the homepage first, then each article read, in order
 * @param wanted     articles the sample asked for
 * @param notRead    articles that did not answer with a page (error, not HTML, other host after redirects)
 * @param outOfPages articles left out because the check budget was spent
 */
record WordingSample(List<Page> pages, int wanted, int notRead, int outOfPages) {

    /** One page's text: its URL, the date its list gave it (null: the homepage, or an undated entry). */
    record Page(String url, LocalDate date, boolean homepage, String text) {
    }

    /** Articles read. */
    int articles() {
        return (int) pages.stream().filter(p -> !p.homepage()).count();
    }

    /** 首页及文章 3 篇 — what was read, for a summary. */
    String scope() {
        String s = "首页及文章 " + articles() + " 篇";
        if (notRead > 0) {
            s += "（" + notRead + " 篇未能读取）";
        }
        if (outOfPages > 0) {
            s += "（检查页数已用完，" + outOfPages + " 篇未读）";
        }
        return s;
    }
}
