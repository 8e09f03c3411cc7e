package org.egovmonitor.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.egovmonitor.errors.RejectedValueException;
import org.egovmonitor.platform.Messages;

/**
 * Values every JSON reader of the service refuses, whatever the target field (requests, the registry file, stored
 * JSON): non-finite numbers (NaN and ±Infinity, written as "NaN" or an overflowing 1e400: a NaN weight compared
 * false with every bound and reordered the ranking), control characters in strings other than tab and line breaks
 * (PostgreSQL refuses NUL; the others forge log lines), and dates outside the years 1–9999 or given as a number of
 * days (PostgreSQL's range is smaller than Java's). Each is a field error naming the field (422 on the API).
 */
public final class StrictJsonModule extends SimpleModule {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    public StrictJsonModule() {
        super("egov-strict-json");
        addDeserializer(String.class, new TextDeserializer());
        addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        addDeserializer(double.class, new FiniteDouble(double.class, 0.0));
        addDeserializer(Float.class, new FiniteFloat(Float.class, null));
        addDeserializer(float.class, new FiniteFloat(float.class, 0.0f));
        addDeserializer(LocalDate.class, new BoundedDate());
    }

    /** The text with control characters shown as \\uXXXX, for messages that repeat a refused value. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static final class TextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (ParameterCheckFilter.hasControl(value, true)) {
                throw new RejectedValueException(p,
                        Messages.get("error.web.controlCharacters"), printable(value), String.class);
            }
            return value;
        }
    }

    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return finite(p, super.deserialize(p, ctxt));
        }
    }

    private static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {
        FiniteFloat(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return finite(p, super.deserialize(p, ctxt));
        }
    }

    private static <N extends Number> N finite(JsonParser p, N value) throws RejectedValueException {
        if (value != null && !Double.isFinite(value.doubleValue())) {
            throw new RejectedValueException(p, Messages.get("error.web.finiteNumber"), value, value.getClass());
        }
        return value;
    }

    /** The JSR-310 reader (ISO text, the array form of stored JSON), without epoch days, within 1–9999. */
    private static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw new RejectedValueException(p, Messages.get("error.field.date"), p.getText(), LocalDate.class);
            }
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
                throw new RejectedValueException(p, Messages.get("error.web.yearBetween", MIN_YEAR, MAX_YEAR), date,
                        LocalDate.class);
            }
            return date;
        }
    }

    /**
     * ISO dates on the wire; unknown request fields, non-finite numbers, control characters in strings and dates
     * outside 1–9999 are errors rather than silently dropped or passed on (StrictJsonModule).
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new StrictJsonModule());
    }
}
