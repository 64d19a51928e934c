-- generated from notebooks/01-rfm-sql-prep.ipynb cell cell-19; edit the notebook
-- Step 2: one row per order; an order paid in several parts (vouchers, two cards) sums its payments.
CREATE TABLE rfm_orders AS
SELECT order_id,
       customer_unique_id,
       MIN(purchased_at) AS purchased_at,
       SUM(payment_value) AS order_value
FROM rfm_transactions
GROUP BY order_id, customer_unique_id;
