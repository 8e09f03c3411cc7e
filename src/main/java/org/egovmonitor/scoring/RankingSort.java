package org.egovmonitor.scoring;


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

    /** The ORDER BY list within the rows read (see RankingQuery for the rank order of all groups). */
    public String orderBy(boolean descending) {
        return expression + (descending ? " DESC" : " ASC") + " NULLS LAST, unit_code COLLATE \"C\"";
    }
}
