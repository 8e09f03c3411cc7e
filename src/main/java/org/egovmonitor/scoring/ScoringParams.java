package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.web.QueryParams;

/** Query parameters of the scoring API that QueryParams does not cover. */
final class ScoringParams {

    private ScoringParams() {
    }

    /** A YYYY-MM-DD date, or null when absent; anything else is a 422 naming the parameter. */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), QueryParams.DAY);
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(FieldError.of(name, Messages.get("error.field.date"))));
        }
    }
}
