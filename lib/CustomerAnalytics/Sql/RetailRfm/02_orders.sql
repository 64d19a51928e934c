-- Step 2: one row per purchase invoice of a known customer, shaped like the Olist rfm_orders table: its product
-- lines only (no postage, no fees). A cancellation invoice is not an order, so it never counts towards frequency.
-- Column names are written unquoted: DuckDB ignores case and PostgreSQL folds them to lower case.
CREATE TABLE rfm_orders AS
SELECT invoice_no AS order_id,
       customer_id AS customer_unique_id,
       MIN(invoiced_at) AS purchased_at,
       SUM(line_value) AS order_value
FROM retail_lines
WHERE line_kind = 'purchase' AND customer_id IS NOT NULL
GROUP BY invoice_no, customer_id;
