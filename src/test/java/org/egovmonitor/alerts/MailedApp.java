package org.egovmonitor.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.TestApp;

/**
 * The app from config.yml whose alerts mail one office address through a GreenMail SMTP server in this JVM; the SMTP
 * server and the reading of a received mail for any test that checks alert e-mail.
 */
public final class MailedApp {

    public static final String OFFICE_ADDRESS = "office@city.test";

    private MailedApp() {
    }

    /** A started SMTP server on a free port of 127.0.0.1; the test class stops it. */
    public static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    static DropwizardAppExtension<EgovMonitorConfiguration> app(GreenMail mail) {
        return TestApp.extension(false,
                ConfigOverride.config("alerts.smtp.host", "127.0.0.1"),
                ConfigOverride.config("alerts.smtp.from", "monitor@city.test"),
                ConfigOverride.config("alerts.smtp.port", () -> Integer.toString(mail.getSmtp().getPort())),
                ConfigOverride.config("alerts.officeEmails", OFFICE_ADDRESS));
    }

    /** The text of a received mail's content: its text parts joined. */
    public static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        Multipart multipart = (Multipart) content;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            out.append(text(part.getContent()));
        }
        return out.toString();
    }
}
