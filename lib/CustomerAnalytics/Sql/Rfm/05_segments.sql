-- Step 5: named segments from the R and F scores (a widely used RFM grid):
--   R 4-5: F 4-5 Champions,      F 2-3 Potential loyalists, F 1 New customers
--   R 3:   F 4-5 Loyal customers, F 1-3 Need attention
--   R 1-2: F 3-5 At risk,         F 1-2 Hibernating
CREATE TABLE rfm_segments AS
SELECT s.*,
       CASE
           WHEN s.r_score >= 4 AND s.f_score >= 4 THEN 'Champions'
           WHEN s.r_score >= 4 AND s.f_score >= 2 THEN 'Potential loyalists'
           WHEN s.r_score >= 4 THEN 'New customers'
           WHEN s.r_score = 3 AND s.f_score >= 4 THEN 'Loyal customers'
           WHEN s.r_score = 3 THEN 'Need attention'
           WHEN s.f_score >= 3 THEN 'At risk'
           ELSE 'Hibernating'
       END AS segment
FROM rfm_scores AS s;
