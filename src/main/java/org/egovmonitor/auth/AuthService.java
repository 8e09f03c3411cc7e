package org.egovmonitor.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Login, sessions and HTTP Basic. Unknown user, disabled user and wrong password fail alike (same message, one
 * bcrypt check each, so the same time); throttling is checked before the password, so a blocked name stays blocked
 * even for the right password until the window frees up. Basic auth goes through the same throttle.
 */
public class AuthService {

    private static final Pattern SESSION_ID = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuthConfiguration config;

    public AuthService(Jdbi jdbi, PasswordHasher hasher, AuthConfiguration config) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.config = config;
    }

    public LoginResult login(String username, String password, String clientIp, String userAgent) {
        User user = checkCredentials(username, password, clientIp);
        String sessionId = Tokens.newSessionId();
        jdbi.useTransaction(h -> {
            SessionDao sessions = h.attach(SessionDao.class);
            sessions.deleteExpired(idleSeconds());
            sessions.insert(Tokens.sha256(sessionId), user.username(), config.getSessionAbsoluteTimeout().toSeconds(),
                    clientIp, userAgent == null ? null : truncate(userAgent, 300));
            h.attach(UserDao.class).touchLastLogin(user.username());
        });
        return new LoginResult(caller(user, AuthMethod.SESSION, Tokens.csrfToken(sessionId)), sessionId);
    }

    /** HTTP Basic: the same checks as the login form, without a session. */
    public Caller basic(String username, String password, String clientIp) {
        return caller(checkCredentials(username, password, clientIp), AuthMethod.BASIC, null);
    }

    /** The caller of a live session, refreshing its idle clock; empty when unknown, expired or the user disabled. */
    public Optional<Caller> session(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        double idle = idleSeconds();
        double refresh = Math.min(60, idle / 10);
        return jdbi.inTransaction(h -> h.attach(SessionDao.class).liveUser(Tokens.sha256(sessionId), idle, refresh)
                .flatMap(name -> h.attach(UserDao.class).find(name))
                .map(user -> caller(user, AuthMethod.SESSION, Tokens.csrfToken(sessionId))));
    }

    public void logout(String sessionId) {
        if (sessionId != null && SESSION_ID.matcher(sessionId).matches()) {
            jdbi.useExtension(SessionDao.class, dao -> dao.delete(Tokens.sha256(sessionId)));
        }
    }

    private User checkCredentials(String username, String password, String clientIp) {
        String name = username == null ? "" : truncate(username.strip().toLowerCase(Locale.ROOT), 64);
        String ip = clientIp == null ? "unknown" : clientIp;
        double window = config.getFailureWindow().toSeconds();
        long blocked = jdbi.withExtension(LoginFailureDao.class, dao -> dao.blockedSeconds(name, ip, window,
                config.getMaxFailuresPerUser(), config.getMaxFailuresPerIp()));
        if (blocked > 0) {
            throw new TooManyAttemptsException(blocked);
        }
        String hash = name.isEmpty() ? null
                : jdbi.withExtension(UserDao.class, dao -> dao.enabledPasswordHash(name)).orElse(null);
        if (!hasher.verify(password, hash)) {
            jdbi.useExtension(LoginFailureDao.class, dao -> {
                dao.deleteOlderThan(window);
                dao.insert(name, ip);
            });
            throw new NotAuthenticatedException(BAD_CREDENTIALS);
        }
        jdbi.useExtension(LoginFailureDao.class, dao -> dao.clearUser(name));
        return jdbi.withExtension(UserDao.class, dao -> dao.find(name)).orElseThrow(NotAuthenticatedException::new);
    }

    private double idleSeconds() {
        return config.getSessionIdleTimeout().toSeconds();
    }

    private static Caller caller(User user, AuthMethod method, String csrf) {
        return new Caller(user.username(), user.displayName(), user.role(), user.unitCode(), method, csrf);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
