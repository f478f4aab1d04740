#!/usr/bin/env bash
# Regenerates what hubgen's Bluesky counter is checked against, from the Bluesky app's own code:
#
#   hubgen/channels/bluesky_tlds.json             the TLD list link detection accepts (npm `tlds`)
#   tests/channels/fixtures/bluesky_length.json   texts and the length the app's composer shows
#
# Usage: SOCIAL_APP=/path/to/social-app scripts/bluesky/make.sh
#
# SOCIAL_APP is a checkout of github.com/bluesky-social/social-app (read at commit 018aad92 for
# url-helpers.ts and 125ef1c7 for rich-text-manip.ts). Its `toShortUrl` and `shortenLinks` are
# not published on npm; the Node script reads them from that checkout at run time, so none of
# the app's code is copied into this repository. @atproto/api, tlds and typescript (to strip the
# type annotations) are installed from npm into a temporary directory. Needs Node.js >= 20.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
: "${SOCIAL_APP:?set SOCIAL_APP to a checkout of bluesky-social/social-app}"
# The versions the app ships: social-app package.json 1.116.0 asks for @atproto/api ^0.18.20 and
# tlds ^1.234.0; its yarn.lock (commit 000702fe) resolves tlds to 1.242.0.
ATPROTO_API="${ATPROTO_API:-0.18.21}"
TLDS="${TLDS:-1.242.0}"
TYPESCRIPT="${TYPESCRIPT:-5.9.2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/package.json" <<EOF
{"private": true,
 "dependencies": {"@atproto/api": "$ATPROTO_API", "tlds": "$TLDS", "typescript": "$TYPESCRIPT"},
 "overrides": {"tlds": "$TLDS"}}
EOF
(cd "$work" && npm install --no-audit --no-fund --silent)
cp "$here/fixtures.cjs" "$work/"
NODE_PATH="$work/node_modules" node "$work/fixtures.cjs" "$SOCIAL_APP" "$repo"
