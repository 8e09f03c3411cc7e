package org.egovmonitor.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a day's unit rows with PostgreSQL COPY (CSV): 15,000 units with their JSON documents in a second or two,
 * where row-by-row inserts would take many. Runs on the caller's handle, inside its transaction.
 */
public final class ScoreSnapshotWriter {

    private static final String UNITS = "COPY unit_scores (day, unit_code, unit_name, peer_group, total, "
            + "scored_weight, bonus, grade, vetoed, rank, rank_change, bottleneck, bottleneck_shortfall, veto_count, "
            + "warning_count) FROM STDIN WITH (FORMAT csv)";
    private static final String DETAILS = "COPY unit_score_details (day, unit_code, indicators, findings) "
            + "FROM STDIN WITH (FORMAT csv)";

    private final ObjectMapper json;

    public ScoreSnapshotWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(Handle handle, LocalDate day, List<RankedScore> units) {
        try {
            Connection connection = handle.getConnection();
            PGConnection pg = connection.unwrap(PGConnection.class);
            copy(pg, UNITS, units, r -> {
                UnitScore s = r.score();
                long vetoes = s.findings().stream().filter(f -> f.kind() == FindingKind.VETO).count();
                long warnings = s.findings().stream().filter(f -> f.kind() == FindingKind.WARNING).count();
                return row(day, s.unitCode(), s.unitName(), s.peerGroup(), s.total(), s.scoredWeight(), s.bonus(),
                        s.grade(), s.vetoed(), r.rank(), r.rankChange(), s.bottleneck(), s.bottleneckShortfall(),
                        Math.min(vetoes, Short.MAX_VALUE), Math.min(warnings, Short.MAX_VALUE));
            });
            copy(pg, DETAILS, units, r -> row(day, r.score().unitCode(), toJson(r.score().indicators()),
                    toJson(r.score().findings())));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of score snapshot failed: " + e.getMessage(), e);
        }
    }

    private interface RowFormat {
        String format(RankedScore r);
    }

    private static void copy(PGConnection pg, String sql, List<RankedScore> units, RowFormat format)
            throws SQLException {
        CopyIn in = pg.getCopyAPI().copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(1 << 16);
            for (RankedScore r : units) {
                buffer.append(format.format(r));
                if (buffer.length() > 1 << 16) {
                    flush(in, buffer);
                }
            }
            flush(in, buffer);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** One CSV line: null is an unquoted empty field (NULL to COPY), everything else is quoted. */
    private static String row(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = values[i];
            if (v != null) {
                line.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        return line.append('\n').toString();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
