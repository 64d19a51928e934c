-- Step 1: every invoice line before the as-of date, with its money (Quantity x UnitPrice, negative for a return)
-- and what it is, decided in this order: a non-product line (its StockCode, upper-cased, is in
-- retail_non_product_codes: postage, fees, discounts, manual adjustments); a cancellation (InvoiceNo starting
-- with C); a purchase (quantity and price both positive); else an adjustment (a zero price, stock written off).
CREATE TABLE retail_lines AS
SELECT r.InvoiceNo AS invoice_no,
       UPPER(r.StockCode) AS stock_code,
       CAST(r.CustomerID AS VARCHAR) AS customer_id,
       r.InvoiceDate AS invoiced_at,
       r.Quantity * r.UnitPrice AS line_value,
       CASE WHEN n.stock_code IS NOT NULL THEN 'non-product'
            WHEN r.InvoiceNo LIKE 'C%' THEN 'cancellation'
            WHEN r.Quantity > 0 AND r.UnitPrice > 0 THEN 'purchase'
            ELSE 'adjustment' END AS line_kind
FROM online_retail AS r
LEFT JOIN retail_non_product_codes AS n ON n.stock_code = UPPER(r.StockCode)
WHERE r.InvoiceDate < (SELECT MIN(as_of_date) FROM rfm_as_of);
