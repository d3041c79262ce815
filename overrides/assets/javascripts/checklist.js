/* checklist widget: see hooks/checklist.py. */
