-- Step 3: cancellations matched to a customer: lines of C invoices with the CustomerID of someone who has a
-- purchase here. Their (negative) money will reduce that customer's spend. A cancellation without CustomerID, or of
-- a customer with no purchase in the data (goods bought before it starts), cannot be matched: the rules table counts it.
CREATE TABLE retail_returns AS
SELECT customer_id AS customer_unique_id,
       COUNT(*) AS return_lines,
       SUM(line_value) AS returned_value
FROM retail_lines
WHERE line_kind = 'cancellation'
  AND customer_id IN (SELECT customer_unique_id FROM rfm_orders)
GROUP BY customer_id;
