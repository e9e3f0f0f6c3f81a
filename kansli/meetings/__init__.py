"""Meetings, attendance, agenda items, decisions, matters, actions and adoptions."""
