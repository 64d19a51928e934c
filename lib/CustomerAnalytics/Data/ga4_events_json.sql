-- GA4 events from a BigQuery export in newline-delimited JSON (events_* rows), one row per line in file order.
-- Values stay text so the loader can validate and report each one: BigQuery writes INT64 values as JSON strings,
-- other tools as numbers. The session id is event_params' ga_session_id: value.int_value (or an integer that
-- arrived as value.string_value). $compression is 'gzip' for a gzip file (BigQuery's EXPORT DATA shards have no
-- extension to tell), else 'uncompressed'. Unreadable lines come back as a row of NULLs (ignore_errors) and are rejected.
SELECT
    event_date,
    event_timestamp,
    event_name,
    user_pseudo_id,
    list_filter(event_params, p -> p.key = 'ga_session_id')[1].value.int_value AS ga_session_int,
    list_filter(event_params, p -> p.key = 'ga_session_id')[1].value.string_value AS ga_session_text,
    platform,
    device.category AS device_category,
    geo.country AS geo_country,
    NOT (event_date IS NULL AND event_timestamp IS NULL AND event_name IS NULL AND user_pseudo_id IS NULL
         AND event_params IS NULL) AS readable
FROM read_json($path,
    format = 'newline_delimited',
    compression = $compression,
    ignore_errors = true,
    columns = {
        event_date: 'VARCHAR',
        event_timestamp: 'VARCHAR',
        event_name: 'VARCHAR',
        user_pseudo_id: 'VARCHAR',
        event_params: 'STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value VARCHAR))[]',
        platform: 'VARCHAR',
        device: 'STRUCT(category VARCHAR)',
        geo: 'STRUCT(country VARCHAR)'
    })
