"""Interactive checklist hook (issue 3). Stub: being implemented."""
