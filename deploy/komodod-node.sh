#!/bin/sh
# One komodod of the Journeys asset chain (run as the container's entrypoint).
#  1. writes the chain's conf from the environment on every start (fixed RPC port, credentials),
#  2. starts komodod, waits for its RPC,
#  3. first start only: getnewaddress → validateaddress → setpubkey (the CC identity), kept in the
#     data volume so later starts pass -pubkey= directly,
#  4. on the miner, starts mining once a pubkey is set.
set -eu

: "${AC_NAME:?}" "${AC_SUPPLY:?}" "${AC_CC:?}" "${RPC_PORT:?}" "${P2P_PORT:?}" "${RPC_ALLOW:?}"
if [ -z "${KOMODO_RPC_USER:-}" ] || [ -z "${KOMODO_RPC_PASSWORD:-}" ]; then
  echo "KOMODO_RPC_USER and KOMODO_RPC_PASSWORD must be set (see deploy/README.md)" >&2
  exit 1
fi

KOMODOD=${KOMODOD:-/komodo/komodod}
CLI=${KOMODO_CLI:-/komodo/komodo-cli}
DATA="$HOME/.komodo/$AC_NAME"
CONF="$DATA/$AC_NAME.conf"
PUBKEY_FILE="$DATA/journeys.pubkey"
mkdir -p "$DATA"

# Pre-created conf: komodod keeps an existing conf as is, so the port and credentials are ours.
umask 077
cat > "$CONF" <<CONF
rpcuser=$KOMODO_RPC_USER
rpcpassword=$KOMODO_RPC_PASSWORD
rpcport=$RPC_PORT
rpcbind=0.0.0.0
rpcallowip=$RPC_ALLOW
server=1
txindex=1
rpcworkqueue=256
CONF

cli() { "$CLI" -ac_name="$AC_NAME" "$@"; }

set -- -ac_name="$AC_NAME" -ac_supply="$AC_SUPPLY" -ac_cc="$AC_CC" -port="$P2P_PORT"
# Optional, as on the devchain: setting it changes the chain's magic (a different chain).
[ -n "${AC_REWARD:-}" ] && set -- "$@" -ac_reward="$AC_REWARD"
# -testnode lets a lone miner produce blocks before its peer is up; a public chain turns it off.
[ "${TESTNODE:-1}" = 1 ] && set -- "$@" -testnode=1
[ -n "${PEER:-}" ] && set -- "$@" -addnode="$PEER"
for seed in ${SEED_NODES:-}; do set -- "$@" -addnode="$seed"; done
if [ -s "$PUBKEY_FILE" ]; then
  set -- "$@" -pubkey="$(cat "$PUBKEY_FILE")"
  [ "${MINE:-0}" = 1 ] && set -- "$@" -gen -genproclimit=1
fi

"$KOMODOD" "$@" &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null; wait "$PID"; exit 0' TERM INT

# -28 (warming up) and connection refused both mean "not yet".
until cli getblockcount >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { echo "komodod exited during start-up" >&2; exit 1; }
  sleep 2
done

if [ ! -s "$PUBKEY_FILE" ]; then
  ADDRESS=$(cli getnewaddress)
  PUBKEY=$(cli validateaddress "$ADDRESS" | sed -n 's/.*"pubkey": *"\([0-9a-fA-F]\{66\}\)".*/\1/p')
  if [ -z "$PUBKEY" ]; then echo "pubkey bootstrap failed" >&2; exit 1; fi
  cli setpubkey "$PUBKEY" >/dev/null
  echo "$PUBKEY" > "$PUBKEY_FILE"
  echo "node identity: $ADDRESS $PUBKEY"
  [ "${MINE:-0}" = 1 ] && cli setgenerate true 1
fi

wait "$PID"
