package org.egovmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.egovmonitor.auth.PasswordHasher;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** unlock-user as an administrator runs it when nobody can log in: separate JVM, the user's failures forgotten. */
class UnlockUserCommandTest {

    private Map<String, String> env;
    private Jdbi jdbi;

    @BeforeEach
    void database() {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        env = db.appEnv();
        jdbi = db.jdbi();
    }

    private int failures(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM login_failures WHERE username = :u")
                .bind("u", username).mapTo(Integer.class).one());
    }

    @Test
    void unlockUser_forgetsTheUsersFailuresOnly() throws Exception {
        String hash = new PasswordHasher(4).hash("locked-out-password");
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO users (username, password_hash, role, display_name) VALUES "
                    + "('cli-locked', ?, 'OFFICE', '办公室'), ('cli-other', ?, 'LEADER', '领导')", hash, hash);
            for (int i = 0; i < 7; i++) {
                h.execute("INSERT INTO login_failures (username, client_ip) VALUES ('cli-locked', '10.9.9." + i + "')");
            }
            h.execute("INSERT INTO login_failures (username, client_ip) VALUES ('cli-other', '10.9.9.1')");
        });

        AppProcess.Result r = AppProcess.run(env, "unlock-user", "--username", "cli-locked");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("已解除用户 cli-locked 的登录等待").contains("7 条失败记录");
        assertThat(failures("cli-locked")).isZero();
        assertThat(failures("cli-other")).isEqualTo(1);
    }

    @Test
    void unlockUser_unknownUser_failsInChinese() throws Exception {
        AppProcess.Result r = AppProcess.run(env, "unlock-user", "--username", "nobody-here");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("未找到用户：nobody-here");
    }
}
