-- generated from notebooks/01-rfm-sql-prep.ipynb cells scores-counts, scores-ranks, scores-scaled, scores-rf, cell-23; edit the notebook
-- Step 4: scores from the values alone: equal values get equal scores, whatever the ids or the row order.
CREATE TABLE rfm_scores AS
WITH stats AS (
    SELECT COUNT(*) AS n,
           MIN(recency_days) AS min_r, MAX(recency_days) AS max_r,
           MIN(frequency) AS min_f, MAX(frequency) AS max_f,
           MIN(monetary_total) AS min_m, MAX(monetary_total) AS max_m
    FROM rfm
),
-- Per distinct value: customers tied on it and customers worse. ROWS names the running sum's frame:
-- Redshift requires one, and with one row per value it changes nothing on DuckDB or PostgreSQL.
r_values AS (
    SELECT recency_days, COUNT(*) AS tied,
           SUM(COUNT(*)) OVER (ORDER BY recency_days DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - COUNT(*) AS worse
    FROM rfm GROUP BY recency_days
),
m_values AS (
    SELECT monetary_total, COUNT(*) AS tied,
           SUM(COUNT(*)) OVER (ORDER BY monetary_total ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - COUNT(*) AS worse
    FROM rfm GROUP BY monetary_total
)
SELECT c.customer_unique_id,
       c.recency_days,
       c.frequency,
       c.monetary_total,
       c.monetary_avg,
       CASE WHEN s.max_r = s.min_r THEN 0.0
            ELSE 5.0 * (c.recency_days - s.min_r) / (s.max_r - s.min_r) END AS recency_scaled,
       CASE WHEN s.max_f = s.min_f THEN 0.0
            ELSE 5.0 * (c.frequency - s.min_f) / (s.max_f - s.min_f) END AS frequency_scaled,
       CASE WHEN s.max_m = s.min_m THEN 0.0
            ELSE 5.0 * (c.monetary_total - s.min_m) / (s.max_m - s.min_m) END AS monetary_scaled,
       CASE WHEN 5 * (2 * r.worse + r.tied - 1) < 2 * s.n THEN 1
            WHEN 5 * (2 * r.worse + r.tied - 1) < 4 * s.n THEN 2
            WHEN 5 * (2 * r.worse + r.tied - 1) < 6 * s.n THEN 3
            WHEN 5 * (2 * r.worse + r.tied - 1) < 8 * s.n THEN 4
            ELSE 5 END AS r_score,
       -- The F bands: 1, 2, 3, 4-5, 6 or more orders.
       CASE WHEN c.frequency = 1 THEN 1
            WHEN c.frequency = 2 THEN 2
            WHEN c.frequency = 3 THEN 3
            WHEN c.frequency <= 5 THEN 4
            ELSE 5 END AS f_score,
       CASE WHEN 5 * (2 * m.worse + m.tied - 1) < 2 * s.n THEN 1
            WHEN 5 * (2 * m.worse + m.tied - 1) < 4 * s.n THEN 2
            WHEN 5 * (2 * m.worse + m.tied - 1) < 6 * s.n THEN 3
            WHEN 5 * (2 * m.worse + m.tied - 1) < 8 * s.n THEN 4
            ELSE 5 END AS m_score
FROM rfm AS c
JOIN r_values AS r ON r.recency_days = c.recency_days
JOIN m_values AS m ON m.monetary_total = c.monetary_total
CROSS JOIN stats AS s;
