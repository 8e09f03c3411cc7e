package org.egovmonitor.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.web.QueryParams;
import org.egovmonitor.web.RequestBodies;

/**
 * The registry file from the office's page: the same import (all or nothing, every bad line listed) and export as the
 * import-registry and export-registry commands, with a dry run for the page's 预览.
 */
@Path("/api/registry")
public class RegistryFileResource {

    static final String YAML_TYPE = "application/yaml; charset=UTF-8";

    private final RegistryFileReader reader;
    private final RegistryImporter importer;
    private final RegistryExporter exporter;
    private final Clock clock;

    public RegistryFileResource(RegistryFileReader reader, RegistryImporter importer, RegistryExporter exporter,
                                Clock clock) {
        this.reader = reader;
        this.importer = importer;
        this.exporter = exporter;
        this.clock = clock;
    }

    /**
     * A registry file as the request body ({@code format} csv, the default, or yaml), decoded like the node survey
     * (the charset the Content-Type names, else UTF-8 or GBK). Any bad line: 422 listing every line, nothing
     * changed. {@code dryRun=true}: the counts the import would change, nothing kept.
     */
    @POST
    @Path("/import")
    @OfficeOnly
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public RegistryImporter.Report importFile(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
                                              @QueryParam("format") String format,
                                              @QueryParam("dryRun") String dryRun) {
        boolean preview = Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun));
        String chosen = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("csv", "yaml", "yml").contains(chosen)) {
            throw new ValidationException(List.of(FieldError.of("format",
                    Messages.get("error.registry.exportFormat"))));
        }
        String text = RequestBodies.text(body, type);
        if (text.isBlank()) {
            throw new ValidationException(List.of(FieldError.of(Messages.get("error.field.body"),
                    Messages.get("error.registry.emptyFile"))));
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        RegistryFileReader.Result parsed = chosen.equals("csv") ? reader.readCsv(content) : reader.readYaml(content);
        RegistryImporter.Report report = importer.importDocument(parsed, false, preview);
        ValidationException.throwIfAny(RegistryFileReader.inChinese(report.errors()));
        return report;
    }

    /** The whole registry as a download, in the format the import reads back (CSV with Chinese headers, or YAML). */
    @GET
    @Path("/export.{format: csv|yml}")
    @OfficeOnly
    @Produces({"text/csv", "application/yaml"})
    public Response export(@PathParam("format") String format) {
        boolean csv = format.equals("csv");
        StringWriter out = new StringWriter();
        try {
            if (csv) {
                out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
            }
            exporter.export(csv ? RegistryExporter.Format.CSV : RegistryExporter.Format.YAML, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String filename = "registry-" + LocalDate.now(clock) + "." + format;
        return Response.ok(out.toString().getBytes(StandardCharsets.UTF_8),
                        csv ? "text/csv; charset=UTF-8" : YAML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
