"""Computing: financing tables, splits, checks — pure functions over the model."""
