package org.egovmonitor.jobs;

import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;

/**
 * What a trigger does when its fire time passed while no node could run it (every node down, or all busy longer
 * than the misfire threshold). Set per trigger in the {@code scheduler:} configuration.
 */
public enum MisfirePolicy {
    /** Run once as soon as a node is up again, then keep the schedule. */
    FIRE_NOW,
    /** Skip the missed runs and wait for the next planned fire time. */
    DO_NOTHING;

    int cronInstruction() {
        return this == FIRE_NOW ? CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                : CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING;
    }

    /** For triggers that repeat forever: "now" restarts the interval from now, "nothing" keeps its phase. */
    int repeatingInstruction() {
        return this == FIRE_NOW ? SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT
                : SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT;
    }
}
