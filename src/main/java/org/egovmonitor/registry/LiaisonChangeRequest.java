package org.egovmonitor.registry;

import java.time.LocalDate;

/** A department asks for its liaison officer to be replaced (联络员变动). {@code submittedBy}: until login exists. */
public record LiaisonChangeRequest(String name, String phone, String email, LocalDate since, String reason,
                                   String submittedBy) {
}
