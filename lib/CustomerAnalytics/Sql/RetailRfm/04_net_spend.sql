-- Step 4: each customer's spend net of returns: purchases (product lines) plus matched cancellations (negative).
-- Frequency counts purchase invoices; recency comes from the last purchase, never from a return.
CREATE TABLE retail_net_spend AS
SELECT o.customer_unique_id,
       COUNT(*) AS frequency,
       SUM(o.order_value) AS gross_spend,
       COALESCE(MIN(r.returned_value), 0) AS returned_value,
       SUM(o.order_value) + COALESCE(MIN(r.returned_value), 0) AS net_spend,
       MIN(o.purchased_at) AS first_purchase,
       MAX(o.purchased_at) AS last_purchase
FROM rfm_orders AS o
LEFT JOIN retail_returns AS r ON r.customer_unique_id = o.customer_unique_id
GROUP BY o.customer_unique_id;
