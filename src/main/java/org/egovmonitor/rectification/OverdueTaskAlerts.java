package org.egovmonitor.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.egovmonitor.alerts.AlertEvent;

/** Every overdue 整改 task as an alert event: what alerts reconciles after each snapshot (Alerts.watch). */
public final class OverdueTaskAlerts implements Supplier<List<AlertEvent>> {

    private final RectificationService tasks;
    private final Clock clock;
    private final ZoneId zone;

    public OverdueTaskAlerts(RectificationService tasks, Clock clock, ZoneId zone) {
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<AlertEvent> get() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return tasks.tasks(null, null, true).stream().map(t -> event(t, today)).toList();
    }

    static AlertEvent event(RectificationTask task, LocalDate today) {
        return AlertEvent.overdueTask(task.unitCode(), Long.toString(task.id()),
                task.indicatorName() + "：" + task.message(), task.deadline(), today, task.evidenceUrl());
    }
}
