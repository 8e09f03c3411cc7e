package org.egovmonitor.bulletins;

import java.time.LocalDate;
import java.util.List;

/**
 * The 整改 tasks a report's 本期整改情况 lists: those issued or closed within its period. {@link OpenTasks} answers
 * what was still open at the period's end, so a task issued and closed within the period would otherwise never show
 * in any report. The rectification feature implements it over its own tables; {@link #NONE} lists nothing.
 */
@FunctionalInterface
public interface PeriodTasks {

    /**
     * One task as the report prints it.
     *
     * @param issuedOn the day it was issued (city time)
     * @param closedOn the day it was closed (已销号), null when it was still open at the period's end
     */
    record Row(String unitCode, String unitName, String task, LocalDate issuedOn, LocalDate deadline,
               LocalDate closedOn) {
    }

    /** Tasks issued or closed between {@code from} and {@code to} (both days included), in print order. */
    List<Row> within(LocalDate from, LocalDate to);

    /** No task feature wired: no rows. */
    PeriodTasks NONE = (from, to) -> List.of();
}
