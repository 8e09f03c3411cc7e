package org.egovmonitor.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Policy: only the informatization office (OFFICE) may call it. Enforced, like the other policy annotations in
 * org.egovmonitor.auth, by the PolicyFilter that AuthorizationFeature binds to every resource method. Kept here (and
 * a name binding) because the registry resources were written against it; every write is listed by
 * one annotation rather than scattered checks.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OfficeOnly {
}
