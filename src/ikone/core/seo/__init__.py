"""What makes the public part of IKONE findable and shareable: icons and the
web app manifest, robots.txt, the sitemap, security.txt, and the meta tags of
every page (title, description, canonical and hreflang links, Open Graph).

Apps plug in through two registries (docs/seo.md): `sitemaps.register(...)`
adds a section to /sitemap.xml, `robots.register_private(...)` keeps crawlers
out of pages that need a login.
"""
