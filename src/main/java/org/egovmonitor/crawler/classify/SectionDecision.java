package org.egovmonitor.crawler.classify;

import org.egovmonitor.crawler.parse.PageLink;

/**
 * What became of one homepage link during section recognition: taken for a section (family and rule), or left out
 * with a reason. The whole list is what {@code measure --explain} prints.
 *
 * @param link   the link as read from the page
 * @param family the family it was taken for, or null when it was left out
 * @param rule   the rule that matched, or null when it was left out
 * @param reason why it was left out, or null when it was taken
 */
public record SectionDecision(PageLink link, String family, SectionRule rule, Reason reason) {

    /** Why a link is not a section. */
    public enum Reason {
        EXTERNAL("其他网站的链接（上级、下级或友情链接）"),
        DECOY("站内搜索或关键词链接"),
        HIDDEN("隐藏的链接，访客看不到"),
        CONTENT_ITEM("内容列表中的条目（新闻标题等），不是栏目"),
        TOO_LONG("文字较长，像标题而不是栏目名"),
        NO_MATCH("文字不是任何栏目类别的名称"),
        UNIT_NAME("其他单位的名称（如某某局、某某中心），不是栏目"),
        FAMILY_TAKEN("同类栏目已由前面的链接代表"),
        URL_TAKEN("同一网址已归入其他栏目"),
        NO_HEADING("“更多”链接前没有可识别的栏块标题");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** The Chinese description shown to users. */
        public String label() {
            return label;
        }
    }

    public boolean taken() {
        return family != null;
    }

    static SectionDecision taken(PageLink link, String family, SectionRule rule) {
        return new SectionDecision(link, family, rule, null);
    }

    /** A link that is an entry of one of the homepage's content lists (decided by the measurer, not the classifier). */
    public static SectionDecision contentItem(PageLink link) {
        return left(link, Reason.CONTENT_ITEM);
    }

    static SectionDecision left(PageLink link, Reason reason) {
        return new SectionDecision(link, null, null, reason);
    }
}
