#!/usr/bin/env bash
# Lighthouse on the four pages of issue 18 (start page, a call, its FAQ, an
# event), against the production settings (DEBUG=false, collected and
# compressed static files, gunicorn) with the demo data, in Debian's headless
# Chromium, without network beyond 127.0.0.1. Prints the four category scores
# per page and fails when one is below $MIN_SCORE (default 95).
#
#   scripts/lighthouse.sh            (or: make lighthouse)
#
# Needs Node.js/npm (Lighthouse 12.2.3 is installed into
# scripts/lighthouse/node_modules from its lock file) and /usr/bin/chromium.
# Reports (HTML and JSON) go to var/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.venv/bin}
PORT=${LIGHTHOUSE_PORT:-8765}
MIN_SCORE=${MIN_SCORE:-95}
OUT=var/lighthouse
export IKONE_DATA_DIR="$PWD/$OUT/data"
export DATABASE_URL="sqlite:///$IKONE_DATA_DIR/lighthouse.sqlite3"
export DEBUG=false ALLOWED_HOSTS=127.0.0.1 DJANGO_SETTINGS_MODULE=ikone.settings
export SECRET_KEY=${SECRET_KEY:-lighthouse-only-not-secret-$(hostname)}
mkdir -p "$OUT" "$IKONE_DATA_DIR"

[ -x scripts/lighthouse/node_modules/.bin/lighthouse ] ||
  (cd scripts/lighthouse && npm ci --no-audit --no-fund --loglevel=error)

"$BIN/ikone" migrate --noinput >/dev/null
if [ ! -f "$IKONE_DATA_DIR/.imported" ]; then
  "$BIN/ikone" import_municipalities >/dev/null
  touch "$IKONE_DATA_DIR/.imported"
fi
# Seeding is for development installations (it creates demo accounts); this
# database is only for the measurement, so seed it as `make demo` does.
DEBUG=true "$BIN/ikone" seed_demo >/dev/null
"$BIN/ikone" collectstatic --noinput >/dev/null

# The four pages: a call that has a published FAQ and an upcoming public event.
mapfile -t PAGES < <("$BIN/python" - <<'PY'
import django
django.setup()
from django.utils import timezone
from ikone.events.models import Event, EventStatus
from ikone.qa.models import FAQEntry
entry = FAQEntry.objects.filter(is_published=True).select_related("call").first()
event = (Event.objects.filter(status=EventStatus.PUBLISHED, starts_at__gte=timezone.now())
         .order_by("starts_at").first())
print("/")
print(entry.call.get_absolute_url())
print(entry.call.get_absolute_url() + "faq/")
print(event.get_absolute_url())
PY
)

# Served over TLS (a throwaway self-signed certificate), as in production:
# Lighthouse fetches robots.txt on its own, without extra headers, so a
# plain-HTTP server behind a pretended proxy answered it with the HTTPS
# redirect and the SEO score read 0.
TLS="$OUT/tls"
mkdir -p "$TLS"
[ -f "$TLS/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$TLS/key.pem" -out "$TLS/cert.pem" 2>/dev/null
"$BIN/gunicorn" ikone.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning \
  --certfile "$TLS/cert.pem" --keyfile "$TLS/key.pem" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fsk -o /dev/null "https://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
failed=0
printf '%-45s %5s %5s %5s %5s\n' page perf a11y best seo
for path in "${PAGES[@]}"; do
  name=$(echo "$path" | tr '/' '_' | sed 's/^_*//; s/_*$//'); name=${name:-start}
  scripts/lighthouse/node_modules/.bin/lighthouse "https://127.0.0.1:$PORT$path" \
    --quiet --output=json --output=html --output-path="$OUT/$name" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --ignore-certificate-errors" \
    ${LIGHTHOUSE_FLAGS:-}
  scores=$(node -e '
    const r = require(process.argv[1]);
    const c = ["performance", "accessibility", "best-practices", "seo"];
    console.log(c.map((k) => Math.round(r.categories[k].score * 100)).join(" "));
  ' "$PWD/$OUT/$name.report.json")
  read -r perf a11y best seo <<<"$scores"
  printf '%-45s %5s %5s %5s %5s\n' "$path" "$perf" "$a11y" "$best" "$seo"
  for score in $perf $a11y $best $seo; do [ "$score" -ge "$MIN_SCORE" ] || failed=1; done
done
exit $failed
