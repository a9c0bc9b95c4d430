"""civic-agenda's composition root: what wires the product together and starts it — the Starlette
app (``civic.app``), health and readiness (``civic.health``), serving the web app
(``civic.frontend``), the ``agenda`` command (``civic.cli``) and the helpers that open the database
and attach search for a command (``civic.runtime``).

It imports the domain core (``server``), the GraphQL layer (``schema``) and the workers
(``workers``); none of them imports it."""
