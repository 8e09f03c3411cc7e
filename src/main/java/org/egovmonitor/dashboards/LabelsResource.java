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
import org.egovmonitor.auth.Role;
import org.egovmonitor.bulletins.BulletinKind;
import org.egovmonitor.collection.SystemInUse;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.jobs.JobRunStatus;
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
 * The Chinese labels of the enums the dashboards show, read from the enums themselves so that the pages keep no
 * copy: {@code {"Grade": {"FAIL": "不合格", …}, …}}, keyed by the enum's simple name. Constants keep their declaration
 * order (the pages list peer groups, unit kinds and systems in that order). Pages load it once, before rendering.
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
            new LabelledEnum<>(Role.class, Role::label),
            new LabelledEnum<>(ReviewStatus.class, ReviewStatus::label),
            new LabelledEnum<>(NodeStatus.class, NodeStatus::label),
            new LabelledEnum<>(SiteKind.class, SiteKind::label),
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
            new LabelledEnum<>(BulletinKind.class, BulletinKind::label));

    private static final Map<String, Map<String, String>> LABELS = collect();

    @GET
    @AnyRole
    public Map<String, Map<String, String>> labels() {
        return LABELS;
    }

    private static Map<String, Map<String, String>> collect() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        SERVED.forEach(e -> all.put(e.type().getSimpleName(), e.labels()));
        return Collections.unmodifiableMap(all);
    }
}
