package org.egovmonitor.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.egovmonitor.errors.TooManyAttemptsException;
import org.jdbi.v3.core.Jdbi;

/**
 * Growing delays after failed logins, instead of a lock.
 *
 * <p>A name may fail {@code maxFailuresPerUser} times within {@code failureWindow} freely; after that, each further
 * attempt on it has to wait {@code failureDelay}, doubled for every further failure, at most {@code maxFailureDelay},
 * counted from its newest failure. That delay holds only for addresses that have themselves failed on the name: an
 * address with no failure on it is never held back, so a stranger hammering the office account cannot keep the
 * office out. An address likewise may fail {@code maxFailuresPerIp} times (over all names) before its own attempts
 * are delayed the same way; that slows a spray over many names, and only that address — except for names that
 * signed in successfully from it within {@link #KNOWN_CLIENT} (the people who work there): behind a shared address
 * (an office's NAT, a proxy not in {@code trustedProxies}) one person's or an attacker's failures must not keep
 * everybody else out. Their own per-name delays still hold.
 *
 * <p>An attempt is recorded as a failure <em>before</em> its password is checked and cleared when it succeeds, with
 * the check-and-record serialised per name and per address: a burst of parallel guesses gets no more tries than the
 * same guesses one after another. Times come from the injected clock (tests move it instead of sleeping).
 */
public class LoginThrottle {

    /** How long a successful sign-in exempts that name at that address from the address's delays. */
    static final Duration KNOWN_CLIENT = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuthConfiguration config;

    public LoginThrottle(Jdbi jdbi, Clock clock, AuthConfiguration config) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Lets an attempt of {@code username} from {@code clientIp} go on, recorded as failed until {@link #succeeded};
     * throws {@link TooManyAttemptsException} (with the wait) when it must wait.
     */
    public void begin(String username, String clientIp) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime since = now.minus(config.getFailureWindow().toJavaDuration());
        jdbi.useTransaction(h -> {
            LoginFailureDao dao = h.attach(LoginFailureDao.class);
            // Always the name first, then the address: one lock order, no deadlock.
            dao.lock("login-user:" + username);
            dao.lock("login-ip:" + clientIp);
            LoginFailureDao.Failures byName = dao.ofUser(username, clientIp, since);
            LoginFailureDao.Failures byAddress = dao.ofAddress(clientIp, since);
            Duration addressWait = wait(byAddress, config.getMaxFailuresPerIp(), now);
            // Looked up only when the address is held back: most attempts come from addresses that are not.
            if (!addressWait.isZero() && dao.succeededFrom(username, clientIp, now.minus(KNOWN_CLIENT))) {
                addressWait = Duration.ZERO;
            }
            Duration wait = max(byName.fromAddress() == 0 ? Duration.ZERO
                            : wait(byName, config.getMaxFailuresPerUser(), now), addressWait);
            if (!wait.isZero()) {
                throw new TooManyAttemptsException(ceilSeconds(wait));
            }
            dao.insert(username, clientIp, now);
            dao.deleteOlderThan(since);
        });
    }

    /**
     * The attempt begun by {@link #begin} had the right password: the address's failures on the name go, and the
     * address becomes one the name is known at.
     */
    public void succeeded(String username, String clientIp) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            LoginFailureDao dao = h.attach(LoginFailureDao.class);
            dao.clear(username, clientIp);
            dao.recordSuccess(username, clientIp, now);
            dao.deleteSuccessesOlderThan(now.minus(KNOWN_CLIENT));
        });
    }

    /** Zero below the free failures; else until the newest failure plus base × 2^(extra failures), capped. */
    Duration wait(LoginFailureDao.Failures failures, int free, OffsetDateTime now) {
        if (failures.count() < free || failures.last() == null) {
            return Duration.ZERO;
        }
        Duration cap = config.getMaxFailureDelay().toJavaDuration();
        int doublings = Math.min(failures.count() - free, 40);
        Duration delay = config.getFailureDelay().toJavaDuration().multipliedBy(1L << Math.min(doublings, 30));
        if (doublings >= 30 || delay.compareTo(cap) > 0) {
            delay = cap;
        }
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long ceilSeconds(Duration d) {
        long seconds = d.getSeconds();
        return d.getNano() > 0 ? seconds + 1 : Math.max(seconds, 1);
    }
}
