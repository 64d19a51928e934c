-- Step 6: Recency, Frequency and Monetary value per customer, as Olist's step 3 computes them, with M the spend net
-- of returns: monetary_total is the net spend, monetary_avg the net spend per order. Customers whose net spend is
-- zero or less are left out (step 5 counts them). Recency is in whole days before the as-of date.
CREATE TABLE rfm AS
SELECT n.customer_unique_id,
       CAST(a.as_of_date AS DATE) - CAST(n.last_purchase AS DATE) AS recency_days,
       n.frequency,
       n.net_spend AS monetary_total,
       n.net_spend / n.frequency AS monetary_avg,
       n.first_purchase,
       n.last_purchase
FROM retail_net_spend AS n
CROSS JOIN rfm_as_of AS a
WHERE n.net_spend > 0;
