package org.egovmonitor.dashboards;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.egovmonitor.alerts.AlertKind;
import org.egovmonitor.alerts.Channel;
import org.egovmonitor.alerts.DeliveryMode;
import org.egovmonitor.alerts.DeliveryStatus;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.AuditAction;
import org.egovmonitor.auth.Role;
import org.egovmonitor.bulletins.BulletinKind;
import org.egovmonitor.collection.SystemInUse;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.jobs.JobName;
import org.egovmonitor.jobs.JobRunStatus;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.rectification.StepKind;
import org.egovmonitor.rectification.TaskStatus;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.Grade;
import org.egovmonitor.scoring.IndicatorState;

/**
 * The Chinese labels of the enums the dashboards show, read from the enums themselves (whose labels come from the
 * message bundle) so that the pages keep no copy: {@code {"Grade": {"FAIL": "不合格", …}, …}}, keyed by the enum's
 * simple name. Constants keep their declaration order (the pages list peer groups, unit kinds and systems in that
 * order). After the enums come the names that are not Java enums but that pages show ({@link #PAGE_LABELS}): job
 * names and run causes, indicator parameters, the leader's chart buckets and the section families of
 * {@code crawlers/sections.yml}. Pages load it once, before rendering.
 */
@Path("/api/labels")
@Produces(MediaType.APPLICATION_JSON)
public class LabelsResource {

    /** One served enum and how its constants are named for users. */
    record LabelledEnum<E extends Enum<E>>(Class<E> type, Function<E, String> label) {

        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            Arrays.stream(type.getEnumConstants()).forEach(c -> labels.put(c.name(), label.apply(c)));
            return Collections.unmodifiableMap(labels);
        }
    }

    static final List<LabelledEnum<?>> SERVED = List.of(
            new LabelledEnum<>(Grade.class, Grade::label),
            new LabelledEnum<>(PeerGroup.class, PeerGroup::label),
            new LabelledEnum<>(UnitKind.class, UnitKind::label),
            new LabelledEnum<>(SiteKind.class, SiteKind::label),
            new LabelledEnum<>(Role.class, Role::label),
            new LabelledEnum<>(ReviewStatus.class, ReviewStatus::label),
            new LabelledEnum<>(NodeStatus.class, NodeStatus::label),
            new LabelledEnum<>(IndicatorState.class, IndicatorState::label),
            new LabelledEnum<>(FindingKind.class, FindingKind::label),
            new LabelledEnum<>(JobRunStatus.class, JobRunStatus::label),
            new LabelledEnum<>(SystemInUse.class, SystemInUse::label),
            new LabelledEnum<>(FetchErrorKind.class, FetchErrorKind::label),
            new LabelledEnum<>(AlertKind.class, AlertKind::label),
            new LabelledEnum<>(Channel.class, Channel::label),
            new LabelledEnum<>(DeliveryMode.class, DeliveryMode::label),
            new LabelledEnum<>(DeliveryStatus.class, DeliveryStatus::label),
            new LabelledEnum<>(TaskStatus.class, TaskStatus::label),
            new LabelledEnum<>(StepKind.class, StepKind::label),
            new LabelledEnum<>(BulletinKind.class, BulletinKind::label),
            new LabelledEnum<>(AuditAction.class, AuditAction::label));

    /** The served names that are not Java enums: served name → bundle key prefix (keys sorted). */
    static final Map<String, String> PAGE_LABELS = pageLabels();

    /** The section families' names, from the catalogue the crawler classifies with. */
    static final String FAMILIES = "SectionFamily";

    private final Map<String, Map<String, String>> labels;

    public LabelsResource(SectionCatalog sections) {
        this.labels = collect(sections);
    }

    @GET
    @AnyRole
    public Map<String, Map<String, String>> labels() {
        return labels;
    }

    private static Map<String, String> pageLabels() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("JobCause", "cause.");
        prefixes.put("IndicatorParam", "param.");
        prefixes.put("UpdateBucket", "bucket.");
        return Collections.unmodifiableMap(prefixes);
    }

    private static Map<String, Map<String, String>> collect(SectionCatalog sections) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        SERVED.forEach(e -> all.put(e.type().getSimpleName(), e.labels()));
        Map<String, String> jobs = new LinkedHashMap<>();
        Arrays.stream(JobName.values()).forEach(j -> jobs.put(j.id(), j.label()));
        all.put("JobName", Collections.unmodifiableMap(jobs));
        PAGE_LABELS.forEach((name, prefix) -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            Messages.keysUnder(prefix).forEach(k -> byKey.put(k.substring(prefix.length()), Messages.get(k)));
            all.put(name, Collections.unmodifiableMap(byKey));
        });
        Map<String, String> families = new LinkedHashMap<>();
        sections.families().forEach(f -> families.put(f.id(), f.name()));
        all.put(FAMILIES, Collections.unmodifiableMap(families));
        return Collections.unmodifiableMap(all);
    }
}
