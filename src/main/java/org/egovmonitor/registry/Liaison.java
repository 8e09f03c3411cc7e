package org.egovmonitor.registry;

import java.time.LocalDate;

/** An information liaison officer (信息联络员); untilDate is null for the current one. */
public record Liaison(long id, String unitCode, String name, String phone, String email, LocalDate since,
                      LocalDate untilDate) {
}
