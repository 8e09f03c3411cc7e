package org.egovmonitor.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;

/** A clock that stands still until a test moves it: time-dependent behaviour tested without sleeping. */
final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** The real application, on {@link #clock()}; each test class that moves time keeps its own subclass and clock. */
    abstract static class App extends EgovMonitorApplication {

        abstract MovableClock clock();

        @Override
        protected Clock clock(EgovMonitorConfiguration config) {
            return clock();
        }
    }
}
