package org.egovmonitor.collection;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.registry.PeerGroup;

/** The values of information contribution (信息报送). */
public final class Contributions {

    private Contributions() {
    }

    /** One stored article (contribution_items). */
    public record Item(String url, String title, LocalDate date, String rawSource, String unitCode) {
    }

    /**
     * A unit's portal items in the last 30 and 90 days, ranked within its peer group (1 = most; equal counts share
     * a rank).
     */
    public record UnitCount(String code, String name, PeerGroup peerGroup, int last30Days, int last90Days,
                            int rank30, int rank90) {
    }

    public record Summary(LocalDate asOf, int items90Days, int mapped90Days, int unmapped90Days,
                          int withoutSource90Days, List<UnitCount> units) {
    }

    /** A source text no unit name or alias matches, for the office to assign. */
    public record UnmappedSource(String source, int items, LocalDate latest, List<String> exampleUrls) {
    }

    /** What one collection round did. */
    public record RoundResult(URI portal, LocalDate now, int sectionPages, int candidates, int alreadyKnown,
                              int fetched, int stored, int withSource, int mapped, List<String> errors) {
    }
}
