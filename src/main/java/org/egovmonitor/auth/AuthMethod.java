package org.egovmonitor.auth;

/** How a request proved who it is. */
public enum AuthMethod {
    /** The session cookie set by the login form: writes need the session's CSRF token. */
    SESSION,
    /** HTTP Basic, for scripts: no cookie, so no CSRF risk. */
    BASIC,
    NONE
}
