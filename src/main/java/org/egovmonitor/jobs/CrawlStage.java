package org.egovmonitor.jobs;

import java.lang.reflect.Constructor;
import org.egovmonitor.core.observations.ObservationStore;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.measure.SiteMeasurer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two services a crawl round needs: what measures a site and where its measurement goes. The application
 * passes the real ones (MeasurementEngine, SqlObservationStore); until those are merged,
 * {@code scheduler.measurerClass} / {@code scheduler.observationStoreClass} name stand-ins (the scheduling tests run
 * the real app in a child JVM with a homepage-only measurer this way). Either may be null: then crawl rounds are
 * refused with a recorded, failed run, and the probes still run.
 */
public record CrawlStage(SiteMeasurer measurer, ObservationStore store) {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlStage.class);

    public boolean ready() {
        return measurer != null && store != null;
    }

    public static CrawlStage select(SchedulerConfiguration config, FetchSettings settings, Jdbi jdbi,
                                    SiteMeasurer wiredMeasurer, ObservationStore wiredStore) {
        SiteMeasurer measurer = config.getMeasurerClass().isBlank() ? wiredMeasurer
                : instantiate(config.getMeasurerClass(), SiteMeasurer.class, FetchSettings.class, settings);
        ObservationStore store = config.getObservationStoreClass().isBlank() ? wiredStore
                : instantiate(config.getObservationStoreClass(), ObservationStore.class, Jdbi.class, jdbi);
        if (measurer == null || store == null) {
            LOG.warn("No {} wired: crawl rounds are refused on this node until the measurement engine is merged"
                    + " (or scheduler.measurerClass / observationStoreClass name one)",
                    measurer == null ? "SiteMeasurer" : "ObservationStore");
        }
        return new CrawlStage(measurer, store);
    }

    /** Closes whatever of the two holds resources (a fetcher's threads). */
    public void close() {
        for (Object o : new Object[] {measurer, store}) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", o.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    private static <T, A> T instantiate(String className, Class<T> type, Class<A> argType, A arg) {
        try {
            Class<? extends T> c = Class.forName(className.strip()).asSubclass(type);
            try {
                Constructor<? extends T> withArg = c.getConstructor(argType);
                return withArg.newInstance(arg);
            } catch (NoSuchMethodException e) {
                return c.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("scheduler: cannot create " + type.getSimpleName() + " from class '"
                    + className + "': " + e, e);
        }
    }
}
