-- Cleaning step 1: lines without a CustomerID cannot be attributed to anyone (about a quarter of the real file).
CREATE TABLE retail_with_customer AS
SELECT * FROM online_retail WHERE CustomerID IS NOT NULL;
