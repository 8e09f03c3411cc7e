package org.egovmonitor.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Policy: OFFICE, and LEADER for reading. City-wide views (rankings, coverage, all nodes). LEADER is read-only
 * (design §7): on a state-changing method (POST/PUT/DELETE/PATCH) only OFFICE passes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface LeaderOrOffice {
}
