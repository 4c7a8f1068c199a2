"""Every write to the stakeholder records, each audited with its actor; the
registry's, cooperation's and sources' records they touch are written through
those apps' services."""
