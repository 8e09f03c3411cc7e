package org.egovmonitor.auth;

/** A successful login: the user and the new session's cookie value (the only copy of the raw id). */
public record LoginResult(Caller caller, String sessionId) {
}
