package org.egovmonitor.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import com.codahale.metrics.Counter;

/**
 * bcrypt. Passwords longer than bcrypt's 72 bytes are refused when set (UserService), so the truncating strategy
 * only ever applies to login attempts, where it is harmless.
 */
public final class PasswordHasher {

    public static final int MAX_BYTES = 72;
    /** Metric name of the verification count (the admin port's /metrics): the cost the Basic cache saves. */
    public static final String VERIFICATIONS_METRIC = "org.egovmonitor.auth.bcrypt-verifications";

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    /** Checked when the user does not exist, so that an unknown name costs the same time as a wrong password. */
    private final String dummyHash;
    private final Counter verifications;

    public PasswordHasher(int cost) {
        this(cost, new Counter());
    }

    public PasswordHasher(int cost, Counter verifications) {
        this.cost = cost;
        this.verifications = verifications;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B));
        this.verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2B,
                LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B));
        this.dummyHash = hash(Tokens.newPassword());
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** Constant-time check (bcrypt compares digests in constant time); a null hash checks the dummy and fails. */
    public boolean verify(String password, String hash) {
        String against = hash == null ? dummyHash : hash;
        boolean empty = password == null || password.isEmpty();
        verifications.inc();
        boolean ok = verifyer.verify((empty ? "-" : password).toCharArray(), against.toCharArray()).verified;
        return ok && hash != null && !empty;
    }
}
