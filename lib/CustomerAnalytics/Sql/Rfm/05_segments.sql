-- generated from notebooks/01-rfm-sql-prep.ipynb cell segments-sql; edit the notebook
-- Step 5: named segments from the R score and the F band; every name is true of its members.
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
