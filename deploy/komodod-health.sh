#!/bin/sh
# Healthy = RPC answers (no -28 warm-up) and the node has its CC pubkey.
set -eu
"${KOMODO_CLI:-$(command -v komodo-cli || echo /komodo/komodo-cli)}" -ac_name="$AC_NAME" getblockcount >/dev/null 2>&1
[ -s "$HOME/.komodo/$AC_NAME/journeys.pubkey" ]
