#!/bin/sh
# Regenerates what hubgen's port of twitter-text's parseTweet (hubgen/channels/twitter_text.py)
# and its tests read, from the official npm library run under Node.js:
#   hubgen/channels/twitter_text.json               the regexes, TLD lists and config v3
#   tests/channels/fixtures/twitter_text_3.1.0.json the corpus: texts and parseTweet's counts
# Needs node and npm (network for the npm registry only). Rerunnable: the corpus is seeded.
# Usage: scripts/twitter-text/make.sh
# corpus.js alone takes SEED and COUNT from the environment, for fresh texts to check against.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund twitter-text@3.1.0 >/dev/null)
export NODE_PATH="$work/node_modules"
node "$here/regexes.js" > "$repo/hubgen/channels/twitter_text.json"
node "$here/corpus.js" > "$repo/tests/channels/fixtures/twitter_text_3.1.0.json"
echo "wrote hubgen/channels/twitter_text.json and tests/channels/fixtures/twitter_text_3.1.0.json"
