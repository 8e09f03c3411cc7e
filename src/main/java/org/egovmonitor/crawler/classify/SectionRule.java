package org.egovmonitor.crawler.classify;

/**
 * Why a link was taken for a section: what the office shows a department that disputes a finding. The most telling
 * part wins: a block's 更多 link or a URL says more about how the link was read than its text being a synonym.
 */
public enum SectionRule {
    /** The link's whole text is a synonym of the family (通知公告, 政府信息公开). */
    SYNONYM("链接文字即栏目名称"),
    /** A short link text that contains a synonym (池州概况, 政务公开专栏). */
    CONTAINS("链接文字含栏目名称"),
    /** A one- or two-character menu label (新闻, 公开, 互动), matched only as the whole text. */
    SHORT_LABEL("菜单短名"),
    /** The link shows no text; its {@code title} attribute names the family. */
    LINK_TITLE("链接的 title 属性"),
    /** An image link whose {@code alt}/{@code title} names the family. */
    IMAGE_ALT("图片链接的说明文字"),
    /** An image map's {@code <area>} whose {@code alt}/{@code title} names the family. */
    IMAGE_MAP("图片热区的说明文字"),
    /** An entry of a menu hidden until a script shows it (a dropdown or flyout submenu). */
    HIDDEN_MENU("下拉菜单中的链接"),
    /** A menu entry an inline script writes into the page (document.write, innerHTML: TRS column menus). */
    SCRIPT_MENU("脚本写出的菜单"),
    /** A menu entry opening its page from a click script rather than a link (onclick="…('/xwzx/index.html')"). */
    ONCLICK_MENU("点击脚本打开的栏目"),
    /** A 更多>> link classified by the heading of its block. */
    MORE_LINK("“更多”链接所在栏块的标题"),
    /** A link whose text names no family, whose URL's column name does (/zwgk/, tzgg.asp). */
    URL_HINT("网址中的栏目路径"),
    /** A link found in a frame of the homepage (frameset or iframe) rather than on the page itself. */
    FRAME("框架页中的链接");

    private final String label;

    SectionRule(String label) {
        this.label = label;
    }

    /** The Chinese description shown to users. */
    public String label() {
        return label;
    }
}
