"""The shop's rules, shared by the write side, the read model and the window:
no I/O, no storage, no Qt. Money and pricing, order status and its allowed
transitions, stock movement kinds, input limits and checks, order-line rules.
"""
