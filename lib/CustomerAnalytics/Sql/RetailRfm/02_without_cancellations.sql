-- Cleaning step 2: cancellation invoices (numbers starting with C) reverse earlier sales.
CREATE TABLE retail_without_cancellations AS
SELECT * FROM retail_with_customer WHERE InvoiceNo NOT LIKE 'C%';
