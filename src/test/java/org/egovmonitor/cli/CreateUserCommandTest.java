package org.egovmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.auth.PasswordHasher;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** create-user as an administrator runs it: separate JVM, password from stdin or generated, never an argument. */
class CreateUserCommandTest {

    private Map<String, String> env;
    private Jdbi jdbi;

    @BeforeEach
    void database() {
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        env = db.appEnv();
        jdbi = db.jdbi();
    }

    private String hash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE username = :u")
                .bind("u", username).mapTo(String.class).one());
    }

    @Test
    void createUser_noPassword_generatesAndPrintsItOnce() throws Exception {
        AppProcess.Result r = AppProcess.run(env, "create-user", "--username", "cli-office", "--role", "office");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Matcher m = Pattern.compile("初始密码（只显示这一次）：(\\S+)").matcher(r.stdout());
        assertThat(m.find()).as(r.stdout()).isTrue();
        assertThat(new PasswordHasher(4).verify(m.group(1), hash("cli-office"))).isTrue();
        assertThat(hash("cli-office")).startsWith("$2b$");
    }

    @Test
    void createUser_passwordStdin_departmentBoundToUnit() throws Exception {
        jdbi.useHandle(h -> h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES "
                + "('czs-jw', '计委', 'DEPARTMENT', 'DEPARTMENTS')"));
        AppProcess.Result r = AppProcess.runWithInput(env, "stdin-password-42\n", "create-user", "--username", "cli-jw",
                "--role", "DEPARTMENT", "--unit", "czs-jw", "--password-stdin");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("cli-jw").contains("czs-jw").doesNotContain("stdin-password-42");
        assertThat(new PasswordHasher(4).verify("stdin-password-42", hash("cli-jw"))).isTrue();
    }

    @Test
    void createUser_departmentWithoutUnit_orPasswordArgument_fails() throws Exception {
        AppProcess.Result noUnit = AppProcess.run(env, "create-user", "--username", "cli-x", "--role", "DEPARTMENT");
        assertThat(noUnit.exitCode()).isNotZero();
        assertThat(noUnit.stderr()).contains("unitCode");
        AppProcess.Result pwArg = AppProcess.run(env, "create-user", "--username", "cli-y", "--role", "LEADER",
                "--password", "on-the-command-line");
        assertThat(pwArg.exitCode()).isNotZero();
        int users = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one());
        assertThat(users).isZero();
    }
}
