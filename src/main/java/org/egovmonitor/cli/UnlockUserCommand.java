package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.auth.PasswordHasher;
import org.egovmonitor.auth.UserService;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.errors.ApiException;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code unlock-user --username U}: forgets the user's failed logins, so that no address has to wait before trying
 * again (the same as the office's {@code POST /api/users/{username}/unlock}, for when no office account can log in).
 */
public class UnlockUserCommand extends DatabaseCommand {

    public UnlockUserCommand() {
        super("unlock-user", "解除用户因登录失败而产生的等待（清除其失败记录）");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("要解除的用户名");
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap) {
        String username = namespace.getString("username").strip();
        UserService users = new UserService(jdbi, new PasswordHasher(config.getAuth().getPasswordHashCost()));
        int cleared;
        try {
            cleared = users.unlock(username);
        } catch (ApiException e) {
            throw new CommandFailedException(e.getMessage());
        }
        System.out.println(Messages.get("cli.msg.userUnlocked", username, cleared));
    }
}
