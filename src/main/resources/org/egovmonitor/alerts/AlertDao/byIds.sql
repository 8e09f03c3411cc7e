SELECT d.*, u.name AS unit_name
FROM alert_deliveries d LEFT JOIN units u ON u.code = d.unit_code
WHERE d.id IN (<ids>)
ORDER BY d.id
