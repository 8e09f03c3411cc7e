package org.egovmonitor.bulletins;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.egovmonitor.collection.CoverageService;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.scoring.DaySnapshot;
import org.egovmonitor.scoring.ScoreSnapshotDao;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.Scorecard;
import org.jdbi.v3.core.Jdbi;

/**
 * 通报 reports: built from stored score snapshots, rendered as Word and PDF, kept in {@code bulletins} (one per kind
 * and period; regenerating replaces the files). Also each unit's 整改通知书, made on demand from its latest scorecard.
 */
public class BulletinService {

    /** The most reports one list answers. */
    public static final int LIST_LIMIT = 200;
    static final String SCHEDULED = "SCHEDULED";

    private final Jdbi jdbi;
    private final ScoreSnapshotService scoring;
    private final CoverageService coverage;
    private final OpenTasks tasks;
    private final PeriodTasks periodTasks;
    private final Clock clock;

    public BulletinService(Jdbi jdbi, ScoreSnapshotService scoring, CoverageService coverage, OpenTasks tasks,
                           PeriodTasks periodTasks, Clock clock) {
        this.jdbi = jdbi;
        this.scoring = scoring;
        this.coverage = coverage;
        this.tasks = tasks;
        this.periodTasks = periodTasks;
        this.clock = clock;
    }

    public List<BulletinInfo> list() {
        return jdbi.withExtension(BulletinDao.class, dao -> dao.list(LIST_LIMIT));
    }

    public BulletinInfo generate(GenerateRequest request, String by) {
        return generate(period(request, LocalDate.now(clock)), by);
    }

    /** The period a request names; 422 naming the field that is missing or wrong. */
    static ReportPeriod period(GenerateRequest request, LocalDate today) {
        if (request == null || request.kind() == null) {
            throw new ValidationException(List.of(FieldError.of("kind", "请选择通报类型")));
        }
        if (request.kind() == BulletinKind.CUSTOM) {
            List<FieldError> missing = new ArrayList<>();
            if (request.from() == null) {
                missing.add(FieldError.of("from", "专项通报需要开始日期"));
            }
            if (request.to() == null) {
                missing.add(FieldError.of("to", "专项通报需要结束日期"));
            }
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            return new ReportPeriod(BulletinKind.CUSTOM, request.from(), request.to());
        }
        return request.date() != null ? ReportPeriod.containing(request.kind(), request.date())
                : ReportPeriod.containing(request.kind(), today).previous();
    }

    /** Builds, renders and stores the report of {@code period} from the snapshots stored now. */
    public BulletinInfo generate(ReportPeriod period, String by) {
        Bulletin bulletin = build(period);
        ReportDocument document = BulletinLayout.layout(bulletin, clock.getZone());
        byte[] docx = DocxRenderer.render(document);
        byte[] pdf = PdfRenderer.render(document);
        return jdbi.withExtension(BulletinDao.class, dao -> dao.save(period, bulletin.snapshotDay(),
                bulletin.previousDay(), bulletin.generatedAt(), by, docx, pdf));
    }

    /** The report's content: the period's last snapshot against the last one before the period. */
    Bulletin build(ReportPeriod period) {
        LocalDate day = snapshotOnOrBefore(period.to())
                .filter(d -> !d.isBefore(period.from()))
                .orElseThrow(() -> new NotFoundException("该周期内没有评分快照：" + period.from() + " 至 " + period.to()));
        DaySnapshot current = scoring.stored(day);
        DaySnapshot previous = snapshotOnOrBefore(period.from().minusDays(1)).map(scoring::stored).orElse(null);
        int sites = jdbi.withExtension(BulletinDao.class, BulletinDao::monitoredSites);
        Instant now = clock.instant();
        return BulletinBuilder.build(period, current, previous, scoring.catalogue(),
                new BulletinBuilder.Context(now, sites, coverage.current().total(), tasks.open(period.to(), null),
                        periodTasks.within(period.from(), period.to())));
    }

    private Optional<LocalDate> snapshotOnOrBefore(LocalDate day) {
        return jdbi.withExtension(ScoreSnapshotDao.class, dao -> dao.dayBefore(day.plusDays(1)));
    }

    public BulletinInfo regenerate(long id, String by) {
        return generate(info(id).period(), by);
    }

    public BulletinInfo info(long id) {
        return jdbi.withExtension(BulletinDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new NotFoundException("没有这份通报：" + id));
    }

    public Download file(long id, ReportFormat format) {
        BulletinInfo info = info(id);
        byte[] bytes = jdbi.withExtension(BulletinDao.class, dao -> format == ReportFormat.DOCX ? dao.docx(id)
                : dao.pdf(id)).orElseThrow(() -> new NotFoundException("没有这份通报：" + id));
        ReportPeriod period = info.period();
        String stem = period.from() + "_" + period.to();
        return new Download(bytes, format, "bulletin-" + period.kind().name().toLowerCase(Locale.ROOT)
                + "-" + stem + "." + format.extension(),
                "通报-" + period.kind().label() + "-" + stem + "." + format.extension());
    }

    /** A unit's 整改通知书 from its latest scorecard (404 when the unit has no score). */
    public Download notice(String unitCode, ReportFormat format) {
        Scorecard card = scoring.scorecard(unitCode, null);
        LocalDate today = LocalDate.now(clock);
        ReportDocument document = NoticeLayout.layout(card, scoring.catalogue(), tasks.open(today, unitCode), today);
        byte[] bytes = format == ReportFormat.DOCX ? DocxRenderer.render(document) : PdfRenderer.render(document);
        return new Download(bytes, format, "notice-" + unitCode + "-" + card.day() + "." + format.extension(),
                "整改通知书-" + card.score().unitName() + "-" + card.day() + "." + format.extension());
    }

    /**
     * The scheduled run on {@code today}: the calendar periods that ended yesterday, each generated unless already
     * kept (a re-run of the job, or another node, must not overwrite a report the office regenerated). A period
     * without a snapshot is reported and skipped. Returns the run's summary.
     */
    public String generateEnded(LocalDate today) {
        List<String> done = new ArrayList<>();
        for (ReportPeriod period : ReportPeriod.endingOn(today.minusDays(1))) {
            if (jdbi.withExtension(BulletinDao.class, dao -> dao.find(period)).isPresent()) {
                done.add(period.kind().label() + " " + period.title() + " 已存在");
                continue;
            }
            try {
                generate(period, SCHEDULED);
                done.add(period.kind().label() + " " + period.title() + " 已生成");
            } catch (NotFoundException e) {
                done.add(period.kind().label() + " " + period.title() + " 未生成：" + e.getMessage());
            }
        }
        return done.isEmpty() ? "昨日没有结束的通报周期" : String.join("；", done);
    }
}
