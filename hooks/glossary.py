"""Glossary hook (issue 4). Stub: being implemented."""
