#!/bin/sh
# Healthy = RPC answers (no -28 warm-up) and the node has its CC pubkey.
set -eu
/komodo/komodo-cli -ac_name="$AC_NAME" getblockcount >/dev/null 2>&1
[ -s "$HOME/.komodo/$AC_NAME/journeys.pubkey" ]
