-- Step 5: named segments from the R score and the F band (a widely used RFM grid). F counts orders
-- (F 1 = one order, 2 = two, 3 = three, 4 = four or five, 5 = six or more), so every name is true of
-- its members: nobody with a single order is a Champion, a Loyal customer or At risk.
--   R 4-5: F 4-5 (4+ orders) Champions,       F 2-3 (2-3 orders) Potential loyalists, F 1 (one order) New customers
--   R 3:   F 4-5 (4+ orders) Loyal customers, F 1-3 (1-3 orders) Need attention
--   R 1-2: F 3-5 (3+ orders) At risk,         F 1-2 (1-2 orders) Hibernating
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
