"""The secretariat's pages under /hantera/. Every view opens with one named access helper from
`kansli.accounts.access` or `kansli.staff.editing`; changes are POST-only and redirect."""
