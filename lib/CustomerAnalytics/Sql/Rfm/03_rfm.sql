-- generated from notebooks/01-rfm-sql-prep.ipynb cell cell-21; edit the notebook
-- Step 3: R, F and M per customer. Recency in whole days before the as-of date (date minus date
-- gives days on every engine); frequency counts orders (rfm_orders has one row per order).
CREATE TABLE rfm AS
SELECT o.customer_unique_id,
       CAST(MIN(a.as_of_date) AS DATE) - CAST(MAX(o.purchased_at) AS DATE) AS recency_days,
       COUNT(*) AS frequency,
       SUM(o.order_value) AS monetary_total,
       AVG(o.order_value) AS monetary_avg,
       MIN(o.purchased_at) AS first_purchase,
       MAX(o.purchased_at) AS last_purchase
FROM rfm_orders AS o
CROSS JOIN rfm_as_of AS a
GROUP BY o.customer_unique_id;
