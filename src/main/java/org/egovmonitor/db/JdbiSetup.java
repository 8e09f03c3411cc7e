package org.egovmonitor.db;

import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** What every Jdbi instance of the app needs, whether built by Dropwizard or by a command. */
public final class JdbiSetup {

    private JdbiSetup() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArrayType(String.class, "text");
        jdbi.registerArrayType(LocalDate.class, "date");
        return jdbi;
    }
}
