-- generated from notebooks/01-rfm-sql-prep.ipynb cell cell-17; edit the notebook
-- Step 1: one row per payment, with its order and the person who paid (customer_unique_id).
-- Only the statuses in rfm_statuses count, and only orders placed before the as-of date.
CREATE TABLE rfm_transactions AS
SELECT o.order_id,
       c.customer_unique_id,
       o.order_purchase_timestamp AS purchased_at,
       p.payment_sequential,
       p.payment_value
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id
JOIN payments AS p ON p.order_id = o.order_id
WHERE o.order_status IN (SELECT status FROM rfm_statuses)
  AND o.order_purchase_timestamp < (SELECT MIN(as_of_date) FROM rfm_as_of);
