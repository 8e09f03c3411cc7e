package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.Unit;

/**
 * Everything scoring needs to know about one unit on one day: the input of {@link ScoreCalculator}. Built by an
 * {@link EvidenceSource} from the registry and the observation tables; built by hand in tests. A null part means
 * "no data" and is scored NO_DATA (未监测 / 无数据), never zero and never full marks.
 *
 * @param unit          the unit (its peerGroup decides whom it is ranked against)
 * @param sites         the monitored sites the unit owns (a township's TOWNSHIP_PAGE sites on its county's site
 *                      included); empty when it owns none
 * @param node          its network node, or null when the registry has none
 * @param lanReport     facts of its latest approved LAN/OA self-report, or null when there is none
 * @param liaison       its current liaison officer, or null when none is registered
 * @param contributions portal items naming it as source, or null when not counted
 * @param interaction   messages of its interactive sections, or null when none could be read
 */
public record UnitEvidence(Unit unit, List<SiteEvidence> sites, NodeEvidence node, LanReport lanReport,
                           LiaisonFacts liaison, Contributions contributions, InteractionFacts interaction) {

    public UnitEvidence {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /**
     * True when anything at all is known about the unit besides its registry entry: a monitored site, a network
     * node, an approved self-report, a liaison, portal items naming it, or messages. A unit just added to the
     * registry has none of these; it is graded 未评定 rather than scored zero on every indicator it has not yet had
     * the chance to meet (its sites and node are usually registered right after it).
     */
    public boolean anythingKnown() {
        return !sites.isEmpty() || node != null || lanReport != null || liaison != null
                || (contributions != null && contributions.last90Days() > 0)
                || (interaction != null && !interaction.messages().isEmpty());
    }

    /**
     * One site.
     *
     * @param measurement    the latest measurement on or before the scoring day, or null
     * @param missingReason  why measurement is null (e.g. 尚未抓取), shown to users
     * @param probeSamples   availability probes of the site within the rule's window before the scoring day's end
     * @param probeFailures  how many of them failed
     * @param lastFailure    the latest failed probe in the window, as evidence (null when none failed)
     */
    public record SiteEvidence(long siteId, String url, SiteKind kind, SiteMeasurement measurement,
                               String missingReason, int probeSamples, int probeFailures, ProbeFailure lastFailure) {
    }

    /** A failed availability probe: the day (city time), what URL, what status (0 when no response), error kind. */
    public record ProbeFailure(LocalDate on, String url, int status, String errorKind) {
    }

    /** The network node and its TCP probes in the window. */
    public record NodeEvidence(NodeStatus status, Integer phase, int probeSamples, int probeFailures,
                               String endpoint) {
    }

    /**
     * Facts of an approved self-report (自报).
     *
     * @param systemsInUse ids of systems in use (oa, vertical_network, video_conference, database …)
     */
    public record LanReport(LocalDate approvedOn, boolean lanPresent, int computers, int staff, boolean oaInUse,
                            boolean internetAccess, List<String> systemsInUse) {
        public LanReport {
            systemsInUse = systemsInUse == null ? List.of() : List.copyOf(systemsInUse);
        }
    }

    public record LiaisonFacts(String name, String phone, LocalDate since) {
    }

    /** Portal items whose 来源 names the unit, in the 30 and 90 days up to the scoring day. */
    public record Contributions(int last30Days, int last90Days) {
    }

    /**
     * Messages read from interactive sections (信箱 / 留言).
     *
     * @param messages the messages, each with the page it was read on
     * @param readOn   the day of the oldest measurement they were read in (their age is judged like a website's
     *                 measurement), or null when not known
     */
    public record InteractionFacts(List<Message> messages, LocalDate readOn) {
        public InteractionFacts {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }

        /** Messages of unknown age (built by hand). */
        public InteractionFacts(List<Message> messages) {
            this(messages, null);
        }
    }

    /**
     * A message: where it is listed, when asked, when answered and whether, as its site shows it.
     *
     * @param answeredOn the reply's day; null while unanswered, and when the site shows it answered without a date
     * @param state      ANSWERED, PENDING or UNKNOWN (the site does not say; such a message is not judged)
     */
    public record Message(String url, LocalDate askedOn, LocalDate answeredOn, MessageState state) {
        public Message {
            Objects.requireNonNull(state, "state");
        }

        /** Answered on {@code answeredOn}, or pending when it is null. */
        public Message(String url, LocalDate askedOn, LocalDate answeredOn) {
            this(url, askedOn, answeredOn, answeredOn == null ? MessageState.PENDING : MessageState.ANSWERED);
        }
    }
}
