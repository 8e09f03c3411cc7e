package org.egovmonitor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountBootstrapTest {

    private Jdbi jdbi;
    private UserService users;
    private PasswordHasher hasher;

    @BeforeEach
    void database() {
        jdbi = TestPostgres.newDatabase().jdbi();
        jdbi.useHandle(h -> h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES "
                + "('czs-jw', '计委', 'DEPARTMENT', 'DEPARTMENTS')"));
        hasher = new PasswordHasher(4);
        users = new UserService(jdbi, hasher);
    }

    private String hash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE username = :u")
                .bind("u", username).mapTo(String.class).one());
    }

    @Test
    void initialAdmin_onlyWhenNoUserExists() {
        AuthConfiguration config = new AuthConfiguration();
        config.setAdminUsername("boss");
        config.setAdminPassword("boss-password-1");
        assertThat(AccountBootstrap.initialAdmin(users, config)).isTrue();
        assertThat(users.get("boss").role()).isEqualTo(Role.OFFICE);
        config.setAdminUsername("boss2");
        assertThat(AccountBootstrap.initialAdmin(users, config)).isFalse();
    }

    @Test
    void demoAccounts_onePerRole_passwordsRegeneratedAndPrinted() {
        List<AccountBootstrap.DemoAccount> first = AccountBootstrap.demoAccounts(jdbi, users);
        assertThat(first).extracting(AccountBootstrap.DemoAccount::role)
                .containsExactly(Role.OFFICE, Role.LEADER, Role.DEPARTMENT);
        assertThat(users.get("demo-jw").unitCode()).isEqualTo("czs-jw");
        String firstPassword = first.get(1).password();
        assertThat(hasher.verify(firstPassword, hash("demo-leader"))).isTrue();

        List<AccountBootstrap.DemoAccount> second = AccountBootstrap.demoAccounts(jdbi, users);
        assertThat(hasher.verify(firstPassword, hash("demo-leader"))).isFalse();
        assertThat(hasher.verify(second.get(1).password(), hash("demo-leader"))).isTrue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccountBootstrap.print(second, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo-office").contains("demo-jw")
                .contains(second.get(2).password());
    }

    @Test
    void demoAccounts_realAccountOfSameName_leftAlone() {
        users.create(new UserRequest("demo-leader", "真领导", Role.LEADER, null, true, "real-password-1"));
        List<AccountBootstrap.DemoAccount> made = AccountBootstrap.demoAccounts(jdbi, users);
        assertThat(made).extracting(AccountBootstrap.DemoAccount::username).doesNotContain("demo-leader");
        assertThat(hasher.verify("real-password-1", hash("demo-leader"))).isTrue();
    }
}
