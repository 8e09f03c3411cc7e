package org.egovmonitor.resources;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes the registry: only the informatization office may call it. The role filter that
 * enforces it binds to this annotation (login and roles arrive with the dashboards), so every write is listed by
 * one annotation rather than scattered checks.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OfficeOnly {
}
