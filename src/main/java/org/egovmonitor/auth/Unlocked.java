package org.egovmonitor.auth;

/** Answer of {@code POST /api/users/{username}/unlock}: how many recorded failures were forgotten. */
public record Unlocked(String username, int clearedFailures) {
}
