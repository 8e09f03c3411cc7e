package org.egovmonitor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.MeasurementEngine.Target;
import org.egovmonitor.crawler.measure.SectionExplanation;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.platform.RuleFileException;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.web.StrictJsonModule;
import org.slf4j.LoggerFactory;

/**
 * {@code measure [--json] [--explain] [--kind K] [--now YYYY-MM-DD] [--allow-private CIDR]... [--concurrency N] [--crawlers DIR]
 * (URL... | --sites FILE)}: measures sites now, without a database. stdout carries only the results (one JSON object
 * per line with {@code --json}, else a short summary per site); logs and the progress line go to stderr. An
 * unreachable or hostile site is a result (exit 0); bad arguments exit 1 with a message.
 */
public class MeasureCommand extends Command {

    static final int DEFAULT_CONCURRENCY = 8;

    public MeasureCommand() {
        super("measure", "测量网站：首页、栏目、更新日期、坏链（不需要数据库）");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--json").action(Arguments.storeTrue()).help("每个网站输出一行 JSON");
        subparser.addArgument("--explain").action(Arguments.storeTrue())
                .help("只读首页，逐个链接说明：识别为哪个栏目、依据什么规则，或为什么不算栏目");
        subparser.addArgument("--kind").metavar("KIND").setDefault("PORTAL")
                .help("网站类型 PORTAL|DEPARTMENT|COUNTY|TOWNSHIP_PAGE（--sites 文件中可逐行指定）");
        subparser.addArgument("--now").metavar("YYYY-MM-DD").help("按哪一天判断更新（默认今天）");
        subparser.addArgument("--allow-private").metavar("CIDR").action(Arguments.append())
                .help("允许抓取的内网地址段，如 127.0.0.0/8（可重复）");
        subparser.addArgument("--concurrency").metavar("N").type(Integer.class).setDefault(DEFAULT_CONCURRENCY)
                .help("同时测量的网站数");
        subparser.addArgument("--crawlers").metavar("DIR").help("爬虫配置目录（crawl.yml、sections.yml）");
        subparser.addArgument("--sites").metavar("FILE").help("网站清单：每行 URL [类型]，# 开头为注释");
        subparser.addArgument("urls").metavar("URL").nargs("*").help("要测量的网站地址");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        logToStderr();
        SiteKind defaultKind = kind(ns.getString("kind"), "--kind");
        LocalDate now = ns.getString("now") == null ? LocalDate.now(ZoneId.of("Asia/Shanghai"))
                : date(ns.getString("now"));
        Integer concurrency = ns.getInt("concurrency");
        if (concurrency == null || concurrency < 1 || concurrency > 1000) {
            throw new CommandFailedException("--concurrency 须在 1 到 1000 之间");
        }
        List<CidrRange> allowed = new ArrayList<>();
        List<String> cidrs = ns.getList("allow_private");
        for (String c : cidrs == null ? List.<String>of() : cidrs) {
            try {
                allowed.add(CidrRange.parse(c));
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException("--allow-private 不是有效的地址段：" + c);
            }
        }
        List<Target> targets = targets(ns, defaultKind);
        CrawlerFiles files;
        try {
            files = CrawlerFiles.load(ns.getString("crawlers") == null ? null : Path.of(ns.getString("crawlers")));
        } catch (CrawlerFiles.CrawlerFilesException | RuleFileException e) {
            throw new CommandFailedException(e.getMessage());
        }
        CrawlSettings settings = files.crawl().withFetch(f -> f.withAllowedPrivate(allowed));
        ObjectMapper json = StrictJsonModule.configure(bootstrap.getObjectMapper().copy());
        boolean asJson = ns.getBoolean("json");
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = System.err;

        if (ns.getBoolean("explain")) {
            explain(targets, now, settings, files, asJson ? json : null, out);
            return;
        }
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (MeasurementEngine engine = MeasurementEngine.withChecks(settings, null, files.sections(),
                SiteChecks.of(files.checks()))) {
            // Results are printed in input order as soon as every site before them is done; only those waiting for
            // an earlier site are held, as printed text, so the heap does not grow with the length of the list.
            Map<Integer, String> waiting = new HashMap<>();
            int[] printed = {0};
            engine.measureEach(targets, now, concurrency, (index, m) -> {
                String text = render(json, m, asJson);
                synchronized (waiting) {
                    waiting.put(index, text);
                    for (String next = waiting.remove(printed[0]); next != null;
                         next = waiting.remove(printed[0])) {
                        out.print(next);
                        out.flush();
                        printed[0]++;
                    }
                    long s = (System.nanoTime() - start) / 1_000_000_000L;
                    err.printf("已测 %d/%d（%d 秒）%s%n", done.incrementAndGet(), targets.size(), s,
                            m.reachable() ? "" : " " + m.url() + " 不可访问：" + FetchErrorKind.labelOf(m.errorKind()));
                }
            });
        }
        out.flush();
    }

    /** {@code --explain}: one site after the other, a table each (or one JSON object each with {@code --json}). */
    private static void explain(List<Target> targets, LocalDate now, CrawlSettings settings, CrawlerFiles files,
                                ObjectMapper json, PrintStream out) throws IOException {
        try (MeasurementEngine engine = MeasurementEngine.withChecks(settings, null, files.sections(),
                SiteChecks.of(files.checks()))) {
            for (Target t : targets) {
                SectionExplanation e = engine.explain(t.url(), t.kind(), now);
                out.println(json != null ? json.writeValueAsString(e) : ExplanationTable.render(e, files.sections()));
                out.flush();
            }
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailedException) {
            cli.getStdErr().println("错误：" + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** One site's output: a JSON line, or the short summary. */
    private static String render(ObjectMapper json, SiteMeasurement m, boolean asJson) {
        if (!asJson) {
            return summary(m);
        }
        try {
            return json.writeValueAsString(m) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A short Chinese summary of one measurement. */
    static String summary(SiteMeasurement m) {
        StringBuilder b = new StringBuilder();
        b.append(m.url()).append('\n');
        if (!m.reachable()) {
            b.append("  不可访问：").append(FetchErrorKind.labelOf(m.errorKind()));
            if (m.status() > 0) {
                b.append("（HTTP ").append(m.status()).append('）');
            }
            return b.append('\n').toString();
        }
        b.append("  可访问：HTTP ").append(m.status()).append("，").append(m.responseMs()).append(" 毫秒，编码 ")
                .append(m.charset()).append('\n');
        SiteMeasurement.Homepage h = m.homepage();
        b.append("  首页更新：").append(h.newestDate() == null ? "无带日期的信息" : "最新 " + h.newestDate()
                + "，带日期信息 " + h.datedItems() + " 条").append(h.navOnly() ? "（首页仅导航，按二级页面计）" : "")
                .append('\n');
        b.append("  栏目 ").append(m.sections().size()).append(" 个：").append(m.sections().stream()
                .map(s -> s.title() + (s.blank() ? "（空白）" : s.newestDate() == null ? "（" + s.items() + " 条）"
                        : "（" + s.newestDate() + "，" + s.items() + " 条）"))
                .collect(Collectors.joining("、"))).append('\n');
        for (SiteMeasurement.Section s : m.sections()) {
            if (s.children().isEmpty() && s.childrenNotFetched() == 0) {
                continue;
            }
            b.append("    ").append(s.title()).append(" 的子栏目 ").append(s.children().size()).append(" 个")
                    .append(s.childrenNotFetched() > 0 ? "（另有 " + s.childrenNotFetched() + " 个因抓取页数上限未读）" : "")
                    .append("：\n");
            for (SiteMeasurement.Child c : s.children()) {
                b.append("      ").append(c.title()).append("（").append(childState(c)).append("）").append('\n');
            }
        }
        if (!m.missingFamilies().isEmpty()) {
            b.append("  缺少栏目：").append(String.join("、", m.missingFamilies())).append('\n');
        }
        b.append("  坏链 ").append(m.brokenLinks().size()).append(" 个，抓取 ").append(m.pagesFetched())
                .append(" 页，出错 ").append(m.errors().size()).append(" 次");
        if (m.linkSample().sampled()) {
            b.append("（").append(m.linkSample().label()).append("）");
        }
        b.append('\n');
        return b.toString();
    }

    private static String childState(SiteMeasurement.Child c) {
        if (c.status() != 200 && c.items() == 0 && !c.blank()) {
            return c.status() > 0 ? "无法访问，HTTP " + c.status() : "无法访问";
        }
        if (c.blank()) {
            return "空白";
        }
        return c.newestDate() == null ? c.items() + " 条，无日期" : "最新 " + c.newestDate() + "，" + c.items() + " 条";
    }

    private static List<Target> targets(Namespace ns, SiteKind defaultKind) {
        List<Target> targets = new ArrayList<>();
        List<String> urls = ns.getList("urls");
        String sites = ns.getString("sites");
        if (sites != null) {
            Path file = Path.of(sites);
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandFailedException("无法读取网站清单 " + sites + "：" + (Files.exists(file) ? e.getMessage()
                        : "文件不存在"));
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash).strip();
                }
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length > 2) {
                    throw new CommandFailedException(sites + " 第 " + (i + 1) + " 行：应为“URL [类型]”");
                }
                String where = sites + " 第 " + (i + 1) + " 行";
                targets.add(new Target(url(parts[0], where), parts.length == 2 ? kind(parts[1], where)
                        : defaultKind));
            }
        }
        for (String u : urls == null ? List.<String>of() : urls) {
            targets.add(new Target(url(u, "参数"), defaultKind));
        }
        if (targets.isEmpty()) {
            throw new CommandFailedException("请给出要测量的网站地址，或用 --sites 指定网站清单");
        }
        return targets;
    }

    static URI url(String text, String where) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CommandFailedException(where + "：不是有效的网址（需以 http:// 或 https:// 开头）：" + text);
    }

    static SiteKind kind(String text, String where) {
        try {
            return SiteKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(where + "：未知的网站类型 " + text
                    + "（可用 PORTAL、DEPARTMENT、COUNTY、TOWNSHIP_PAGE）");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandFailedException("--now 不是有效的日期（格式 YYYY-MM-DD）：" + text);
        }
    }

    /**
     * Dropwizard's bootstrap logging writes to stdout, and this command reads no config.yml that would redirect it:
     * send everything to stderr so stdout carries only results.
     */
    private static void logToStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.WARN);
    }
}
