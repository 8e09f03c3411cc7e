package org.egovmonitor.demo.farm;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.demo.farm.SiteModel.Block;
import org.egovmonitor.demo.farm.SiteModel.DateStyle;
import org.egovmonitor.demo.farm.SiteModel.HeadingStyle;
import org.egovmonitor.demo.farm.SiteModel.Item;
import org.egovmonitor.demo.farm.SiteModel.Letter;
import org.egovmonitor.demo.farm.SiteModel.Link;
import org.egovmonitor.demo.farm.SiteModel.Mailbox;
import org.egovmonitor.demo.farm.SiteModel.MarkPlace;
import org.egovmonitor.demo.farm.SiteModel.MessageLayout;
import org.egovmonitor.demo.farm.SiteModel.Section;

/** Renders a {@link SiteModel} to bytes, in its layout and charset. Package-private. */
final class PageRenderer {

    static final Charset GBK = Charset.forName("GBK");

    /** A 1×1 transparent GIF, served for every image. */
    private static final byte[] GIF = {
            0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21, (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};

    private static final String CSS = "body{margin:0;font-size:12px;font-family:宋体,sans-serif}"
            + ".nav ul{list-style:none}.nav li{display:inline;margin:0 8px}.list li span{float:right;color:#999}";

    private static final FarmPage NOT_FOUND = new FarmPage("text/html; charset=utf-8",
            ("<html><head><title>404 Not Found</title></head><body><h1>HTTP 404 - 找不到文件</h1>"
                    + "<p>您要查看的网页可能已被删除、名称已被更改，或者暂时不可用。</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8), 404);

    private final SiteModel m;
    private final boolean table;

    PageRenderer(SiteModel m) {
        this.m = m;
        this.table = m.layout == PageLayout.TABLE_2003;
    }

    GeneratedSite render(SiteTruth truth, SiteTraits traits) {
        Map<String, FarmPage> pages = new HashMap<>();
        FarmPage home = html(homepage());
        pages.put("/", home);
        pages.put(m.homePath(), home);
        for (Section s : m.sections) {
            for (int p = 1; p <= s.pageCount(); p++) {
                pages.put(s.listPath(p), html(listPage(s, p)));
            }
        }
        pages.put(m.searchPath(), html(simplePage("搜索结果", "<p>搜索结果：共找到 0 条相关信息。</p>")));
        for (Link l : m.hiddenLinks) {
            pages.put(l.url(), html(simplePage(l.text(), "<p>本栏目已停用，请访问新版网站。</p>")));
        }
        pages.put("/contact.htm", html(simplePage("联系我们", "<p>主办：" + esc(m.spec.name()) + "</p><p>地址："
                + esc(m.place) + "长江路1号　邮编：247000</p><p>技术支持：" + esc(m.place) + "信息中心</p>")));
        pages.put("/robots.txt", new FarmPage("text/plain", "User-agent: *\nDisallow:\n"
                .getBytes(StandardCharsets.US_ASCII), 200));
        pages.put("/css/style.css", new FarmPage("text/css", CSS.getBytes(StandardCharsets.UTF_8), 200));
        FarmPage gif = new FarmPage("image/gif", GIF, 200);
        for (String img : List.of("/images/banner.gif", "/images/pic1.gif", "/images/dot.gif")) {
            pages.put(img, gif);
        }
        for (Section s : m.sections) {
            pages.put("/images/t_" + s.family.code() + ".gif", gif);
        }
        Map<String, Item> details = new HashMap<>();
        for (Section s : m.sections) {
            for (Item it : s.items) {
                details.put(it.path(), it);
            }
        }
        GeneratedSite site = new GeneratedSite(m.spec, traits, truth, pages, details,
                path -> html(detailPage(details.get(path))), NOT_FOUND);
        site.technical(m.technical, m.technical.soft404() ? home : null);
        return site;
    }

    // ---------------------------------------------------------------- encoding

    private FarmPage html(String html) {
        String contentType = switch (m.charset) {
            case UTF8, GBK_HEADER_SAYS_UTF8 -> "text/html; charset=utf-8";
            case GBK_META, GBK_UNDECLARED -> "text/html";
        };
        return new FarmPage(contentType, encode(html, m.charset), 200);
    }

    static byte[] encode(String text, PageCharset charset) {
        if (!charset.isGbk()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        CharsetEncoder enc = GBK.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("generated text is not GBK-encodable: " + e, e);
        }
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- page frame

    private void head(StringBuilder b, String title) {
        if (table) {
            b.append("<html>\n<head>\n");
            if (m.charset == PageCharset.GBK_META) {
                b.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n");
            } else if (m.charset == PageCharset.UTF8) {
                b.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n");
            }
            b.append("<title>").append(esc(title)).append("</title>\n")
                    .append("<link href=\"/css/style.css\" rel=\"stylesheet\" type=\"text/css\">\n")
                    .append("</head>\n<body leftmargin=\"0\" topmargin=\"0\" bgcolor=\"#FFFFFF\">\n")
                    .append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">"
                            + "<tr><td><img src=\"/images/banner.gif\" width=\"778\" height=\"100\" alt=\"")
                    .append(esc(m.spec.name())).append("\"></td></tr></table>\n");
        } else {
            b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(esc(title)).append("</title>\n")
                    .append("<link rel=\"stylesheet\" href=\"/css/style.css\">\n</head>\n<body>\n")
                    .append("<header class=\"header\"><div class=\"logo\"><img src=\"/images/banner.gif\" alt=\"")
                    .append(esc(m.spec.name())).append("\"><span>").append(esc(m.spec.name()))
                    .append("</span></div>\n");
        }
    }

    /** Navigation bar; {@code onHome} decides whether hrefs use the site's homepage link form. */
    private void nav(StringBuilder b, boolean onHome) {
        String homeHref = onHome ? m.homeHref(m.homePath()) : "/";
        if (table) {
            b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" "
                    + "bgcolor=\"#1E5FA8\">\n<tr>\n");
            b.append("<td height=\"28\" align=\"center\"><a href=\"").append(esc(homeHref))
                    .append("\"><font color=\"#FFFFFF\">首页</font></a></td>\n");
            for (Section s : m.sections) {
                String href = onHome ? m.homeHref(s.listPath(1)) : s.listPath(1);
                b.append("<td align=\"center\"><font color=\"#FFFFFF\">|</font></td><td align=\"center\"><a href=\"")
                        .append(esc(href)).append("\"><font color=\"#FFFFFF\">").append(esc(s.title))
                        .append("</font></a></td>\n");
            }
            if (onHome && m.foreignNavLink != null) {
                b.append("<td align=\"center\"><font color=\"#FFFFFF\">|</font></td><td align=\"center\"><a href=\"")
                        .append(esc(m.foreignNavLink.url())).append("\" target=\"_blank\"><font color=\"#FFFFFF\">")
                        .append(esc(m.foreignNavLink.text())).append("</font></a></td>\n");
            }
            b.append("</tr>\n</table>\n");
        } else {
            b.append("<nav class=\"nav\"><ul>\n<li><a href=\"").append(esc(homeHref)).append("\">首页</a></li>\n");
            for (Section s : m.sections) {
                String href = onHome ? m.homeHref(s.listPath(1)) : s.listPath(1);
                b.append("<li><a href=\"").append(esc(href)).append("\">").append(esc(s.title))
                        .append("</a></li>\n");
            }
            if (onHome && m.foreignNavLink != null) {
                b.append("<li><a href=\"").append(esc(m.foreignNavLink.url())).append("\" target=\"_blank\">")
                        .append(esc(m.foreignNavLink.text())).append("</a></li>\n");
            }
            b.append("</ul></nav>\n");
        }
    }

    private void footer(StringBuilder b, boolean onHome) {
        StringBuilder links = new StringBuilder();
        for (Link l : m.footerLinks) {
            if (links.length() > 0) {
                links.append(" | ");
            }
            links.append("<a href=\"").append(esc(onHome ? m.homeHref(l.url()) : l.url())).append("\">")
                    .append(esc(l.text())).append("</a>");
        }
        String phone = m.phone == null ? "" : "　联系电话：" + m.phone;
        if (table) {
            b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"4\" cellspacing=\"0\" "
                            + "bgcolor=\"#EEEEEE\">\n<tr><td align=\"center\"><font color=\"#333333\">")
                    .append(links).append("<br>\n版权所有 &copy; 2003 ").append(esc(m.spec.name())).append(phone)
                    .append("<br>\n").append(identifiers())
                    .append("　建议使用IE5.0以上浏览器，800*600分辨率浏览</font></td></tr>\n</table>\n</body>\n</html>\n");
        } else {
            b.append("<footer class=\"footer\"><p>").append(links).append("</p>\n<p>版权所有 &copy; 2003 ")
                    .append(esc(m.spec.name())).append(phone).append("</p>\n<p>").append(identifiers())
                    .append("</p></footer>\n</body>\n</html>\n");
        }
    }

    // ---------------------------------------------------------------- homepage

    private String homepage() {
        StringBuilder b = new StringBuilder(16 * 1024);
        head(b, m.spec.name());
        safetyFaults(b);
        if (!table) {
            searchBox(b);
            b.append("</header>\n");
        }
        nav(b, true);
        if (table) {
            b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"4\">\n"
                    + "<tr>\n<td width=\"200\" valign=\"top\" bgcolor=\"#F5F9FD\">\n");
            searchBox(b);
            imageHeadline(b);
            hiddenLinks(b);
            b.append("</td>\n<td valign=\"top\">\n");
            blocksOrIntro(b);
            b.append("</td>\n</tr>\n</table>\n");
        } else {
            b.append("<main class=\"main\">\n");
            imageHeadline(b);
            blocksOrIntro(b);
            hiddenLinks(b);
            b.append("</main>\n");
        }
        friendLinks(b);
        footer(b, true);
        return b.toString();
    }

    private void searchBox(StringBuilder b) {
        String action = m.homeHref(m.technical.search() == TechnicalTraits.Search.BROKEN
                ? TechnicalTraits.BROKEN_SEARCH_PATH : m.searchPath());
        boolean form = m.technical.search() != TechnicalTraits.Search.NONE; // NONE: at most the 热门搜索 links
        if (form && table) {
            b.append("<form name=\"search\" action=\"").append(esc(action)).append("\" method=\"get\">"
                    + "<table width=\"100%\"><tr><td>站内搜索：<input type=\"text\" name=\"q\" size=\"12\">"
                    + "<input type=\"submit\" value=\"搜索\"></td></tr></table></form>\n");
        } else if (form) {
            b.append("<form class=\"search\" action=\"").append(esc(action)).append("\">"
                    + "<input name=\"q\" placeholder=\"请输入关键字\"><button type=\"submit\">搜索</button></form>\n");
        }
        if (!m.searchLinks.isEmpty()) {
            b.append(table ? "<table width=\"100%\"><tr><td>热门搜索：" : "<div class=\"hot\">热门搜索：");
            for (Link l : m.searchLinks) {
                b.append("<a href=\"").append(esc(m.homeHref(l.url()))).append("\">").append(esc(l.text()))
                        .append("</a> ");
            }
            b.append(table ? "</td></tr></table>\n" : "</div>\n");
        }
    }

    private void imageHeadline(StringBuilder b) {
        if (m.imageHeadline == null) {
            return;
        }
        String href = esc(m.homeHref(m.imageHeadline.path()));
        String alt = esc(m.imageHeadline.title());
        if (table) {
            b.append("<table width=\"100%\"><tr><td align=\"center\"><font color=\"#CC0000\"><b>图片新闻</b></font>"
                    + "</td></tr><tr><td align=\"center\"><a href=\"").append(href).append("\" target=\"_blank\">"
                    + "<img src=\"/images/pic1.gif\" width=\"180\" height=\"130\" border=\"0\" alt=\"").append(alt)
                    .append("\"></a></td></tr></table>\n");
        } else {
            b.append("<div class=\"focus\"><a href=\"").append(href).append("\"><img src=\"/images/pic1.gif\" alt=\"")
                    .append(alt).append("\"></a></div>\n");
        }
    }

    private void hiddenLinks(StringBuilder b) {
        for (int i = 0; i < m.hiddenLinks.size(); i++) {
            Link l = m.hiddenLinks.get(i);
            String a = "<a href=\"" + esc(m.homeHref(l.url())) + "\"";
            if (i % 2 == 0) {
                b.append("<div style=\"display:none\">").append(a).append(">").append(esc(l.text()))
                        .append("</a></div>\n");
            } else {
                b.append(a).append(" style=\"display:none\">").append(esc(l.text())).append("</a>\n");
            }
        }
    }

    private void friendLinks(StringBuilder b) {
        if (m.friendLinks.isEmpty()) {
            return;
        }
        b.append(table ? "<table width=\"778\" border=\"0\" align=\"center\"><tr><td>友情链接："
                : "<div class=\"links\">友情链接：");
        for (Link l : m.friendLinks) {
            b.append("<a href=\"").append(esc(l.url())).append("\" target=\"_blank\">").append(esc(l.text()))
                    .append("</a>　");
        }
        b.append(table ? "</td></tr></table>\n" : "</div>\n");
    }

    private void blocksOrIntro(StringBuilder b) {
        if (m.blocks.isEmpty()) {
            String intro = "欢迎访问" + m.spec.name() + "网站。本网站是" + m.place
                    + "对外发布政务信息、提供网上服务的窗口，请通过上方导航栏浏览各栏目。";
            b.append(table ? "<table width=\"100%\"><tr><td height=\"200\" valign=\"top\"><p>" + esc(intro)
                    + "</p></td></tr></table>\n" : "<div class=\"intro\"><p>" + esc(intro) + "</p></div>\n");
            return;
        }
        for (Block bl : m.blocks) {
            block(b, bl);
        }
    }

    private void block(StringBuilder b, Block bl) {
        Section s = bl.section();
        String more = esc(m.homeHref(s.listPath(1)));
        String title = esc(s.title);
        if (table) {
            String heading = switch (bl.heading()) {
                case LINKED -> "<a href=\"" + more + "\"><b>" + title + "</b></a>";
                case TEXT_MORE -> "<b><font color=\"#003399\">" + title + "</font></b>";
                case IMAGE_MORE -> "<img src=\"/images/t_" + s.family.code() + ".gif\" width=\"120\" height=\"24\""
                        + " alt=\"" + title + "\">";
            };
            String moreCell = bl.heading() == HeadingStyle.LINKED ? "&nbsp;"
                    : "<a href=\"" + more + "\"><font color=\"#FF0000\">更多&gt;&gt;</font></a>";
            b.append("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n<tr><td height=\"26\" "
                            + "bgcolor=\"#DCE9F7\">").append(heading).append("</td><td align=\"right\" bgcolor=\"#DCE9F7\">")
                    .append(moreCell).append("</td></tr>\n<tr><td colspan=\"2\"><table width=\"100%\" border=\"0\" "
                            + "cellspacing=\"2\" cellpadding=\"0\">\n");
            for (Item it : bl.shown()) {
                b.append("<tr><td width=\"10\"><img src=\"/images/dot.gif\" width=\"5\" height=\"5\"></td><td>"
                                + "<a href=\"").append(esc(m.homeHref(it.path()))).append("\" target=\"_blank\">")
                        .append(esc(it.title())).append("</a></td><td width=\"90\" align=\"right\">")
                        .append(dateText(bl.dateStyle(), it)).append("</td></tr>\n");
            }
            b.append("</table></td></tr>\n</table>\n");
        } else {
            b.append("<div class=\"block\">\n<div class=\"hd\">");
            if (bl.heading() == HeadingStyle.LINKED) {
                b.append("<h3><a href=\"").append(more).append("\">").append(title).append("</a></h3>");
            } else {
                b.append("<h3>").append(title).append("</h3><a class=\"more\" href=\"").append(more)
                        .append("\">更多&gt;&gt;</a>");
            }
            b.append("</div>\n<ul class=\"list\">\n");
            for (Item it : bl.shown()) {
                b.append("<li><a href=\"").append(esc(m.homeHref(it.path()))).append("\" title=\"")
                        .append(esc(it.title())).append("\">").append(esc(it.title())).append("</a>");
                String d = dateText(bl.dateStyle(), it);
                if (!d.isEmpty()) {
                    b.append("<span>").append(d).append("</span>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</div>\n");
        }
    }

    private String dateText(DateStyle style, Item it) {
        return dateText(style, it.date());
    }

    private String dateText(DateStyle style, LocalDate date) {
        if (style == null || date == null) {
            return table ? "&nbsp;" : "";
        }
        String text = style.forDate(date, m.spec.now()).format(date);
        return table ? "<font color=\"#999999\">" + text + "</font>" : text;
    }

    // ---------------------------------------------------------------- section list pages

    private String listPage(Section s, int page) {
        StringBuilder b = new StringBuilder(8 * 1024);
        head(b, s.title + " - " + m.spec.name());
        if (!table) {
            b.append("</header>\n");
        }
        nav(b, false);
        List<Item> items = s.page(page);
        if (s.mailbox != null && !items.isEmpty() && s.mailbox.layout() != MessageLayout.DATES_ONLY) {
            if (table) {
                b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">\n"
                        + "<tr><td height=\"26\">当前位置：<a href=\"/\">首页</a> &gt; ").append(esc(s.title))
                        .append("</td></tr>\n<tr><td>\n");
            } else {
                b.append("<main class=\"main\"><div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; ")
                        .append(esc(s.title)).append("</div>\n");
            }
            if (s.mailbox.layout() == MessageLayout.HEADER_TABLE) {
                letterTable(b, s, items);
            } else {
                letterRows(b, s, items);
            }
            pager(b, s, page);
            b.append(table ? "</td></tr>\n</table>\n" : "</main>\n");
        } else if (table) {
            b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\">\n"
                            + "<tr><td height=\"26\">当前位置：<a href=\"/\">首页</a> &gt; ").append(esc(s.title))
                    .append("</td></tr>\n<tr><td>\n<table width=\"100%\" border=\"0\" cellspacing=\"0\" "
                            + "cellpadding=\"3\">\n");
            if (items.isEmpty()) {
                b.append("<tr><td align=\"center\" height=\"120\">").append(esc(s.placeholder))
                        .append("</td></tr>\n");
            }
            for (Item it : items) {
                b.append("<tr><td width=\"15\">·</td><td><a href=\"").append(esc(it.path()))
                        .append("\" target=\"_blank\">").append(esc(it.title())).append("</a></td>"
                                + "<td width=\"110\" align=\"right\">").append(dateText(s.dateStyle, it))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            pager(b, s, page);
            b.append("</td></tr>\n</table>\n");
        } else {
            b.append("<main class=\"main\"><div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; ")
                    .append(esc(s.title)).append("</div>\n");
            if (items.isEmpty()) {
                b.append("<div class=\"empty\">").append(esc(s.placeholder)).append("</div>\n");
            } else {
                b.append("<ul class=\"list\">\n");
                for (Item it : items) {
                    b.append("<li><a href=\"").append(esc(it.path())).append("\" target=\"_blank\">")
                            .append(esc(it.title())).append("</a>");
                    String d = dateText(s.dateStyle, it);
                    if (!d.isEmpty()) {
                        b.append("<span>").append(d).append("</span>");
                    }
                    b.append("</li>\n");
                }
                b.append("</ul>\n");
            }
            pager(b, s, page);
            b.append("</main>\n");
        }
        footer(b, false);
        return b.toString();
    }

    /** Messages under a header row: 标题 | [来信人] | 来信时间 | [办理状态] | [回复时间]. */
    private void letterTable(StringBuilder b, Section s, List<Item> items) {
        Mailbox box = s.mailbox;
        b.append(table ? "<table width=\"100%\" border=\"0\" cellspacing=\"1\" cellpadding=\"3\" bgcolor=\"#CCCCCC\">\n"
                + "<tr bgcolor=\"#DCE9F7\">" : "<table class=\"letters\">\n<thead><tr>");
        headerCell(b, "信件标题");
        if (box.askerColumn()) {
            headerCell(b, "来信人");
        }
        headerCell(b, box.askedHeader());
        if (box.statusHeader() != null) {
            headerCell(b, box.statusHeader());
        }
        if (box.repliedHeader() != null) {
            headerCell(b, box.repliedHeader());
        }
        b.append(table ? "</tr>\n" : "</tr></thead>\n<tbody>\n");
        for (Item it : items) {
            Letter l = it.letter();
            b.append(table ? "<tr bgcolor=\"#FFFFFF\">" : "<tr>").append("<td><a href=\"").append(esc(it.path()))
                    .append("\" target=\"_blank\">").append(esc(box.title(it))).append("</a></td>");
            if (box.askerColumn()) {
                b.append("<td>").append(esc(l.asker())).append("</td>");
            }
            b.append("<td>").append(dateText(s.dateStyle, it.date())).append("</td>");
            if (box.statusHeader() != null) {
                b.append("<td>").append(esc(l.status())).append("</td>");
            }
            if (box.repliedHeader() != null) {
                b.append("<td>").append(dateText(s.dateStyle, l.repliedOn())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append(table ? "</table>\n" : "</tbody></table>\n");
    }

    private void headerCell(StringBuilder b, String text) {
        b.append(table ? "<td align=\"center\"><b>" + esc(text) + "</b></td>" : "<th>" + esc(text) + "</th>");
    }

    /** Messages as list rows with a status marker, the asked date and perhaps the reply's day. */
    private void letterRows(StringBuilder b, Section s, List<Item> items) {
        Mailbox box = s.mailbox;
        b.append(table ? "<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"3\">\n"
                : "<ul class=\"list\">\n");
        for (Item it : items) {
            Letter l = it.letter();
            String link = "<a href=\"" + esc(it.path()) + "\" target=\"_blank\">" + esc(box.title(it)) + "</a>";
            String reply = box.replyDates() ? dateText(s.dateStyle, l.repliedOn()) : null;
            if (table) {
                b.append("<tr><td width=\"15\">·</td><td>")
                        .append(box.mark() == MarkPlace.BEFORE ? "[" + esc(l.status()) + "] " : "").append(link)
                        .append("</td>");
                if (box.mark() == MarkPlace.AFTER) {
                    b.append("<td width=\"60\"><font color=\"#CC0000\">").append(esc(l.status()))
                            .append("</font></td>");
                }
                b.append("<td width=\"110\" align=\"right\">").append(dateText(s.dateStyle, it.date()))
                        .append("</td>");
                if (reply != null) {
                    b.append("<td width=\"110\" align=\"right\">").append(reply).append("</td>");
                }
                b.append("</tr>\n");
            } else {
                b.append("<li>");
                if (box.mark() == MarkPlace.BEFORE) {
                    b.append("<span class=\"zt\">[").append(esc(l.status())).append("]</span>");
                }
                b.append(link);
                if (box.mark() == MarkPlace.AFTER) {
                    b.append("<span class=\"zt\">").append(esc(l.status())).append("</span>");
                }
                b.append("<span>").append(dateText(s.dateStyle, it.date())).append("</span>");
                if (reply != null && !reply.isEmpty()) {
                    b.append("<span>").append(reply).append("</span>");
                }
                b.append("</li>\n");
            }
        }
        b.append(table ? "</table>\n" : "</ul>\n");
    }

    private void pager(StringBuilder b, Section s, int page) {
        int pc = s.pageCount();
        if (pc == 1) {
            return;
        }
        StringBuilder p = new StringBuilder();
        if (table) {
            p.append("共").append(s.items.size()).append("条记录　页次：").append(page).append("/").append(pc)
                    .append("　");
            p.append(page > 1 ? a(s.listPath(1), "首页") + " " + a(s.listPath(page - 1), "上一页") : "首页 上一页");
            p.append(" ");
            p.append(page < pc ? a(s.listPath(page + 1), "下一页") + " " + a(s.listPath(pc), "尾页") : "下一页 尾页");
            b.append("<table width=\"100%\"><tr><td align=\"center\">").append(p).append("</td></tr></table>\n");
        } else {
            for (int i = 1; i <= pc; i++) {
                p.append(i == page ? "<span class=\"cur\">" + i + "</span>" : a(s.listPath(i), String.valueOf(i)))
                        .append(" ");
            }
            if (page < pc) {
                p.append(a(s.listPath(page + 1), "下一页")).append(" ").append(a(s.listPath(pc), "尾页"));
            }
            b.append("<div class=\"page\">").append(p).append("</div>\n");
        }
    }

    private static String a(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    // ---------------------------------------------------------------- other pages

    private String detailPage(Item it) {
        if (it.letter() != null) {
            return letterPage(it);
        }
        if (it.family().equals("service_guide")) {
            return guidePage(it);
        }
        String meta = (it.date() == null ? "" : "发布时间：" + it.date() + "　") + "来源：" + esc(it.source())
                + "　浏览次数：" + it.views();
        StringBuilder body = new StringBuilder();
        body.append(table ? "<p align=\"center\"><font size=\"4\"><b>" + esc(it.title()) + "</b></font></p>"
                : "<h1>" + esc(it.title()) + "</h1>");
        body.append("<p class=\"info\" align=\"center\">").append(meta).append("</p>\n");
        int n = (int) (it.id() % 3) + 2;
        for (int i = 0; i < n; i++) {
            body.append("<p>　　").append(esc(TextBank.PARAGRAPHS.get((int) ((it.id() + i) % TextBank.PARAGRAPHS
                    .size())))).append("</p>\n");
        }
        appendWording(body);
        body.append("<p align=\"center\"><a href=\"javascript:window.close()\">【关闭窗口】</a></p>\n");
        return simplePage(it.title(), body.toString());
    }

    /**
     * A message's own page: who wrote when, the letter, its status (办理状态) when shown, and the reply (with its
     * day when shown) or 暂无回复 — inline, or as a label | value table.
     */
    private String letterPage(Item it) {
        Letter l = it.letter();
        Mailbox box = m.sections.stream().filter(x -> x.family.id().equals(it.family())).findFirst()
                .orElseThrow().mailbox;
        int k = (int) (it.id() % 1000);
        String question = TextBank.QUESTIONS.get(k % TextBank.QUESTIONS.size());
        String answer = TextBank.ANSWERS.get(k % TextBank.ANSWERS.size());
        String replier = m.place + (k % 2 == 0 ? "人民政府办公室" : "信访局");
        String noReply = TextBank.NO_REPLY_YET.get(k % TextBank.NO_REPLY_YET.size());
        String replyDay = l.answered() && l.replyDateShown() ? l.repliedOn().toString() : null;
        StringBuilder body = new StringBuilder();
        if (box.pageTable()) {
            body.append("<table class=\"letter\" width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
            labelRow(body, "信件标题", it.title());
            labelRow(body, "来信人", l.asker());
            labelRow(body, "来信时间", it.date().toString());
            labelRow(body, "来信内容", question);
            if (l.statusOnPage()) {
                labelRow(body, "办理状态", l.status());
            }
            if (l.answered()) {
                labelRow(body, "答复单位", replier);
                if (replyDay != null) {
                    labelRow(body, "回复时间", replyDay);
                }
                labelRow(body, "答复内容", answer);
            } else if (!l.statusOnPage()) {
                labelRow(body, "答复内容", noReply);
            }
            body.append("</table>\n");
        } else {
            body.append(table ? "<p align=\"center\"><font size=\"4\"><b>" + esc(it.title()) + "</b></font></p>"
                    : "<h1>" + esc(it.title()) + "</h1>");
            body.append("<p class=\"info\">来信人：").append(esc(l.asker())).append("　来信时间：").append(it.date())
                    .append("</p>\n<p>　　").append(esc(question)).append("</p>\n");
            if (l.statusOnPage()) {
                body.append("<p>办理状态：").append(esc(l.status())).append("</p>\n");
            }
            if (l.answered()) {
                body.append("<p>答复单位：").append(esc(replier)).append(replyDay == null ? "" : "　回复时间：" + replyDay)
                        .append("</p>\n<p>答复内容：").append(esc(answer)).append("</p>\n");
            } else if (!l.statusOnPage()) {
                body.append("<p>答复内容：").append(esc(noReply)).append("</p>\n");
            }
        }
        appendWording(body);
        body.append("<p align=\"center\"><a href=\"javascript:window.close()\">【关闭窗口】</a></p>\n");
        return simplePage(it.title(), body.toString());
    }

    private static void labelRow(StringBuilder b, String label, String value) {
        b.append("<tr><td width=\"100\">").append(esc(label)).append("</td><td>").append(esc(value))
                .append("</td></tr>\n");
    }

    private String simplePage(String title, String content) {
        StringBuilder b = new StringBuilder(4 * 1024);
        head(b, title + " - " + m.spec.name());
        if (!table) {
            b.append("</header>\n");
        }
        if (table) {
            b.append("<table width=\"778\" border=\"0\" align=\"center\" cellpadding=\"8\"><tr><td>\n")
                    .append(content).append("\n<p><a href=\"/\">返回首页</a></p></td></tr></table>\n");
        } else {
            b.append("<main class=\"main\">\n").append(content).append("\n<p><a href=\"/\">返回首页</a></p></main>\n");
        }
        footer(b, false);
        return b.toString();
    }

    // ---------------------------------------------------------------- service guides

    /**
     * A service guide (办事指南): its heading and meta line like any item, then its elements in the site's style —
     * a label | value table, 一、label：value paragraphs, or 【label】value lines — leaving out the site's gaps.
     */
    private String guidePage(Item it) {
        java.util.Set<Integer> gaps = m.guideGaps.getOrDefault(it.id(), java.util.Collections.emptySortedSet());
        String matter = it.title().endsWith("办事指南") ? it.title().substring(0, it.title().length() - 4)
                : it.title();
        String meta = (it.date() == null ? "" : "发布时间：" + it.date() + "　") + "来源：" + esc(it.source())
                + "　浏览次数：" + it.views();
        StringBuilder body = new StringBuilder();
        body.append(table ? "<p align=\"center\"><font size=\"4\"><b>" + esc(it.title()) + "</b></font></p>"
                : "<h1>" + esc(it.title()) + "</h1>");
        body.append("<p class=\"info\" align=\"center\">").append(meta).append("</p>\n");
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        switch (m.guideStyle) {
            case TABLE -> body.append("<table class=\"bszn\" width=\"100%\" border=\"1\" cellspacing=\"0\" "
                    + "cellpadding=\"4\">\n");
            case BRACKETS -> body.append("<p>");
            case LABEL_LINES -> { }
        }
        int shown = 0;
        for (int i = 0; i < TextBank.GUIDE_ELEMENTS.size(); i++) {
            if (gaps.contains(i)) {
                continue;
            }
            TextBank.GuideElement e = TextBank.GUIDE_ELEMENTS.get(i);
            String label = esc(e.labels().get(m.guideLabels[i]));
            String value = esc(e.value() == null ? matter : e.value().replace("%s", m.place));
            switch (m.guideStyle) {
                case TABLE -> body.append("<tr><td width=\"130\" align=\"center\"><b>").append(label)
                        .append("</b></td><td>").append(value).append("</td></tr>\n");
                case LABEL_LINES -> body.append("<p><strong>").append(numbers[shown]).append("、").append(label)
                        .append("：</strong>").append(value).append("</p>\n");
                case BRACKETS -> body.append("【").append(label).append("】").append(value).append("<br>\n");
            }
            shown++;
        }
        switch (m.guideStyle) {
            case TABLE -> body.append("</table>\n");
            case BRACKETS -> body.append("</p>\n");
            case LABEL_LINES -> { }
        }
        body.append("<p align=\"center\"><a href=\"javascript:window.close()\">【关闭窗口】</a></p>\n");
        return simplePage(it.title(), body.toString());
    }

    // ---------------------------------------------------------------- content safety (内容安全) faults

    /** What a hacked homepage carries: a hidden block of gambling links and a script from an unknown host. */
    private void safetyFaults(StringBuilder b) {
        if (!m.spamLinks.isEmpty()) {
            b.append("<div style=\"").append(m.spamStyle).append("\">");
            for (Link l : m.spamLinks) {
                b.append("<a href=\"").append(esc(l.url())).append("\" target=\"_blank\">").append(esc(l.text()))
                        .append("</a> ");
            }
            b.append("</div>\n");
        }
        if (m.foreignScript != null) {
            b.append("<script type=\"text/javascript\" src=\"").append(esc(m.foreignScript))
                    .append("\"></script>\n");
        }
    }

    /**
     * The footer's identifiers as the site's technical traits have them: 网站标识码, ICP 备案号, 公安机关备案号 (plain
     * text: a link to beian.gov.cn would be one more external link to check) and the 党政机关网站 mark's script.
     */
    private String identifiers() {
        TechnicalTraits t = m.technical;
        List<String> parts = new java.util.ArrayList<>();
        if (t.siteCode() != null) {
            parts.add("网站标识码：" + t.siteCode());
        }
        if (t.icp()) {
            parts.add(m.beian);
        }
        if (t.publicSecurity() != null) {
            parts.add(t.publicSecurity());
        }
        String text = String.join("　", parts);
        if (t.govMark()) {
            text += "<span id=\"_ideConac\"><script type=\"text/javascript\" "
                    + "src=\"https://dcs.conac.cn/js/13/000/0000/60420042/CA130000000604200420001.js\"></script></span>";
        }
        return text;
    }

    /** The wording errors and spam the site draws ({@link FarmWording}), at the end of an article's text. */
    private void appendWording(StringBuilder body) {
        String wording = FarmWording.paragraph(m.spec, m.place);
        if (wording != null) {
            body.append("<p>　　").append(esc(wording)).append("</p>\n");
        }
        String spam = FarmWording.spam(m.spec);
        if (spam != null) {
            body.append("<p>").append(esc(spam)).append("</p>\n");
        }
    }
}
