package org.egovmonitor.jobs;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.quartz.SchedulerException;

/** Scheduled jobs, their recorded runs, and running one now. */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private static final int MAX_LIMIT = 500;

    private final JobsService jobs;

    public JobsResource(JobsService jobs) {
        this.jobs = jobs;
    }

    @GET
    @OfficeOnly
    public List<JobInfo> list() throws SchedulerException {
        return jobs.jobs();
    }

    @GET
    @Path("/runs")
    @OfficeOnly
    public List<JobRun> runs(@QueryParam("job") String job, @QueryParam("limit") @DefaultValue("50") String limit) {
        return jobs.runs(job == null || job.isBlank() ? null : job.strip(), limit(limit));
    }

    @GET
    @Path("/runs/{id}")
    @OfficeOnly
    public JobRunDetail run(@PathParam("id") long id) {
        return jobs.run(id);
    }

    /**
     * 202: the cluster runs it as soon as a node has a free thread; its run appears under /runs. A crawl round starts
     * at once (its id in {@code roundId}); during a round, 409 with the running round's id.
     */
    @POST
    @Path("/{name}/trigger")
    @OfficeOnly
    public Response trigger(@PathParam("name") String name) throws SchedulerException {
        JobsService.Triggered t = jobs.trigger(name);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("job", t.job().id());
        body.put("status", "triggered");
        if (t.roundId() != null) {
            body.put("roundId", t.roundId());
        }
        return Response.accepted(body).build();
    }

    /** The crawl rounds running now: the city's (no unit) or one unit's, with their progress. */
    @GET
    @Path("/crawl-round/running")
    @OfficeOnly
    public List<RunningRound> running() {
        return jobs.runningRounds();
    }

    /**
     * 202: one unit's sites are being measured now (立即重新采集), as a round whose run is {@code runId} (its progress
     * under /runs/{runId}). 404 for an unknown unit; 409 while any round runs, saying whose (see
     * {@link JobsService#recrawlUnit}).
     */
    @POST
    @Path("/crawl-round/units/{code}")
    @OfficeOnly
    public Response recrawlUnit(@PathParam("code") String code) {
        CrawlRounds.Started s = jobs.recrawlUnit(code);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("unitCode", code);
        body.put("roundId", s.roundId());
        body.put("runId", s.runId());
        body.put("total", s.total());
        return Response.accepted(body).build();
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(FieldError.of("limit", Messages.get("error.jobs.limit", MAX_LIMIT))));
    }
}
