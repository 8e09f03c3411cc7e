package org.egovmonitor.demo.farm;

/** Homepage links that look like sections but must not be counted as sections. */
public enum DecoyKind {
    /** {@code 热门搜索：办事指南} linking to {@code /search.asp?q=…}; the search page answers 200 with no items. */
    SEARCH_KEYWORD,
    /** Family-like text ({@code 市政府信息公开}) linking to another farm host (answers 200). */
    EXTERNAL_PEER,
    /** Family-like text linking to a host/port where nothing listens (also listed in brokenLinks). */
    EXTERNAL_DEAD,
    /** A {@code display:none} link with family text to a stub page that answers 200 with no items. */
    HIDDEN_DUPLICATE,
    /** A dated homepage headline containing a family word ({@code 关于做好办事指南编制工作的通知}). */
    HEADLINE_WORD,
    /** A block title drawn as an image whose alt text is a family name (not a link). */
    IMAGE_TITLE
}
