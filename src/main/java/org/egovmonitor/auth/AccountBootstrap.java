package org.egovmonitor.auth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.errors.ApiException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts that exist before anybody can log in: the first office account from the environment, and in demo mode
 * one account per role. Demo passwords are regenerated at every demo start and printed to stderr (the hash cannot be
 * turned back into the password, and a fixed well-known demo password would be a standing hole on a reachable
 * server); only accounts flagged demo are touched, so a real account named like one is left alone.
 */
public final class AccountBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AccountBootstrap.class);

    /** The demo department account's unit (市计委, in the demo registry). */
    public static final String DEMO_UNIT = "czs-jw";

    public record DemoAccount(String username, Role role, String unitCode, String displayName, String password) {
    }

    private AccountBootstrap() {
    }

    /** Creates the configured office account when there is no user at all. Returns whether it did. */
    public static boolean initialAdmin(UserService users, AuthConfiguration config) {
        String username = config.getAdminUsername() == null ? "" : config.getAdminUsername().strip();
        String password = config.getAdminPassword() == null ? "" : config.getAdminPassword();
        if (username.isEmpty() || users.count() > 0) {
            return false;
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("EGOV_ADMIN_USER is set but EGOV_ADMIN_PASSWORD is empty");
        }
        try {
            users.create(new UserRequest(username, "信息化办公室管理员", Role.OFFICE, null, true, password));
        } catch (ApiException e) {
            throw new IllegalStateException("Cannot create the initial office account " + ControlChars.escape(username)
                    + ": " + e.getMessage() + " " + e.errors(), e);
        }
        LOG.info("Created the initial office account {}", ControlChars.escape(username));
        return true;
    }

    public static List<DemoAccount> demoAccounts(Jdbi jdbi, UserService users) {
        List<DemoAccount> wanted = List.of(
                new DemoAccount("demo-office", Role.OFFICE, null, "演示·信息化办公室", Tokens.newPassword()),
                new DemoAccount("demo-leader", Role.LEADER, null, "演示·市领导", Tokens.newPassword()),
                new DemoAccount("demo-jw", Role.DEPARTMENT, DEMO_UNIT, "演示·市计委", Tokens.newPassword()));
        List<DemoAccount> ready = new ArrayList<>();
        for (DemoAccount a : wanted) {
            var existing = jdbi.withExtension(UserDao.class, dao -> dao.find(a.username()));
            if (existing.isEmpty()) {
                users.create(new UserRequest(a.username(), a.displayName(), a.role(), a.unitCode(), true,
                        a.password()), true);
                ready.add(a);
            } else if (existing.get().demo()) {
                users.resetPassword(a.username(), a.password());
                ready.add(a);
            } else {
                LOG.warn("User {} exists and is not a demo account: left unchanged", a.username());
            }
        }
        return ready;
    }

    public static void print(List<DemoAccount> accounts, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n================ 演示账号（本次启动新生成的密码，重启后会更换） ================\n");
        for (DemoAccount a : accounts) {
            sb.append(String.format("  %-8s 用户名 %-12s 密码 %s%s%n", a.role(), a.username(), a.password(),
                    a.unitCode() == null ? "" : "  （单位 " + a.unitCode() + "）"));
        }
        sb.append("  登录页面：/login.html\n");
        sb.append("================================================================================\n");
        out.print(sb);
        out.flush();
    }
}
