-- Step 3: Recency, Frequency and Monetary value per customer.
-- Recency is in whole days before the as-of date (date minus date gives days in DuckDB, PostgreSQL
-- and Redshift alike; week counts differ between engines, so days it is). Never the wall clock.
-- Frequency counts distinct orders: rfm_orders has one row per order, so COUNT(*) is that count
-- (and half the work of COUNT(DISTINCT order_id)).
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
