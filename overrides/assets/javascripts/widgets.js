{#-
  The widgets' scripts as one file, one request, loaded after Material's bundle:
  theme.static_templates in mkdocs.yml has MkDocs render this template at build time.
  Each widget keeps its own source file; every-page.js comes first (onEveryPage), then
  copy-text.js (the checklist's and the request's copy), budget.js before letter.js
  (the request uses the budget's maths and figures).
  The files omit semicolons, so ";" between them keeps one from calling the next.
-#}
{% for file in ["every-page", "copy-text", "checklist", "glossary", "budget", "letter", "edition"] -%}
{% include "assets/javascripts/" ~ file ~ ".js" %};
{% endfor %}
