package org.egovmonitor.bulletins;

import java.time.LocalDate;
import java.util.List;

/**
 * The open 整改 (rectification) tasks a report lists: where the bulletins read them from. The rectification feature
 * implements it over its own tables and the application hands that implementation to {@link BulletinService}; until
 * it does, {@link #NONE} is wired and the report's task section says that no task is open.
 *
 * <p>Implementations answer tasks still open at the end of {@code asOf} (deadline passed ⇒ {@code overdue}), ordered
 * as they should be printed (overdue first is the natural order). {@code unitCode} null means every unit; a unit's
 * 整改通知书 asks for its own.
 */
@FunctionalInterface
public interface OpenTasks {

    /** One open task as the report prints it. */
    record Row(String unitCode, String unitName, String task, LocalDate deadline, boolean overdue) {
    }

    List<Row> open(LocalDate asOf, String unitCode);

    /** No task feature wired: no rows. */
    OpenTasks NONE = (asOf, unitCode) -> List.of();
}
