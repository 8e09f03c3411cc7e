package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.auth.PasswordHasher;
import org.egovmonitor.auth.Role;
import org.egovmonitor.auth.Tokens;
import org.egovmonitor.auth.User;
import org.egovmonitor.auth.UserRequest;
import org.egovmonitor.auth.UserService;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.errors.ApiException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code create-user --username U --role R [--unit CODE] [--display-name N] [--password-stdin]}. The password is
 * never an argument (it would sit in the shell history and in {@code ps}): it is read from the first line of stdin,
 * or generated and printed once.
 */
public class CreateUserCommand extends DatabaseCommand {

    public CreateUserCommand() {
        super("create-user", "创建用户账号（密码从标准输入读取，或自动生成并显示一次）");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("用户名：3–32 位小写字母、数字、. _ -");
        subparser.addArgument("--role").required(true).help(Messages.get("cli.option.createUser.role"));
        subparser.addArgument("--unit").help("单位代码（DEPARTMENT 必填）");
        subparser.addArgument("--display-name").dest("displayName").help("显示名称（默认为用户名）");
        subparser.addArgument("--password-stdin").dest("passwordStdin").action(
                net.sourceforge.argparse4j.impl.Arguments.storeTrue()).help("从标准输入的第一行读取密码");
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        Role role;
        try {
            role = Role.valueOf(namespace.getString("role").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(Messages.get("cli.msg.roleChoice"));
        }
        boolean fromStdin = Boolean.TRUE.equals(namespace.getBoolean("passwordStdin"));
        String password;
        if (fromStdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            password = in.readLine();
            if (password == null || password.isEmpty()) {
                throw new CommandFailedException(Messages.get("cli.msg.noPasswordOnStdin"));
            }
        } else {
            password = Tokens.newPassword();
        }
        UserService users = new UserService(jdbi, new PasswordHasher(config.getAuth().getPasswordHashCost()));
        User user;
        try {
            user = users.create(new UserRequest(namespace.getString("username"), namespace.getString("displayName"),
                    role, namespace.getString("unit"), true, password));
        } catch (ApiException e) {
            for (FieldError error : e.errors()) {
                System.err.println(error.describe());
            }
            throw new CommandFailedException(e.getMessage());
        }
        System.out.println(user.unitCode() == null
                ? Messages.get("cli.msg.userCreated", user.username(), user.role().label())
                : Messages.get("cli.msg.userCreatedWithUnit", user.username(), user.role().label(), user.unitCode()));
        if (!fromStdin) {
            System.out.println(Messages.get("cli.msg.initialPassword", password));
        }
    }
}
