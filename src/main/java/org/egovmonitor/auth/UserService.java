package org.egovmonitor.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * User administration. Changing a user's password, role, unit or enabled flag ends their sessions, so a demoted or
 * disabled user loses access at once. The last enabled office account can be neither deleted, disabled nor demoted,
 * and nobody can delete, disable or demote themselves: the platform never locks its administrators out.
 */
public class UserService {

    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,31}$");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final Jdbi jdbi;
    private final PasswordHasher hasher;

    public UserService(Jdbi jdbi, PasswordHasher hasher) {
        this.jdbi = jdbi;
        this.hasher = hasher;
    }

    public List<User> list() {
        return jdbi.withExtension(UserDao.class, UserDao::findAll);
    }

    public User get(String username) {
        return jdbi.withExtension(UserDao.class, dao -> dao.find(username))
                .orElseThrow(() -> userNotFound(username));
    }

    public User create(UserRequest request) {
        return create(request, false);
    }

    User create(UserRequest request, boolean demo) {
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? null : request.username().strip();
        if (username == null || username.isEmpty()) {
            errors.add(FieldError.of("username", Messages.get("error.field.required")));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", Messages.get("error.user.usernameFormat")));
        }
        checkPassword(request.password(), true, username, displayName(request, username), errors);
        return jdbi.inTransaction(h -> {
            String unit = checkRoleAndUnit(h, request, errors);
            ValidationException.throwIfAny(errors);
            UserDao users = h.attach(UserDao.class);
            if (users.find(username).isPresent()) {
                throw new ConflictException(Messages.get("error.user.exists", username));
            }
            users.insert(username, hasher.hash(request.password()), request.role(), unit,
                    displayName(request, username), request.enabled() == null || request.enabled(), demo);
            return users.find(username).orElseThrow();
        });
    }

    public User update(String username, UserRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (request.username() != null && !request.username().strip().equals(username)) {
            errors.add(FieldError.of("username", Messages.get("error.user.usernameMismatch")));
        }
        checkPassword(request.password(), false, username, displayName(request, username), errors);
        if (request.password() != null && caller != null && caller.username().equals(username)) {
            checkCurrentPassword(username, request.currentPassword(), errors);
        }
        return jdbi.inTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            User current = users.find(username).orElseThrow(() -> userNotFound(username));
            String unit = checkRoleAndUnit(h, request, errors);
            ValidationException.throwIfAny(errors);
            boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
            boolean losesOffice = current.role() == Role.OFFICE && current.enabled()
                    && (request.role() != Role.OFFICE || !enabled);
            if (losesOffice && caller != null && caller.username().equals(username)) {
                throw new ConflictException(Messages.get("error.user.notSelfDisable"));
            }
            if (losesOffice && users.countEnabledOffice() <= 1) {
                throw new ConflictException(Messages.get("error.user.lastOfficeDisable"));
            }
            users.update(username, request.role(), unit, displayName(request, username), enabled);
            boolean passwordChanged = request.password() != null;
            if (passwordChanged) {
                users.setPasswordHash(username, hasher.hash(request.password()));
            }
            if (passwordChanged || !enabled || current.role() != request.role()
                    || !java.util.Objects.equals(current.unitCode(), unit)) {
                h.attach(SessionDao.class).deleteForUser(username);
            }
            return users.find(username).orElseThrow();
        });
    }

    /**
     * Any signed-in user changes their own password (leaders and departments have no other way): the current
     * password is required, the new one meets the same rules as everywhere, and every session of the user ends.
     */
    public void changeOwnPassword(Caller caller, PasswordChange change) {
        if (change == null) {
            throw new ValidationException(List.of(FieldError.of("password", Messages.get("error.field.required"))));
        }
        String username = caller.username();
        List<FieldError> errors = new ArrayList<>();
        User user = jdbi.withExtension(UserDao.class, d -> d.find(username))
                .orElseThrow(() -> userNotFound(username));
        checkPassword(change.password(), true, username, user.displayName(), errors);
        checkCurrentPassword(username, change.currentPassword(), errors);
        ValidationException.throwIfAny(errors);
        jdbi.useTransaction(h -> {
            h.attach(UserDao.class).setPasswordHash(username, hasher.hash(change.password()));
            h.attach(SessionDao.class).deleteForUser(username);
        });
    }

    public void delete(String username, Caller caller) {
        jdbi.useTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            User current = users.find(username).orElseThrow(() -> userNotFound(username));
            if (caller != null && caller.username().equals(username)) {
                throw new ConflictException(Messages.get("error.user.notSelfDelete"));
            }
            if (current.role() == Role.OFFICE && current.enabled() && users.countEnabledOffice() <= 1) {
                throw new ConflictException(Messages.get("error.user.lastOfficeDelete"));
            }
            users.delete(username); // sessions go with it (ON DELETE CASCADE)
        });
    }

    /** Sets a new password (CLI, demo). Ends the user's sessions. */
    public void resetPassword(String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        String displayName = jdbi.withExtension(UserDao.class, dao -> dao.find(username)).map(User::displayName)
                .orElse(null);
        checkPassword(password, true, username, displayName, errors);
        ValidationException.throwIfAny(errors);
        jdbi.useTransaction(h -> {
            if (h.attach(UserDao.class).setPasswordHash(username, hasher.hash(password)) == 0) {
                throw userNotFound(username);
            }
            h.attach(SessionDao.class).deleteForUser(username);
        });
    }

    /**
     * Forgets every failed login of the user, so that no address has to wait before its next attempt (the office's
     * answer to somebody hammering an account). Returns how many failures were forgotten.
     */
    public int unlock(String username) {
        return jdbi.inTransaction(h -> {
            h.attach(UserDao.class).find(username).orElseThrow(() -> userNotFound(username));
            return h.attach(LoginFailureDao.class).clearUser(username);
        });
    }

    public int count() {
        return jdbi.withExtension(UserDao.class, UserDao::count);
    }

    private static String displayName(UserRequest request, String username) {
        String name = request.displayName() == null ? "" : request.displayName().strip();
        return name.isEmpty() ? username : name;
    }

    /** One's own password is changed only by who knows it: a stolen session alone cannot take the account over. */
    private void checkCurrentPassword(String username, String currentPassword, List<FieldError> errors) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add(FieldError.of("currentPassword", Messages.get("error.user.currentPasswordRequired")));
            return;
        }
        String hash = jdbi.withExtension(UserDao.class, dao -> dao.enabledPasswordHash(username)).orElse(null);
        if (ControlChars.containsAny(currentPassword) || !hasher.verify(currentPassword, hash)) {
            errors.add(FieldError.of("currentPassword", Messages.get("error.user.currentPasswordWrong")));
        }
    }

    private static void checkPassword(String password, boolean required, String username, String displayName,
                                      List<FieldError> errors) {
        if (password == null) {
            if (required) {
                errors.add(FieldError.of("password", Messages.get("error.field.required")));
            }
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(FieldError.of("password", Messages.get("error.user.passwordTooShort", MIN_PASSWORD_LENGTH)));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            errors.add(FieldError.of("password", Messages.get("error.user.passwordTooLong", PasswordHasher.MAX_BYTES)));
        } else {
            PasswordPolicy.problem(password, username, displayName)
                    .ifPresent(reason -> errors.add(FieldError.of("password", reason)));
        }
    }

    /** Returns the unit code to store (null for OFFICE and LEADER). */
    private static String checkRoleAndUnit(Handle h, UserRequest request, List<FieldError> errors) {
        String unit = request.unitCode() == null || request.unitCode().isBlank() ? null : request.unitCode().strip();
        if (request.displayName() != null && request.displayName().strip().length() > 100) {
            errors.add(FieldError.of("displayName", Messages.get("error.user.displayNameTooLong")));
        }
        if (request.role() == null) {
            errors.add(FieldError.of("role", Messages.get("error.user.role")));
            return unit;
        }
        if (request.role() == Role.DEPARTMENT) {
            if (unit == null) {
                errors.add(FieldError.of("unitCode", Messages.get("error.user.unitRequired")));
            } else if (h.attach(UserDao.class).unitName(unit).isEmpty()) {
                errors.add(FieldError.of("unitCode", Messages.get("error.registry.unitMissing", unit)));
            }
            return unit;
        }
        if (unit != null) {
            errors.add(FieldError.of("unitCode", Messages.get("error.user.unitOnlyForDepartment")));
        }
        return null;
    }

    private static NotFoundException userNotFound(String username) {
        return new NotFoundException(Messages.get("error.user.notFound", username));
    }
}
