"""``sayso train``: the weights sayso ships, reproduced from the data on the CPU."""
