package org.egovmonitor.registry;

import java.time.LocalDate;

/** The current liaison officer of a unit, as written by a client or a registry file. */
public record LiaisonRequest(String unitCode, String name, String phone, String email, LocalDate since) {
}
