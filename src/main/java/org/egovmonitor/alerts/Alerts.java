package org.egovmonitor.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.scoring.AlertRow;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts that reach people. {@link #raise} announces a problem once (until it changes or clears) to the unit's liaison
 * officer and the office's recipients, as one delivery row per recipient; {@link #deliverDue} sends what is due,
 * holding immediate messages through quiet hours, gathering digest recipients' messages into one a day, and retrying
 * failures with backoff. Opted-out units get no messages.
 */
public class Alerts implements AlertHooks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    /** How long a claimed delivery is reserved for the node sending it: longer than a batch takes to send. */
    private static final Duration LEASE = Duration.ofMinutes(15);
    /** Deliveries one run sends: a minute's worth at the pace of a slow SMTP server (about 0.25 s a message). */
    static final int BATCH = 200;
    private static final int MAX_ERROR_CHARS = 1000;

    private final Jdbi jdbi;
    private final AlertsConfiguration config;
    private final ScoreSnapshotService scoring;
    private final ChannelSenders sender;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<AlertKind, Supplier<List<AlertEvent>>> watched = new ConcurrentHashMap<>();
    private final int batch;

    public Alerts(Jdbi jdbi, AlertsConfiguration config, ScoreSnapshotService scoring, ObjectMapper json, Clock clock,
                  ZoneId zone) {
        this(jdbi, config, scoring, json, clock, zone, BATCH);
    }

    /** With a smaller {@code batch}, so that a test fills one without queueing hundreds of deliveries. */
    Alerts(Jdbi jdbi, AlertsConfiguration config, ScoreSnapshotService scoring, ObjectMapper json, Clock clock,
           ZoneId zone, int batch) {
        this.jdbi = jdbi;
        this.config = config;
        this.scoring = scoring;
        this.sender = new ChannelSenders(config, json, clock);
        this.clock = clock;
        this.zone = zone;
        this.batch = batch;
    }

    // ---- raising and clearing

    /**
     * Announces {@code event} to its unit's liaison officer and the office, unless the same problem is already
     * announced as it is now; returns how many deliveries were queued (0 for a repeat or an opted-out unit). The
     * messages go out on the next {@link #deliverDue} (the jobs call it right after raising, and every minute).
     */
    public int raise(AlertEvent event) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            AlertDao.Addressee unit = dao.addressee(event.unitCode())
                    .orElseThrow(() -> new NotFoundException(
                            Messages.get("error.registry.unitMissing", event.unitCode())));
            if (dao.announce(event.unitCode(), event.kind(), event.problem(), event.fingerprint(), now) == 0
                    || dao.optedOut(event.unitCode())) {
                return 0;
            }
            AlertMessage message = AlertMessage.of(event, unit.unitName(), config.dashboardUrl());
            List<Recipient> recipients = recipients(unit.liaisonEmail());
            for (Recipient r : recipients) {
                dao.insert(newDelivery(event.unitCode(), event.kind(), event.problem(), r, message, now));
            }
            return recipients.size();
        });
    }

    /** The problem is gone: its return will be announced again. */
    public void clear(String unitCode, AlertKind kind, String problem) {
        jdbi.useExtension(AlertDao.class, dao -> dao.clear(unitCode, kind, problem));
    }

    /**
     * Problems of one kind whose owner can list every one open now (overdue 整改 tasks): after each snapshot they
     * are {@link #reconcile reconciled}. Registered once at wiring, by the feature that owns them.
     */
    public void watch(AlertKind kind, Supplier<List<AlertEvent>> openNow) {
        watched.put(kind, openNow);
    }

    /**
     * {@code openNow} is every open problem of {@code kind}: each is raised (announced once, again when changed), and
     * those announced before but absent now are cleared.
     */
    public String reconcile(AlertKind kind, List<AlertEvent> openNow) {
        int queued = 0;
        Set<String> open = new HashSet<>();
        for (AlertEvent event : openNow) {
            if (event.kind() != kind) {
                throw new IllegalArgumentException("expected " + kind + ", got " + event.kind());
            }
            queued += raise(event);
            open.add(ProblemChanges.key(event));
        }
        int cleared = clearAbsent(kind, open);
        return Messages.get("summary.alerts.reconcile", kind.label(), openNow.size(), queued, cleared);
    }

    @Override
    public String afterSnapshot(LocalDate day) {
        List<AlertRow> current = scoring.warnings(null, day, true);
        List<AlertRow> previous = jdbi.withExtension(AlertDao.class, dao -> dao.scoreDayBefore(day))
                .map(before -> scoring.warnings(null, before, true)).orElse(List.of());
        int queued = 0;
        List<AlertEvent> fresh = ProblemChanges.newFindings(previous, current);
        for (AlertEvent event : fresh) {
            queued += raise(event);
        }
        Set<String> open = ProblemChanges.openKeys(current);
        int cleared = clearAbsent(AlertKind.NEW_VETO, open) + clearAbsent(AlertKind.NEW_WARNING, open);
        StringBuilder summary = new StringBuilder(
                Messages.get("summary.alerts.afterScoring", fresh.size(), queued, cleared));
        watched.forEach((kind, source) -> summary.append(reconcile(kind, source.get())).append("；"));
        return summary.append(deliverDue()).toString();
    }

    @Override
    public String afterProbes() {
        List<AlertDao.ProbePair> probes = jdbi.withExtension(AlertDao.class, AlertDao::latestProbes);
        int queued = 0;
        List<AlertEvent> down = ProblemChanges.wentDown(probes, zone);
        for (AlertEvent event : down) {
            queued += raise(event);
        }
        int cleared = 0;
        for (AlertDao.ProbePair p : probes) {
            if (p.up()) {
                cleared += jdbi.withExtension(AlertDao.class,
                        dao -> dao.clear(p.unitCode(), AlertKind.SITE_DOWN, p.url()));
            }
        }
        return Messages.get("summary.alerts.afterProbes", down.size(), queued, cleared) + deliverDue();
    }

    private int clearAbsent(AlertKind kind, Set<String> open) {
        return jdbi.inTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            int cleared = 0;
            for (AlertDao.OpenProblem p : dao.openProblems(kind)) {
                if (!open.contains(ProblemChanges.key(p.unitCode(), kind, p.problem()))) {
                    cleared += dao.clear(p.unitCode(), kind, p.problem());
                }
            }
            return cleared;
        });
    }

    // ---- delivering

    @Override
    public String deliverDue() {
        Instant now = clock.instant();
        List<Delivery> due = jdbi.withExtension(AlertDao.class, dao -> dao.claimDue(now, now.plus(LEASE), batch));
        Optional<Instant> quietUntil = DeliveryTimes.quietUntil(now, zone, config.quietHours());
        int sent = 0;
        int failed = 0;
        int held = 0;
        Map<String, List<Delivery>> digests = new LinkedHashMap<>();
        for (Delivery d : due) {
            if (d.mode() == DeliveryMode.DIGEST) {
                digests.computeIfAbsent(d.channel() + " " + d.recipient(), k -> new ArrayList<>()).add(d);
            } else if (quietUntil.isPresent() && d.kind() != AlertKind.TEST) {
                jdbi.useExtension(AlertDao.class, dao -> dao.reschedule(d.id(), DeliveryStatus.HELD, quietUntil.get()));
                held++;
            } else if (attempt(List.of(d), new AlertMessage(d.subject(), d.body(), d.link()), d.kind().name(),
                    d.unitCode())) {
                sent++;
            } else {
                failed++;
            }
        }
        for (List<Delivery> items : digests.values()) {
            if (attempt(items, AlertMessage.digest(items, config.dashboardUrl()), "DIGEST", null)) {
                sent += items.size();
            } else {
                failed += items.size();
            }
        }
        return Messages.get("summary.alerts.delivery", sent, failed, held);
    }

    /** Sends one message for {@code items} (one delivery, or a recipient's digest) and records the outcome. */
    private boolean attempt(List<Delivery> items, AlertMessage message, String kind, String unitCode) {
        Delivery first = items.get(0);
        try {
            sender.send(first.channel(), first.recipient(), message, kind, unitCode);
            jdbi.useExtension(AlertDao.class, dao -> dao.sent(items.stream().map(Delivery::id).toList(),
                    clock.instant()));
            return true;
        } catch (DeliveryFailedException e) {
            LOG.warn("alert delivery to {} {} failed: {}", first.channel(), first.recipient(), e.getMessage());
            String error = e.getMessage().length() > MAX_ERROR_CHARS ? e.getMessage().substring(0, MAX_ERROR_CHARS)
                    : e.getMessage();
            Instant now = clock.instant();
            jdbi.useTransaction(h -> {
                AlertDao dao = h.attach(AlertDao.class);
                for (Delivery d : items) {
                    dao.failed(d.id(), error, config.retry().maxAttempts(),
                            now.plus(DeliveryTimes.backoff(d.attempts() + 1, config.retry())));
                }
            });
            return false;
        }
    }

    /** A test message to every office recipient, sent at once (quiet hours and digests do not apply). */
    public List<Delivery> sendTest(String byUser) {
        Instant now = clock.instant();
        AlertMessage message = AlertMessage.test(config.dashboardUrl(), byUser);
        List<Recipient> office = recipients(null);
        if (office.isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("alerts",
                    Messages.get("error.alerts.noRecipients"))));
        }
        List<Long> ids = new ArrayList<>();
        jdbi.useTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            for (Recipient r : office) {
                Recipient immediate = new Recipient(r.channel(), r.address(), DeliveryMode.IMMEDIATE);
                ids.add(dao.insert(newDelivery(null, AlertKind.TEST, "test", immediate, message, now)));
            }
        });
        for (Delivery d : jdbi.withExtension(AlertDao.class, dao -> dao.byIds(ids))) {
            attempt(List.of(d), message, AlertKind.TEST.name(), null);
        }
        return jdbi.withExtension(AlertDao.class, dao -> dao.byIds(ids));
    }

    // ---- recipients

    /** Who hears of a unit's problem: its liaison (when mailed and known), the office's addresses and webhooks. */
    record Recipient(Channel channel, String address, DeliveryMode mode) {
    }

    private List<Recipient> recipients(String liaisonEmail) {
        List<Recipient> out = new ArrayList<>();
        boolean mail = config.mailServer().isPresent();
        if (mail && config.liaisons().email() && liaisonEmail != null && liaisonEmail.contains("@")) {
            out.add(new Recipient(Channel.EMAIL, liaisonEmail.strip(), config.liaisons().delivery()));
        }
        if (mail) {
            config.officeEmails().forEach(e -> out.add(new Recipient(Channel.EMAIL, e.address(), e.delivery())));
        }
        config.webhooks().forEach(w -> out.add(new Recipient(w.format(), w.name(), w.delivery())));
        return out;
    }

    private AlertDao.NewDelivery newDelivery(String unitCode, AlertKind kind, String problem, Recipient r,
                                             AlertMessage message, Instant now) {
        boolean digest = r.mode() == DeliveryMode.DIGEST;
        return new AlertDao.NewDelivery(unitCode, kind, problem, r.channel(), r.address(), r.mode(),
                message.subject(), message.body(), message.link(),
                digest ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING,
                now, digest ? DeliveryTimes.nextDigest(now, zone, config.digestAt()) : now);
    }

    // ---- the office's view

    private static final java.time.format.DateTimeFormatter LOCAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An instant as the office reads it: city time to the second; empty for null. */
    public String localTime(Instant at) {
        return at == null ? "" : LOCAL_TIME.format(at.atZone(zone));
    }

    public List<Delivery> deliveries(String unitCode, DeliveryStatus status, int limit) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.list(unitCode, status, limit));
    }

    public List<OptOut> optOuts() {
        return jdbi.withExtension(AlertDao.class, AlertDao::optOuts);
    }

    /** Switches a unit's alerts off; messages still waiting for it are cancelled. */
    public void optOut(String unitCode, String byUser) {
        jdbi.useTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            requireUnit(dao, unitCode);
            dao.optOut(unitCode, byUser, clock.instant());
            dao.cancelWaiting(unitCode, Messages.get("error.alerts.unitSilenced"));
        });
    }

    public void optIn(String unitCode) {
        jdbi.useTransaction(h -> {
            AlertDao dao = h.attach(AlertDao.class);
            requireUnit(dao, unitCode);
            dao.optIn(unitCode);
        });
    }

    private static void requireUnit(AlertDao dao, String unitCode) {
        if (!dao.unitExists(unitCode)) {
            throw new NotFoundException(Messages.get("error.registry.unitMissing", unitCode));
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
