package org.egovmonitor.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Policy: any logged-in user, whatever the role. Only for data every role may see city-wide (the unit list, who am
 * I); anything bound to one unit takes {@link OwnUnit} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AnyRole {
}
