"""A made-up national dataset for benchmarks: the register, its members as learners, what they
learnt and the marketplace, at the size of ODCO's figures (see ``README.md`` here)."""
