-- Step 4: two kinds of score, both computed from the values alone: equal values always get equal
-- scores, whatever the customer ids or the order of the rows.
-- (a) Min-max scaling to 0-5, computed from the data (the original workshop hard-coded the minimum
--     and maximum). Recency keeps its direction here: 0 = most recent, 5 = longest ago.
-- (b) Scores 1-5, where 5 is always best: most recent, most orders, most spend.
--     F is a band of the order count: 1 order = 1, 2 = 2, 3 = 3, 4-5 = 4, 6 or more = 5. Most customers
--     buy once, so quintiles of F would split equal customers at random; bands keep F = 1 meaning one order.
--     R and M are ranks cut into fifths. Line the n customers up from worst to best (longest ago, least
--     spend), positions 0 to n-1. Customers with the same value share the middle of the positions they
--     hold (2 x middle = 2 x worse + tied - 1, where worse counts customers with a worse value and tied those
--     with the same value). The score is the fifth the middle falls in: 1 + floor(5 x middle / n). Worked
--     out with whole numbers only (5 x (2 x worse + tied - 1) against 2n, 4n, 6n, 8n), so every engine agrees.
--     Counting per distinct value (r_values, m_values) and joining back is cheaper than ranking every row.
--     The running sums name their frame (ROWS ...): Redshift requires a frame for an aggregate window with ORDER BY,
--     and with one row per distinct value ROWS gives the same sums as the default frame on DuckDB and PostgreSQL.
CREATE TABLE rfm_scores AS
WITH stats AS (
    SELECT COUNT(*) AS n,
           MIN(recency_days) AS min_r, MAX(recency_days) AS max_r,
           MIN(frequency) AS min_f, MAX(frequency) AS max_f,
           MIN(monetary_total) AS min_m, MAX(monetary_total) AS max_m
    FROM rfm
),
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
