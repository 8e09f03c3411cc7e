package org.egovmonitor.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Policy: data of one unit, named by the path parameter {@link #value()}.
 * <ul>
 *   <li>reads (GET/HEAD): OFFICE and LEADER any unit; DEPARTMENT only when the parameter equals its own unit;</li>
 *   <li>writes: OFFICE any unit; DEPARTMENT only its own unit (self-reports); LEADER never (read-only).</li>
 * </ul>
 * Writes a department must not make even for its own unit (the registry) take {@code @OfficeOnly} instead. The
 * parameter must exist on the method's path: the app refuses to start otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnUnit {

    /** The name of the path parameter holding the unit code. */
    String value() default "code";
}
