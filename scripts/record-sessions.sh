#!/usr/bin/env bash
# Re-records the example session files in fixtures/sessions/ by driving a real server with curl.
#
#   scripts/record-sessions.sh [BINARY]     (default: the debug binary `swift build` produced)
#
# Each session runs against its own fresh server (in-memory database, manual clock, seed 42,
# public URL http://127.0.0.1:8080), is exported with GET /__admin/session, gets the tokens it used
# filled into "credentials" (the journal only keeps redacted ones), and is then checked with
# `buildermock replay --update` (which also writes it in canonical form) and `buildermock replay`.
# Bounded: every curl has a timeout; every server started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-$(swift build --show-bin-path)/buildermock}
OUT=fixtures/sessions
WORK=$(mktemp -d)
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # namespace
  NS=$1
  "$BIN" serve --host 127.0.0.1 --port 0 --db :memory: --clock manual --seed 42 \
    --public-url http://127.0.0.1:8080 --fixtures fixtures --log-level info >"$WORK/$NS.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 200); do grep -q 'http.port=' "$WORK/$NS.log" 2>/dev/null && break; sleep 0.05; done
  PORT=$(grep -o 'http.port=[0-9]*' "$WORK/$NS.log" | head -1 | cut -d= -f2)
  B=http://127.0.0.1:$PORT
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
# c METHOD PATH [curl args…]: one request in the session's namespace; prints the body.
# Host is pinned so that re-recording does not churn the files with the ephemeral port.
c() { local m=$1 p=$2; shift 2; curl -s -m 10 -X "$m" -H "Host: 127.0.0.1:8080" -H "X-Buildermock-Namespace: $NS" "$@" "$B$p"; }
json() { c "$@" -H 'Content-Type: application/json'; }
advance() { json POST /__admin/clock/advance -d "{\"by\":\"$1\"}" >/dev/null; }
save() { # credential-redacted credential-real
  c GET "/__admin/session?namespace=$NS" > "$OUT/$NS.json"
  stop
  jq --arg k "$1" --arg v "$2" '.credentials[$k] = $v' "$OUT/$NS.json" > "$WORK/filled.json"
  mv "$WORK/filled.json" "$OUT/$NS.json"
  "$BIN" replay "$OUT/$NS.json" --update --fixtures fixtures >/dev/null
  "$BIN" replay "$OUT/$NS.json" --fixtures fixtures
}

# --- App builds (Capwrapper) ---------------------------------------------------------------
AB=(-H 'Authorization: Bearer demo-app-key-0001')
start appbuilds-happy
ID=$(json POST /api/v1/builds "${AB[@]}" -d '{"url":"https://example.com","appName":"My Shop","bundleId":"com.example.myshop","version":"1.2.0","permissions":["camera","notifications"]}' | jq -r .id)
c GET "/api/v1/builds/$ID" "${AB[@]}" >/dev/null
advance 10s
c GET "/api/v1/builds/$ID" "${AB[@]}" >/dev/null
advance 3m
URL=$(c GET "/api/v1/builds/$ID" "${AB[@]}" | jq -r .downloadUrl)
c GET "${URL#http://127.0.0.1:8080}" -H 'Range: bytes=0-3' >/dev/null
json POST /api/v1/deploys "${AB[@]}" -d "{\"buildId\":\"$ID\",\"store\":\"play\"}" >/dev/null
advance 5m
c GET "/api/v1/builds?limit=1&offset=0" "${AB[@]}" >/dev/null
save "Bearer demo…" "Bearer demo-app-key-0001"

start appbuilds-failure
json POST /api/v1/builds "${AB[@]}" -d '{"appName":"No URL","bundleId":"com.example.nourl","version":"1.0.0"}' >/dev/null
c GET /api/v1/builds >/dev/null
ID=$(json POST /api/v1/builds "${AB[@]}" -H 'X-Buildermock-Scenario: url-unreachable' -d '{"url":"https://unreachable.example.com","appName":"Gone","bundleId":"com.example.gone","version":"1.0.0"}' | jq -r .id)
json POST /__admin/clock/run-until -d "{\"job\":\"$ID\",\"state\":\"failed\",\"max\":\"1h\"}" >/dev/null
c GET "/api/v1/builds/$ID" "${AB[@]}" >/dev/null
json POST /api/v1/deploys "${AB[@]}" -d "{\"buildId\":\"$ID\",\"store\":\"play\"}" >/dev/null
c GET /api/v1/builds/bld_doesnotexist "${AB[@]}" >/dev/null
save "Bearer demo…" "Bearer demo-app-key-0001"

# --- Builder agents (Mihu AI) --------------------------------------------------------------
MH=(-H 'Authorization: Bearer mihu-demo-token-0001')
start builderagents-happy
U=$(json POST /api/v1/builder-agents "${MH[@]}" -d '{"prompt":"Watch my Zoho CRM leads every 5 minutes"}' | jq -r .data.uuid)
advance 10s
c GET "/api/v1/builder-agents/$U" "${MH[@]}" >/dev/null
json POST "/api/v1/builder-agents/$U/answers" "${MH[@]}" -d '{"message":"Stored ones, EU"}' >/dev/null
advance 10s
c GET "/api/v1/builder-agents/$U" "${MH[@]}" >/dev/null
c POST "/api/v1/builder-agents/$U/approve" "${MH[@]}" >/dev/null
advance 80s
c GET "/api/v1/builder-agents/$U" "${MH[@]}" >/dev/null
c GET /api/v1/builders "${MH[@]}" >/dev/null
save "Bearer mihu…" "Bearer mihu-demo-token-0001"

start builderagents-failure
json POST /api/v1/builder-agents -d '{"prompt":"no token"}' >/dev/null
U=$(json POST /api/v1/builder-agents "${MH[@]}" -H 'X-Buildermock-Scenario: fails-at-deploy' -d '{"prompt":"Post new Stripe invoices to Slack","auto_approve":true}' | jq -r .data.uuid)
advance 10s
c GET "/api/v1/builder-agents/$U" "${MH[@]}" >/dev/null
json POST "/api/v1/builder-agents/$U/answers" "${MH[@]}" -d '{"message":"Use the stored ones"}' >/dev/null
advance 2m
c GET "/api/v1/builder-agents/$U" "${MH[@]}" >/dev/null
c POST "/api/v1/builder-agents/$U/approve" "${MH[@]}" >/dev/null
save "Bearer mihu…" "Bearer mihu-demo-token-0001"

# --- Builder.io Agents Run -----------------------------------------------------------------
BI=(-H 'Authorization: Bearer bpk-demo0private0key00000000000001')
SPACE=demo0space0000000000000000000001
start builderio-happy
P=$(json POST "/agents/run?apiKey=$SPACE" "${BI[@]}" -d '{"userMessage":{"userPrompt":"Build a landing page with a hero section, feature grid, and contact form"},"userEmail":"developer@yourcompany.com"}')
PROJECT=$(jq -r .projectId <<<"$P"); BRANCH=$(jq -r .branchName <<<"$P")
c GET "/__admin/builderio/projects/$PROJECT" >/dev/null
advance 3m
c GET "/__admin/builderio/projects/$PROJECT" >/dev/null
c GET "/app/projects/$PROJECT/$BRANCH" >/dev/null
save "Bearer bpk-…" "Bearer bpk-demo0private0key00000000000001"

start builderio-failure
json POST "/agents/run?apiKey=$SPACE" -d '{"userMessage":{"userPrompt":"no auth"}}' >/dev/null
json POST "/agents/run?apiKey=$SPACE" "${BI[@]}" -d '{"userMessage":{}}' >/dev/null
P=$(json POST "/agents/run?apiKey=$SPACE" "${BI[@]}" -H 'X-Buildermock-Scenario: fails' -d '{"userMessage":{"userPrompt":"Add a pricing table"},"userEmail":"developer@yourcompany.com"}')
PROJECT=$(jq -r .projectId <<<"$P")
advance 3m
c GET "/__admin/builderio/projects/$PROJECT" >/dev/null
save "Bearer bpk-…" "Bearer bpk-demo0private0key00000000000001"

# --- Buildprint ----------------------------------------------------------------------------
BP=(-H 'Authorization: Bearer bp_demo_token')
start buildprint-happy
A=$(json POST /api/public/v1/agents "${BP[@]}" -d '{"appId":"my-app","prompt":"Why does signup fail?","model":"buildprint-gpt-5.6-sol"}' | jq -r .agentId)
c GET "/api/public/v1/agents/$A?historyLimit=10" "${BP[@]}" >/dev/null
advance 3s
c GET "/api/public/v1/agents/$A?historyLimit=10" "${BP[@]}" >/dev/null
advance 20s
c GET "/api/public/v1/agents/$A?historyLimit=10" "${BP[@]}" >/dev/null
save "Bearer bp_d…" "Bearer bp_demo_token"

start buildprint-failure
json POST /api/public/v1/agents "${BP[@]}" -d '{"appId":"my-app","prompt":"x","model":"no-such-model"}' >/dev/null
json POST /api/public/v1/agents -H 'Authorization: Bearer nope' -d '{"appId":"my-app","prompt":"x","model":"buildprint-gpt-5.6-sol"}' >/dev/null
A=$(json POST /api/public/v1/agents "${BP[@]}" -H 'X-Buildermock-Scenario: error-while-running' -d '{"appId":"my-app","prompt":"Why does checkout time out?","model":"buildprint-gpt-5.6-sol"}' | jq -r .agentId)
json POST /__admin/clock/run-until -d "{\"job\":\"$A\",\"state\":\"error\",\"max\":\"1h\"}" >/dev/null
c GET "/api/public/v1/agents/$A?historyLimit=10" "${BP[@]}" >/dev/null
save "Bearer bp_d…" "Bearer bp_demo_token"
