package org.egovmonitor.demo.farm;

import org.slf4j.LoggerFactory;

/** Keeps Jetty's debug logging quiet when no logging configuration is present (FarmMain, tests). */
final class FarmLogging {

    private FarmLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
                && root.getLevel() != null && root.getLevel().toInt() < ch.qos.logback.classic.Level.INFO_INT) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
