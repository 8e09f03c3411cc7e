package org.egovmonitor.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.RegistryValidator;

/**
 * The rules of a LAN / OA self-report, as a pure function (same shape as {@link RegistryValidator}): every broken
 * rule is reported with its field and a Chinese reason. Whether the unit exists is the caller's business (404).
 */
public final class SelfReportValidator {

    /** More than this many computers per staff member is a typing error, not a well-equipped office. */
    public static final int MAX_COMPUTERS_PER_STAFF = 100;
    static final int MAX_COUNT = 100_000;
    static final int MAX_TEXT = 500;
    static final int MAX_OTHER_SYSTEMS = 20;

    private SelfReportValidator() {
    }

    public static RegistryValidator.Checked<SelfReportRequest> check(SelfReportRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (r.reportDate() == null) {
            errors.add(FieldError.of("reportDate", Messages.get("error.field.required")));
        } else if (r.reportDate().isAfter(today)) {
            errors.add(FieldError.of("reportDate", Messages.get("error.selfReport.dateAfterToday")));
        }
        required(errors, "lanPresent", r.lanPresent());
        required(errors, "internetAccess", r.internetAccess());
        required(errors, "oaInUse", r.oaInUse());
        required(errors, "egovConnected", r.egovConnected());
        Integer computers = count(errors, "computers", r.computers(), true);
        Integer staff = count(errors, "staff", r.staff(), true);
        Integer networked = count(errors, "networkedComputers", r.networkedComputers(), false);
        int net = networked == null ? 0 : networked;

        if (computers != null && staff != null && computers > (long) MAX_COMPUTERS_PER_STAFF * staff) {
            errors.add(FieldError.of("computers", staff == 0 ? Messages.get("error.selfReport.computersWithoutStaff")
                    : Messages.get("error.selfReport.computersPerStaff", MAX_COMPUTERS_PER_STAFF)));
        }
        if (computers != null && networked != null && networked > computers) {
            errors.add(FieldError.of("networkedComputers", Messages.get("error.selfReport.networkedOverTotal")));
        }
        if (Boolean.FALSE.equals(r.lanPresent()) && net > 0) {
            errors.add(FieldError.of("networkedComputers", Messages.get("error.selfReport.networkedWithoutLan")));
        }
        if (computers != null && computers == 0) {
            if (Boolean.TRUE.equals(r.lanPresent())) {
                errors.add(FieldError.of("lanPresent", Messages.get("error.selfReport.lanWithoutComputers")));
            }
            if (Boolean.TRUE.equals(r.oaInUse())) {
                errors.add(FieldError.of("oaInUse", Messages.get("error.selfReport.oaWithoutComputers")));
            }
            if (Boolean.TRUE.equals(r.internetAccess())) {
                errors.add(FieldError.of("internetAccess", Messages.get("error.selfReport.internetWithoutComputers")));
            }
        }

        List<SystemInUse> systems = r.systems() == null ? List.of() : r.systems();
        if (systems.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(FieldError.of("systems", Messages.get("error.field.blankItem")));
        }
        List<SystemInUse> distinct = List.copyOf(new LinkedHashSet<>(systems.stream().filter(s -> s != null)
                .toList()));
        if (distinct.contains(SystemInUse.OA) && Boolean.FALSE.equals(r.oaInUse())) {
            errors.add(FieldError.of("systems", Messages.get("error.selfReport.oaSystemWithoutOa")));
        }
        if (!distinct.isEmpty() && computers != null && computers == 0) {
            errors.add(FieldError.of("systems", Messages.get("error.selfReport.systemsWithoutComputers")));
        }
        List<String> others = new ArrayList<>();
        if (r.otherSystems() != null) {
            for (String o : r.otherSystems()) {
                String t = o == null ? null : o.strip();
                if (t == null || t.isEmpty()) {
                    errors.add(FieldError.of("otherSystems", Messages.get("error.field.blankItem")));
                } else if (t.length() > 100) {
                    errors.add(FieldError.of("otherSystems", Messages.get("error.field.itemTooLong", 100)));
                } else if (!others.contains(t)) {
                    others.add(t);
                }
            }
            if (others.size() > MAX_OTHER_SYSTEMS) {
                errors.add(FieldError.of("otherSystems", Messages.get("error.field.tooManyItems", MAX_OTHER_SYSTEMS)));
            }
        }
        String note = text(errors, "note", r.note());
        String submittedBy = text(errors, "submittedBy", r.submittedBy());
        if (!errors.isEmpty()) {
            return new RegistryValidator.Checked<>(null, errors);
        }
        return new RegistryValidator.Checked<>(new SelfReportRequest(r.reportDate(), r.lanPresent(), computers, net,
                staff, r.internetAccess(), r.oaInUse(), r.egovConnected(), distinct, List.copyOf(others), note,
                submittedBy), errors);
    }

    private static void required(List<FieldError> errors, String field, Boolean value) {
        if (value == null) {
            errors.add(FieldError.of(field, Messages.get("error.selfReport.yesNoRequired")));
        }
    }

    private static Integer count(List<FieldError> errors, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(FieldError.of(field, Messages.get("error.field.required")));
            }
            return null;
        }
        if (value < 0) {
            errors.add(FieldError.of(field, Messages.get("error.field.notNegative")));
            return null;
        }
        if (value > MAX_COUNT) {
            errors.add(FieldError.of(field, Messages.get("error.field.notOver", MAX_COUNT)));
            return null;
        }
        return value;
    }

    private static String text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > MAX_TEXT) {
            errors.add(FieldError.of(field, Messages.get("error.field.tooLong", MAX_TEXT)));
            return null;
        }
        return t;
    }
}
