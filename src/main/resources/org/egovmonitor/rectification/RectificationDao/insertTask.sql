INSERT INTO rectification_tasks (unit_code, indicator, indicator_name, finding_kind, site_url, evidence_url,
                                 evidence_date, http_status, error_kind, observed, threshold, message, hint,
                                 snapshot_day, deadline, note, status, issued_by)
VALUES (:unit, :f.indicator, :indicatorName, :f.kind, :f.siteUrl, :e.url, :e.date, :e.httpStatus, :e.errorKind,
        :f.observed, :f.threshold, :f.message, :f.hint, :day, :deadline, :note, 'OPEN', :actor)
