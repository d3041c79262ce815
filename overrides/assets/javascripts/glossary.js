/* glossary widget: see hooks/glossary.py. */
