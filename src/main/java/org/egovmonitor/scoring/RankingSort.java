package org.egovmonitor.scoring;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.egovmonitor.api.PeerGroup;

/**
 * The orders a ranking page can be read in. Each carries its SQL ORDER BY keys: the text is fixed here and never
 * built from request input, so it can be spliced into the query (values stay bound parameters). Missing values
 * (an unrated unit's rank, a first day's rank change) always sort last, whichever the direction; ties fall back to
 * the unit code so that paging is stable.
 */
public enum RankingSort {
    RANK("rank"),
    /** Code-point order: the same on every server, whatever its locale. */
    NAME("unit_name COLLATE \"C\""),
    TOTAL("total"),
    CHANGE("rank_change"),
    /** Vetoes weigh more than any number of warnings. */
    WARNINGS("veto_count * 100 + warning_count"),
    SHORTFALL("bottleneck_shortfall");

    private final String expression;

    RankingSort(String expression) {
        this.expression = expression;
    }

    /** Peer groups in the order of {@link PeerGroup} (municipal departments first), not alphabetically. */
    private static final String GROUP_ORDER = Arrays.stream(PeerGroup.values())
            .map(g -> "'" + g.name() + "'")
            .collect(Collectors.joining(",", "array_position(ARRAY[", "], peer_group)"));

    /** The ORDER BY list; rank order of all groups keeps the groups apart. */
    public String orderBy(boolean descending, boolean allGroups) {
        String key = expression + (descending ? " DESC" : " ASC") + " NULLS LAST";
        return (this == RANK && allGroups ? GROUP_ORDER + ", " : "") + key + ", unit_code COLLATE \"C\"";
    }
}
