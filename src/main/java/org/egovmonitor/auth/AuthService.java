package org.egovmonitor.auth;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.egovmonitor.errors.NotAuthenticatedException;
import org.jdbi.v3.core.Jdbi;

/**
 * Login, sessions and HTTP Basic. Unknown user, disabled user and wrong password fail alike (same message, one
 * bcrypt check each, so the same time). The {@link LoginThrottle} is asked before the password is checked; HTTP Basic
 * goes through it too, except for credentials the {@link CredentialCache} verified a moment ago (their caller proved
 * the password already). Session times come from the injected clock.
 */
public class AuthService {

    private static final Pattern SESSION_ID = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuthConfiguration config;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Null when {@code basicCacheTtl} is 0: every Basic request is checked with bcrypt. */
    private final CredentialCache basicCache;

    public AuthService(Jdbi jdbi, PasswordHasher hasher, AuthConfiguration config, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
        this.throttle = new LoginThrottle(jdbi, clock, config);
        this.basicCache = config.getBasicCacheTtl().toNanoseconds() == 0 ? null
                : new CredentialCache(config.getBasicCacheTtl().toJavaDuration(), clock);
    }

    /**
     * A new session. The session this browser sent along (if any, whoever's it was) ends: logging in again never
     * leaves an older session of the same cookie alive. Sessions of other browsers and devices are left alone.
     */
    public LoginResult login(String username, String password, String clientIp, String userAgent,
                             String previousSessionId) {
        User user = checkCredentials(normalise(username, password), password, ip(clientIp)).user();
        String sessionId = Tokens.newSessionId();
        OffsetDateTime now = now();
        jdbi.useTransaction(h -> {
            SessionDao sessions = h.attach(SessionDao.class);
            if (previousSessionId != null && SESSION_ID.matcher(previousSessionId).matches()) {
                sessions.delete(Tokens.sha256(previousSessionId));
            }
            sessions.deleteExpired(now, idleSeconds());
            sessions.insert(Tokens.sha256(sessionId), user.username(), now,
                    config.getSessionAbsoluteTimeout().toSeconds(), clientIp,
                    userAgent == null ? null : truncate(userAgent, 300));
            h.attach(UserDao.class).touchLastLogin(user.username());
        });
        return new LoginResult(caller(user, AuthMethod.SESSION, Tokens.csrfToken(sessionId)), sessionId);
    }

    /** HTTP Basic: the same checks as the login form, without a session, and cached briefly (see the class). */
    public Caller basic(String username, String password, String clientIp) {
        String name = normalise(username, password);
        String ip = ip(clientIp);
        if (basicCache == null || name.isEmpty() || password == null) {
            return caller(checkCredentials(name, password, ip).user(), AuthMethod.BASIC, null);
        }
        String key = basicCache.key(name, password);
        Optional<String> currentHash = jdbi.withExtension(UserDao.class, dao -> dao.enabledPasswordHash(name));
        if (currentHash.isEmpty() || basicCache.valid(key, currentHash.get()) == null) {
            basicCache.verifyOnce(key, ip, currentHash.orElse(null), () -> checkCredentials(name, password, ip));
        }
        // The row as it is now: a role or unit changed since the check applies at once.
        User user = jdbi.withExtension(UserDao.class, dao -> dao.find(name)).filter(User::enabled)
                .orElseThrow(() -> new NotAuthenticatedException(BAD_CREDENTIALS));
        return caller(user, AuthMethod.BASIC, null);
    }

    /** The caller of a live session, refreshing its idle clock; empty when unknown, expired or the user disabled. */
    public Optional<Caller> session(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        double idle = idleSeconds();
        double refresh = Math.min(60, idle / 10);
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> h.attach(SessionDao.class).liveUser(Tokens.sha256(sessionId), now, idle,
                        refresh)
                .flatMap(name -> h.attach(UserDao.class).find(name))
                .map(user -> caller(user, AuthMethod.SESSION, Tokens.csrfToken(sessionId))));
    }

    public void logout(String sessionId) {
        if (sessionId != null && SESSION_ID.matcher(sessionId).matches()) {
            jdbi.useExtension(SessionDao.class, dao -> dao.delete(Tokens.sha256(sessionId)));
        }
    }

    /** Refuses control characters before anything is looked up; the name as stored (lower case, at most 64). */
    private static String normalise(String username, String password) {
        if (ControlChars.containsAny(username) || ControlChars.containsAny(password)) {
            throw new MalformedCredentialsException();
        }
        return username == null ? "" : truncate(username.strip().toLowerCase(Locale.ROOT), 64);
    }

    private CredentialCache.Verified checkCredentials(String name, String password, String ip) {
        throttle.begin(name, ip);
        String hash = name.isEmpty() ? null
                : jdbi.withExtension(UserDao.class, dao -> dao.enabledPasswordHash(name)).orElse(null);
        if (!hasher.verify(password, hash)) {
            throw new NotAuthenticatedException(BAD_CREDENTIALS);
        }
        throttle.succeeded(name, ip);
        User user = jdbi.withExtension(UserDao.class, dao -> dao.find(name))
                .orElseThrow(() -> new NotAuthenticatedException(BAD_CREDENTIALS));
        return new CredentialCache.Verified(user, hash);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String ip(String clientIp) {
        return clientIp == null ? "unknown" : clientIp;
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
