package org.egovmonitor.demo.farm;

/** The markup style of a generated site. */
public enum PageLayout {
    /** 2003-style: nested {@code <table>}s, {@code <font>}, image title cells, {@code [04-15]} dates, .asp URLs. */
    TABLE_2003,
    /** Modern CMS style: header/nav/footer, {@code <ul><li><a/><span>2025-04-15</span></li></ul>}, UTF-8. */
    MODERN
}
