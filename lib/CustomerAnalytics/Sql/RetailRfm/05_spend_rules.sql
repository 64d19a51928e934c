-- Step 5: what each rule did, as a table: every line of step 1 falls under exactly one rule, so the lines and the
-- money add up to the whole file before the as-of date. A customer whose returns cancel all they bought (net
-- spend zero or less) has no spend to score: their lines are counted here and they are left out of the RFM table.
CREATE TABLE retail_spend_rules AS
WITH ruled AS (
    SELECT l.customer_id,
           l.line_value,
           CASE WHEN l.line_kind = 'non-product' THEN 'non-product line ' || l.stock_code
                WHEN l.line_kind = 'adjustment' THEN 'adjustment: quantity or price not positive'
                WHEN l.customer_id IS NULL THEN l.line_kind || ' without CustomerID'
                WHEN n.customer_unique_id IS NULL THEN 'cancellation by a customer with no purchase'
                WHEN n.net_spend <= 0 THEN l.line_kind || ' of a customer with net spend <= 0'
                ELSE l.line_kind || ' of a customer' END AS rule_name,
           CASE WHEN l.line_kind IN ('non-product', 'adjustment') THEN 'left out of spend'
                WHEN l.customer_id IS NULL OR n.customer_unique_id IS NULL THEN 'left out: no customer to match'
                WHEN n.net_spend <= 0 THEN 'left out: customer not scored'
                WHEN l.line_kind = 'cancellation' THEN 'subtracted from spend'
                ELSE 'counted as spend' END AS effect
    FROM retail_lines AS l
    LEFT JOIN retail_net_spend AS n ON n.customer_unique_id = l.customer_id
)
SELECT rule_name,
       effect,
       COUNT(DISTINCT customer_id) AS customers,
       COUNT(*) AS lines,
       SUM(line_value) AS money
FROM ruled
GROUP BY rule_name, effect;
