-- Cleaning step 3: what remains with a zero or negative quantity or price is an adjustment, not a sale.
CREATE TABLE retail_clean AS
SELECT * FROM retail_without_cancellations WHERE Quantity > 0 AND UnitPrice > 0;
