-- Units with their network status and site count, filtered by the optional parameters (NULL = no filter).
SELECT u.*,
       n.status AS network_status,
       (SELECT count(*) FROM sites s WHERE s.unit_code = u.code) AS site_count
  FROM units u
  LEFT JOIN network_nodes n ON n.unit_code = u.code
 WHERE (CAST(:kind AS TEXT) IS NULL OR u.kind = :kind)
   AND (CAST(:peerGroup AS TEXT) IS NULL OR u.peer_group = :peerGroup)
   AND (CAST(:parent AS TEXT) IS NULL OR u.parent_code = :parent)
   AND (CAST(:connected AS BOOLEAN) IS NULL OR (COALESCE(n.status, 'NOT_CONNECTED') = 'CONNECTED') = :connected)
 ORDER BY u.peer_group, u.code
