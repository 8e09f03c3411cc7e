package org.egovmonitor.crawler.inspect;

import java.util.List;

/**
 * What the registry knows of the unit a site belongs to and the checks need: its name and its leaders (name and post),
 * against which the wording check reads the site's text.
 */
public record SiteContext(String unitName, List<Leader> leaders) {

    /** A site measured without registry facts (the {@code measure} command on a bare URL). */
    public static final SiteContext NONE = new SiteContext(null, List.of());

    public SiteContext {
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
    }

    /** A leader of the unit as the registry has it: 张三, 局长. */
    public record Leader(String name, String post) {
    }
}
