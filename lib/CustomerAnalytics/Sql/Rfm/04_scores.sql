-- Step 4: two kinds of score.
-- (a) Min-max scaling to 0-5, computed from the data (the original workshop hard-coded the minimum
--     and maximum). Recency keeps its direction here: 0 = most recent, 5 = longest ago.
-- (b) Quintile scores 1-5 with NTILE, where 5 is always best: most recent, most orders, most spend.
--     Ties are broken by customer id so every engine gives the same scores.
CREATE TABLE rfm_scores AS
SELECT r.customer_unique_id,
       r.recency_days,
       r.frequency,
       r.monetary_total,
       r.monetary_avg,
       CASE WHEN s.max_r = s.min_r THEN 0.0
            ELSE 5.0 * (r.recency_days - s.min_r) / (s.max_r - s.min_r) END AS recency_scaled,
       CASE WHEN s.max_f = s.min_f THEN 0.0
            ELSE 5.0 * (r.frequency - s.min_f) / (s.max_f - s.min_f) END AS frequency_scaled,
       CASE WHEN s.max_m = s.min_m THEN 0.0
            ELSE 5.0 * (r.monetary_total - s.min_m) / (s.max_m - s.min_m) END AS monetary_scaled,
       NTILE(5) OVER (ORDER BY r.recency_days DESC, r.customer_unique_id) AS r_score,
       NTILE(5) OVER (ORDER BY r.frequency, r.customer_unique_id) AS f_score,
       NTILE(5) OVER (ORDER BY r.monetary_total, r.customer_unique_id) AS m_score
FROM rfm AS r
CROSS JOIN (
    SELECT MIN(recency_days) AS min_r, MAX(recency_days) AS max_r,
           MIN(frequency) AS min_f, MAX(frequency) AS max_f,
           MIN(monetary_total) AS min_m, MAX(monetary_total) AS max_m
    FROM rfm
) AS s;
