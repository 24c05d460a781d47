"""Reports: parameterized notebooks rendered one at a time or in batches."""
