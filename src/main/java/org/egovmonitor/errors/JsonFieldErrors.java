package org.egovmonitor.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.egovmonitor.platform.Messages;

/**
 * Turns Jackson's binding failures (wrong type, unknown enum value, bad date, unknown field) into a field error in
 * Chinese. Shared by the API (422 responses) and the registry importer (line errors), so both say the same thing.
 */
public final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    public static FieldError from(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            field = Messages.get("error.field.body");
        }
        return FieldError.of(field, reason(e));
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof RejectedValueException rejected) {
            return rejected.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Messages.get("error.field.unknown");
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return Messages.get("error.field.oneOf", allowed);
            }
            if (target == LocalDate.class) {
                return Messages.get("error.field.date");
            }
            if (target == Double.class || target == double.class || target == Float.class || target == float.class
                    || target == BigDecimal.class) {
                return Messages.get("error.field.number");
            }
            if (target != null && (Number.class.isAssignableFrom(target) || target == int.class
                    || target == long.class)) {
                return Messages.get("error.field.integer");
            }
            if (target == Boolean.class || target == boolean.class) {
                return Messages.get("error.field.boolean");
            }
            if (target != null && java.util.List.class.isAssignableFrom(target)) {
                return Messages.get("error.field.list");
            }
            if (e instanceof InvalidFormatException) {
                return Messages.get("error.badFormat");
            }
            return Messages.get("error.field.type");
        }
        return Messages.get("error.field.unparseable");
    }
}
