-- Step 4: two kinds of score.
-- (a) Min-max scaling to 0-5, computed from the data (the original workshop hard-coded the minimum
--     and maximum). Recency keeps its direction here: 0 = most recent, 5 = longest ago.
-- (b) Quintile scores 1-5 with NTILE, where 5 is always best: most recent, most orders, most spend.
--     Ties are broken by customer id (customer_key follows its order) so every engine gives the same scores.
-- Each quintile has its own narrow query, joined back by customer_key. Narrow sorts beat sorting the whole
-- table three times, and on a million orders in DuckDB numbering the customers once (step 3) and sorting and
-- joining on that number makes steps 3 and 4 together about 30% faster than using the text id here.
CREATE TABLE rfm_scores AS
WITH stats AS (
    SELECT MIN(recency_days) AS min_r, MAX(recency_days) AS max_r,
           MIN(frequency) AS min_f, MAX(frequency) AS max_f,
           MIN(monetary_total) AS min_m, MAX(monetary_total) AS max_m
    FROM rfm
),
r AS (SELECT customer_key, NTILE(5) OVER (ORDER BY recency_days DESC, customer_key) AS r_score FROM rfm),
f AS (SELECT customer_key, NTILE(5) OVER (ORDER BY frequency, customer_key) AS f_score FROM rfm),
m AS (SELECT customer_key, NTILE(5) OVER (ORDER BY monetary_total, customer_key) AS m_score FROM rfm)
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
       r.r_score,
       f.f_score,
       m.m_score
FROM rfm AS c
JOIN r ON r.customer_key = c.customer_key
JOIN f ON f.customer_key = c.customer_key
JOIN m ON m.customer_key = c.customer_key
CROSS JOIN stats AS s;
