package org.egovmonitor.auth;

/** A signed-in user's change of their own password: the current one proves it is them, not a stolen session. */
public record PasswordChange(String currentPassword, String password) {
}
