package org.egovmonitor.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

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
            field = "(请求体)";
        }
        return FieldError.of(field, reason(e));
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof RejectedValueException rejected) {
            return rejected.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "未知字段";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return "取值必须是以下之一：" + allowed;
            }
            if (target == LocalDate.class) {
                return "日期格式应为 YYYY-MM-DD";
            }
            if (target == Double.class || target == double.class || target == Float.class || target == float.class
                    || target == BigDecimal.class) {
                return "应为数字";
            }
            if (target != null && (Number.class.isAssignableFrom(target) || target == int.class
                    || target == long.class)) {
                return "应为整数";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "应为 true 或 false";
            }
            if (target != null && java.util.List.class.isAssignableFrom(target)) {
                return "应为列表";
            }
            if (e instanceof InvalidFormatException) {
                return "格式不正确";
            }
            return "类型不正确";
        }
        return "无法解析";
    }
}
