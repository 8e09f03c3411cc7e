package org.egovmonitor.scoring;

import org.egovmonitor.registry.PeerGroup;

/**
 * Which rows of a stored day's ranking to read: filters (peer group, grade, a text to find in the unit's name or
 * code), an order, and a page.
 *
 * @param group      one peer group, or null for all
 * @param grade      one grade, or null for all
 * @param search     text the unit's name or code must contain (case-insensitive), or null
 * @param sort       the order (rank by default)
 * @param descending reverse the order
 * @param offset     rows to skip
 * @param limit      rows to return at most; null = all (exports)
 */
public record RankingQuery(PeerGroup group, Grade grade, String search, RankingSort sort, boolean descending,
                           int offset, Integer limit) {

    public RankingQuery {
        sort = sort == null ? RankingSort.RANK : sort;
        search = search == null || search.isBlank() ? null : search.strip();
    }

    /** The whole ranking of a group (or of all groups) in rank order. */
    public static RankingQuery all(PeerGroup group) {
        return new RankingQuery(group, null, null, RankingSort.RANK, false, 0, null);
    }

    /** The WHERE conditions after the day's, as fixed SQL text naming bound parameters only. */
    public String filters() {
        return (group == null ? "" : " AND peer_group = :group") + gradeAndSearch();
    }

    private String gradeAndSearch() {
        return (grade == null ? "" : " AND grade = :grade")
                + (search == null ? "" : " AND strpos(lower(unit_name || ' ' || unit_code), lower(:search)) > 0");
    }

    public String orderBy() {
        return sort.orderBy(descending);
    }

    /**
     * The rank order of all groups: group after group in {@link PeerGroup} order, each in rank order. Read as one
     * index range per group (see {@link #groupPages()}) rather than by sorting the whole day.
     */
    public boolean groupByGroup() {
        return group == null && sort == RankingSort.RANK;
    }

    /**
     * For {@link #groupByGroup()}: one subquery per peer group, each the group's first {@code :window} rows in rank
     * order (an index range scan), tagged with the group's position. Fixed SQL text from enum constants.
     */
    public String groupPages() {
        StringBuilder sql = new StringBuilder();
        for (PeerGroup g : PeerGroup.values()) {
            sql.append(sql.length() == 0 ? "" : "\n UNION ALL\n")
                    .append("(SELECT ").append(g.ordinal()).append(" AS group_order, * FROM unit_scores")
                    .append(" WHERE day = :day AND peer_group = '").append(g.name()).append("'").append(gradeAndSearch())
                    .append(" ORDER BY ").append(orderBy()).append(" LIMIT :window)");
        }
        return sql.toString();
    }
}
