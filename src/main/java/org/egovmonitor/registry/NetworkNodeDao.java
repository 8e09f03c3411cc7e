package org.egovmonitor.registry;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RegistryMappers.NodeMapper.class)
public interface NetworkNodeDao {

    @SqlQuery("SELECT * FROM network_nodes WHERE unit_code = :unitCode")
    Optional<NetworkNode> find(@Bind("unitCode") String unitCode);

    @SqlQuery("SELECT * FROM network_nodes ORDER BY unit_code")
    List<NetworkNode> findAll();

    /** Upsert by unit; returns 0 when nothing changed. */
    @SqlUpdate("""
            INSERT INTO network_nodes (unit_code, status, phase, connected_on, bandwidth_mbps, terminals,
                                       probe_host, probe_port)
            VALUES (:unitCode, :status, :phase, :connectedOn, :bandwidthMbps, :terminals, :probeHost, :probePort)
            ON CONFLICT (unit_code) DO UPDATE
               SET status = EXCLUDED.status, phase = EXCLUDED.phase, connected_on = EXCLUDED.connected_on,
                   bandwidth_mbps = EXCLUDED.bandwidth_mbps, terminals = EXCLUDED.terminals,
                   probe_host = EXCLUDED.probe_host, probe_port = EXCLUDED.probe_port, updated_at = now()
             WHERE (network_nodes.status, network_nodes.phase, network_nodes.connected_on,
                    network_nodes.bandwidth_mbps, network_nodes.terminals, network_nodes.probe_host,
                    network_nodes.probe_port)
                   IS DISTINCT FROM
                   (EXCLUDED.status, EXCLUDED.phase, EXCLUDED.connected_on, EXCLUDED.bandwidth_mbps,
                    EXCLUDED.terminals, EXCLUDED.probe_host, EXCLUDED.probe_port)
            """)
    int upsert(@BindMethods NetworkNode node);

    @SqlUpdate("DELETE FROM network_nodes WHERE unit_code = :unitCode")
    int delete(@Bind("unitCode") String unitCode);

    /** Makes the status-history trigger date the changes of this transaction (not connections) on this day. */
    @SqlQuery("SELECT set_config('egov.status_effective_on', :date, true)")
    String setEffectiveDate(@Bind("date") String isoDate);
}
