package org.egovmonitor.jobs;

import org.egovmonitor.crawler.measure.SiteMeasurer;
import org.egovmonitor.observations.ObservationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two services a crawl round needs: what measures a site and where its measurement goes. The application and
 * {@code crawl-now} pass the real ones (MeasurementEngine, ObservationStore); there is no setting that swaps them.
 * A node built without them (null, as some scheduling tests build one) refuses crawl rounds with a recorded, failed
 * run and still runs the probes.
 */
public record CrawlStage(SiteMeasurer measurer, ObservationStore store) {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlStage.class);

    public boolean ready() {
        return measurer != null && store != null;
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
}
