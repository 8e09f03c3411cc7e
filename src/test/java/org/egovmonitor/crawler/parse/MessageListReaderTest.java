package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageListReaderTest {

    private static final LocalDate NOW = LocalDate.of(2024, 6, 30);
    private static final String BASE = "http://www.chizhou.gov.cn/ldxx/list.asp";
    private static final SectionCatalog CATALOG = SectionCatalog.loadDefault();
    private static final ListPageAnalyzer LISTS = new ListPageAnalyzer(CATALOG.blankPlaceholders());
    private final MessageListReader reader = new MessageListReader(CATALOG.messageVocabulary(), 200);

    private static Document page(String body) {
        return Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
    }

    private List<MessageEntry> read(String body) {
        return reader.read(LISTS.mainList(page(body), NOW, Set.of()), NOW);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    @Nested
    class ListPages {

        // The first row of each list; a second row makes it a list (and gives year-less dates their context).
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
                "header table: status and reply date | <table><tr><th>标题</th><th>来信时间</th><th>办理状态</th><th>回复时间</th></tr><tr><td><a href='/m/1'>关于路灯维修的咨询</a></td><td>2024-03-01</td><td>已回复</td><td>2024-03-10</td></tr><tr><td><a href='/m/2'>乙</a></td><td>2024-02-01</td><td>已回复</td><td>2024-02-10</td></tr></table> | 2024-03-01 | 2024-03-10 | ANSWERED",
                "header table: pending, empty reply cell | <table><tr><th>标题</th><th>来信时间</th><th>办理状态</th><th>回复时间</th></tr><tr><td><a href='/m/1'>甲</a></td><td>2024-03-01</td><td>办理中</td><td>&nbsp;</td></tr><tr><td><a href='/m/2'>乙</a></td><td>2024-02-01</td><td>已回复</td><td>2024-02-10</td></tr></table> | 2024-03-01 | - | PENDING",
                "header table: reply column first | <table><tr><td>主题</td><td>回复日期</td><td>提问日期</td></tr><tr><td><a href='/m/1'>甲</a></td><td>2024-03-10</td><td>2024-03-01</td></tr><tr><td><a href='/m/2'>乙</a></td><td>2024-02-10</td><td>2024-02-01</td></tr></table> | 2024-03-01 | 2024-03-10 | ANSWERED",
                "header in thead: 未办结 is not 办结 | <table><thead><tr><th>主题</th><th>状态</th><th>咨询时间</th></tr></thead><tbody><tr><td><a href='/m/1'>甲</a></td><td>未办结</td><td>2024-03-01</td></tr><tr><td><a href='/m/2'>乙</a></td><td>已办结</td><td>2024-02-01</td></tr></tbody></table> | 2024-03-01 | - | PENDING",
                "header table: 已受理 is not an answer | <table><tr><th>标题</th><th>处理状态</th><th>留言时间</th></tr><tr><td><a href='/m/1'>甲</a></td><td>已受理</td><td>2024-03-01</td></tr><tr><td><a href='/m/2'>乙</a></td><td>已受理</td><td>2024-02-01</td></tr></table> | 2024-03-01 | - | PENDING",
                "header table: answered without a reply date | <table><tr><th>标题</th><th>日期</th><th>回复状态</th></tr><tr><td><a href='/m/1'>甲</a></td><td>2024-03-01</td><td>已办结</td></tr><tr><td><a href='/m/2'>乙</a></td><td>2024-02-01</td><td>已办结</td></tr></table> | 2024-03-01 | - | ANSWERED",
                "header table: colspan before the columns | <table><tr><th colspan='2'>信件标题</th><th>来信时间</th><th>回复时间</th></tr><tr><td>1</td><td><a href='/m/1'>甲</a></td><td>2024-03-01</td><td>2024-03-04</td></tr><tr><td>2</td><td><a href='/m/2'>乙</a></td><td>2024-02-01</td><td></td></tr></table> | 2024-03-01 | 2024-03-04 | ANSWERED",
                "li: bracketed status span | <ul><li><span>[已回复]</span><a href='/m/1'>关于社保转移的咨询</a><span>2024-03-01</span></li><li><span>[未回复]</span><a href='/m/2'>乙</a><span>2024-02-01</span></li></ul> | 2024-03-01 | - | ANSWERED",
                "li: status at the start of the title | <ul><li><a href='/m/1'>【已办结】关于社保转移的咨询</a> 2024-03-01</li><li><a href='/m/2'>【办理中】乙</a> 2024-02-01</li></ul> | 2024-03-01 | - | ANSWERED",
                "li: status at the end of the title | <ul><li><a href='/m/1'>关于社保转移的咨询（办理中）</a> 2024-03-01</li><li><a href='/m/2'>乙（已回复）</a> 2024-02-01</li></ul> | 2024-03-01 | - | PENDING",
                "li: status word inside a title is not a status | <ul><li><a href='/m/1'>关于已办结事项如何查询的咨询</a><span>2024-03-01</span></li><li><a href='/m/2'>乙</a><span>2024-02-01</span></li></ul> | 2024-03-01 | - | UNKNOWN",
                "li: answered, two dates: the later is the reply | <ul><li><a href='/m/1'>甲</a><span>已回复</span><span>2024-03-01</span><span>2024-03-12</span></li><li><a href='/m/2'>乙</a><span>未回复</span><span>2024-02-01</span></li></ul> | 2024-03-01 | 2024-03-12 | ANSWERED",
                "li: two dates without a status say nothing | <ul><li><a href='/m/1'>甲</a><span>2024-03-01</span><span>2024-03-12</span></li><li><a href='/m/2'>乙</a><span>2024-02-01</span></li></ul> | 2024-03-01 | - | UNKNOWN",
                "li: labelled dates inline | <ul><li><a href='/m/1'>甲</a> 留言时间：2024-03-01 回复时间：2024-03-05</li><li><a href='/m/2'>乙</a> 留言时间：2024-02-01</li></ul> | 2024-03-01 | 2024-03-05 | ANSWERED",
                "li: labelled dates, reply first | <ul><li><a href='/m/1'>甲</a> 回复时间：2024-03-05 留言时间：2024-03-01</li><li><a href='/m/2'>乙</a> 留言时间：2024-02-01</li></ul> | 2024-03-01 | 2024-03-05 | ANSWERED",
                "li: labels in their own elements | <ul><li><a href='/m/1'>甲</a><em>来信日期：</em><span>2024-03-01</span><em>状态：</em><span>待回复</span></li><li><a href='/m/2'>乙</a><em>来信日期：</em><span>2024-02-01</span></li></ul> | 2024-03-01 | - | PENDING",
                "li: year-less dates read like the list's | <ul><li><a href='/m/1'>甲</a><span>[已回复]</span><span>(03-01)</span></li><li><a href='/m/2'>乙</a><span>[已回复]</span><span>(2023-12-20)</span></li></ul> | 2024-03-01 | - | ANSWERED",
                "br run of bare links | <td>·<a href='/m/1'>甲</a> (2024-03-01) 已回复<br>·<a href='/m/2'>乙</a> (2024-02-01) 未回复<br></td> | 2024-03-01 | - | ANSWERED",
                "li: a reply shown under the message | <ul><li><a href='/m/1'>甲</a><span>2024-03-01</span><p>回复：您好，您反映的问题已转交有关部门核实。</p></li><li><a href='/m/2'>乙</a><span>2024-02-01</span></li></ul> | 2024-03-01 | - | ANSWERED",
                "tr: contradicting statuses say nothing | <table><tr><td><a href='/m/1'>甲</a></td><td>已受理</td><td>已办结</td><td>2024-03-01</td></tr><tr><td><a href='/m/2'>乙</a></td><td>已受理</td><td>未办结</td><td>2024-02-01</td></tr></table> | 2024-03-01 | - | UNKNOWN",
                "forum table: 回复/查看 is a count, not a reply | <table><tr><th>主题</th><th>作者</th><th>回复/查看</th><th>最后发表</th></tr><tr><td><a href='/t/1'>甲</a></td><td>张三</td><td>3/120</td><td>2024-03-01</td></tr><tr><td><a href='/t/2'>乙</a></td><td>李四</td><td>0/15</td><td>2024-02-01</td></tr></table> | 2024-03-01 | - | UNKNOWN",
                "a reply date before the question is a typo | <ul><li><a href='/m/1'>甲</a> 来信时间：2024-03-01 回复时间：2024-02-01</li><li><a href='/m/2'>乙</a> 来信时间：2024-02-01</li></ul> | 2024-03-01 | - | UNKNOWN",
                "a future reply date is not taken | <ul><li><a href='/m/1'>甲</a> 来信时间：2024-03-01 回复时间：2024-09-01</li><li><a href='/m/2'>乙</a> 来信时间：2024-02-01</li></ul> | 2024-03-01 | - | UNKNOWN",
        })
        void read_layout_firstMessage(String name, String html, String asked, String answered, MessageState state) {
            List<MessageEntry> messages = read(html);
            assertThat(messages).as(name).hasSize(2);
            MessageEntry m = messages.get(0);
            assertThat(m.url()).isIn(BASE.replace("/ldxx/list.asp", "/m/1"), BASE.replace("/ldxx/list.asp", "/t/1"));
            assertThat(m.askedOn()).as(name + " asked").isEqualTo(date(asked));
            assertThat(m.answeredOn()).as(name + " answered").isEqualTo(date(answered));
            assertThat(m.state()).as(name + " state").isEqualTo(state);
        }

        @Test
        void read_noDateNoStatus_notAMessageAndNotWorthAPage() {
            List<MessageEntry> messages = read("<ul><li><a href='/xz'>写信须知</a></li><li><a href='/lc'>办理流程</a>"
                    + "</li></ul>");
            assertThat(messages).hasSize(2).noneMatch(MessageEntry::isMessage).noneMatch(MessageEntry::wantsDetail);
        }

        @Test
        void read_whatTheListLeavesOpen_wantsThePage() {
            List<MessageEntry> messages = read("<table><tr><th>标题</th><th>来信时间</th><th>状态</th></tr>"
                    + "<tr><td><a href='/m/1'>甲</a></td><td>2024-03-01</td><td>已回复</td></tr>"
                    + "<tr><td><a href='/m/2'>乙</a></td><td>2024-02-01</td><td>未回复</td></tr>"
                    + "<tr><td><a href='/m/3'>丙</a></td><td>2024-01-01</td><td></td></tr>"
                    + "<tr><td><a href='javascript:void(0)'>丁</a></td><td>2023-12-01</td><td></td></tr></table>");
            assertThat(messages).extracting(MessageEntry::wantsDetail).containsExactly(true, false, true, false);
            assertThat(messages).allMatch(MessageEntry::isMessage);
        }

        @Test
        void read_longList_cappedAtMaxMessages() {
            StringBuilder rows = new StringBuilder("<ul>");
            for (int i = 0; i < 500; i++) {
                rows.append("<li><a href='/m/").append(i).append("'>留言").append(i).append("</a><span>已回复</span>"
                        + "<span>2024-03-01</span></li>");
            }
            List<MessageEntry> messages = new MessageListReader(CATALOG.messageVocabulary(), 20)
                    .read(LISTS.mainList(page(rows + "</ul>"), NOW, Set.of()), NOW);
            assertThat(messages).hasSize(20).allMatch(m -> m.state() == MessageState.ANSWERED);
        }

        @Test
        void read_hugeTitle_cut() {
            String title = "很".repeat(10_000);
            List<MessageEntry> messages = read("<ul><li><a href='/m/1'>" + title + "</a><span>2024-03-01</span></li>"
                    + "<li><a href='/m/2'>乙</a><span>2024-02-01</span></li></ul>");
            assertThat(messages.get(0).title()).hasSize(MessageListReader.MAX_TITLE_CHARS);
        }
    }

    @Nested
    class MessagePages {

        private static final MessageEntry LISTED = new MessageEntry("甲", "http://www.chizhou.gov.cn/m/1",
                LocalDate.of(2024, 1, 3), null, MessageState.UNKNOWN);

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
                "inline labels, a complaint sentence and a reply | <div class='content'><h1>甲</h1><p>来信人：张先生　来信时间：2024-01-02</p><p>我反映的问题至今未处理，多次来信，未回复。</p><p>回复单位：市交通局　回复时间：2024-01-20</p><p>答复内容：您好，经核实，该路段已安排维修。</p></div> | 2024-01-02 | 2024-01-20 | ANSWERED",
                "label and value cells | <table><tr><td>来信时间</td><td>2024-01-02</td></tr><tr><td>办理状态</td><td>办理中</td></tr></table> | 2024-01-02 | - | PENDING",
                "a header row over the values | <table><tr><th>来信人</th><th>来信时间</th><th>办理状态</th><th>回复时间</th></tr><tr><td>张三</td><td>2024-01-02</td><td>已办结</td><td>2024-01-25</td></tr></table> | 2024-01-02 | 2024-01-25 | ANSWERED",
                "a reply block without a date | <p>来信时间：2024-01-02</p><h3>答复内容</h3><div>您好，经核实，您反映的情况属实，已责成有关单位整改。</div> | 2024-01-02 | - | ANSWERED",
                "a reply that says none yet | <p>来信时间：2024-01-02</p><p>回复内容：暂无回复</p> | 2024-01-02 | - | PENDING",
                "a complaint sentence is no status | <p>来信时间：2024-01-02</p><p>我多次来信，未回复。</p> | 2024-01-02 | - | UNKNOWN",
                "a 回复 button is no reply | <p>留言时间：2024-01-02</p><p><a href='/reply?id=1'>回复</a></p><p>其他网友对此问题的看法如下</p> | 2024-01-02 | - | UNKNOWN",
                "the navigation's words do not count | <div class='nav'>已办结 信件查询</div><p>来信时间：2024-01-02</p> | 2024-01-02 | - | UNKNOWN",
                "来信时间 wins over 发布时间 | <p>发布时间：2024-01-25</p><p>来信时间：2024-01-02</p><p>状态：已回复</p> | 2024-01-02 | - | ANSWERED",
                "未办结 on a page | <p>办理状态：未办结</p> | 2024-01-03 | - | PENDING",
                "dates without labels are not taken | <p>2024-01-01</p><p>浏览次数：12　2024-02-01</p> | 2024-01-03 | - | UNKNOWN",
        })
        void withPage_layout_readsLabelledFacts(String name, String html, String asked, String answered,
                                               MessageState state) {
            MessageEntry m = reader.withPage(LISTED, page(html), NOW);
            assertThat(m.askedOn()).as(name + " asked").isEqualTo(date(asked));
            assertThat(m.answeredOn()).as(name + " answered").isEqualTo(date(answered));
            assertThat(m.state()).as(name + " state").isEqualTo(state);
            assertThat(m.title()).isEqualTo("甲");
        }

        @Test
        void withPage_listSaidAnswered_pageSaysNothing_staysAnswered() {
            MessageEntry listed = new MessageEntry("甲", "http://x/m/1", LocalDate.of(2024, 1, 3), null,
                    MessageState.ANSWERED);
            assertThat(reader.withPage(listed, page("<p>您好。</p>"), NOW)).isEqualTo(listed);
        }

        @Test
        void withPage_hugePage_bounded() {
            String body = "<p>来信时间：2024-01-02</p>" + "<p>网友留言内容</p>".repeat(200_000) + "<p>回复时间：2024-01-20</p>";
            long start = System.nanoTime();
            MessageEntry m = reader.withPage(LISTED, page(body), NOW);
            assertThat(m.askedOn()).isEqualTo(LocalDate.of(2024, 1, 2));
            // Only the first texts are read: the reply date past them is not seen.
            assertThat(m.answeredOn()).isNull();
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
    }
}
