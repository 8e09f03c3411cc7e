package org.egovmonitor.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic credentials verified a moment ago, so that a script's requests do not each pay for a bcrypt check.
 *
 * <p>An entry is keyed by an HMAC of username and password under a random key made at start (never the password,
 * nor a plain hash of it that could be guessed offline) and holds the bcrypt hash the password was checked against.
 * It is honoured only while the user's current hash, read fresh on every request, is still that hash: a password
 * change (a new salt, so a new hash), a disabled or deleted account (no hash) ends it at once on every node, without
 * any message between nodes; role and unit come from the fresh user row anyway. Entries also expire after a short
 * TTL. Identical credentials arriving together from one address share one check (one bcrypt for a burst).
 */
final class CredentialCache {

    /** What a check proved: this user's password matched this hash. */
    record Verified(User user, String passwordHash) {
    }

    private final Cache<String, Verified> verified;
    private final ConcurrentHashMap<String, CompletableFuture<Verified>> inFlight = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    CredentialCache(Duration ttl, Clock clock) {
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // usernames never hold NUL (refused at the edge): "ab"+"c" and "a"+"bc" differ
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** The entry of {@code key} if it is still backed by {@code currentHash}; an outdated one is dropped. */
    Verified valid(String key, String currentHash) {
        Verified v = verified.getIfPresent(key);
        if (v == null) {
            return null;
        }
        if (!v.passwordHash().equals(currentHash)) {
            verified.invalidate(key);
            return null;
        }
        return v;
    }

    /**
     * Runs {@code check} once for all callers of the same key and address at the same moment, caches a success, and
     * hands every caller the same outcome (a failure is rethrown to each of them).
     */
    Verified verifyOnce(String key, String clientIp, String currentHash, Supplier<Verified> check) {
        String flight = key + "@" + clientIp;
        CompletableFuture<Verified> mine = new CompletableFuture<>();
        CompletableFuture<Verified> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            // A check that ended just before this one began has cached its result (it caches before it leaves).
            Verified cached = currentHash == null ? null : valid(key, currentHash);
            Verified v = cached != null ? cached : check.get();
            verified.put(key, v);
            mine.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight, mine);
        }
    }
}
