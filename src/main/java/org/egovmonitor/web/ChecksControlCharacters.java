package org.egovmonitor.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that refuses control characters in its form fields itself, because it must do more than refuse
 * (the login audits the attempt with the name escaped, and answers 400): {@link ParameterCheckFilter} leaves its
 * form to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksControlCharacters {
}
