-- One row per invoice, shaped like the Olist rfm_orders table so the same RFM steps run on it.
-- Only invoices before the as-of date count. Column names are written unquoted: DuckDB ignores case and PostgreSQL folds them to lower case.
CREATE TABLE rfm_orders AS
SELECT InvoiceNo AS order_id,
       CAST(CustomerID AS VARCHAR) AS customer_unique_id,
       MIN(InvoiceDate) AS purchased_at,
       SUM(Quantity * UnitPrice) AS order_value
FROM retail_clean
WHERE InvoiceDate < (SELECT MIN(as_of_date) FROM rfm_as_of)
GROUP BY InvoiceNo, CustomerID;
