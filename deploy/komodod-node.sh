#!/bin/sh
# One komodod of the Journeys asset chain (run as the container's entrypoint).
#  1. writes the chain's conf from the environment on every start (fixed RPC port, credentials),
#  2. starts komodod, waits for its RPC,
#  3. first start only: getnewaddress → validateaddress → setpubkey (the CC identity), kept in the
#     data volume so later starts pass -pubkey= directly,
#  4. on the miner of a non-regtest chain, starts mining once a pubkey is set. On -regtest (REGTEST=1, the local
#     stack) blocks come from `generate`, as on the devchain, so the journeys' "mine N blocks" steps work as written.
# The chain's parameters come from deploy/chain.env, the file the site reads too. Tested against fake komodod and
# komodo-cli executables (test/integration/deploy/komododNode.test.ts).
set -eu

: "${AC_NAME:?}" "${AC_SUPPLY:?}" "${AC_CC:?}" "${RPC_PORT:?}" "${P2P_PORT:?}" "${RPC_ALLOW:?}"
if [ -z "${KOMODO_RPC_USER:-}" ] || [ -z "${KOMODO_RPC_PASSWORD:-}" ]; then
  echo "KOMODO_RPC_USER and KOMODO_RPC_PASSWORD must be set (see deploy/README.md)" >&2
  exit 1
fi

# The official image keeps its binaries in /komodo; anywhere else they are found on PATH.
KOMODOD=${KOMODOD:-$(command -v komodod || echo /komodo/komodod)}
CLI=${KOMODO_CLI:-$(command -v komodo-cli || echo /komodo/komodo-cli)}
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
# Optional, as on the devchain: setting it changes the chain's magic (a different chain). komodod treats 0 as unset.
[ -n "${AC_REWARD:-}" ] && [ "${AC_REWARD}" != 0 ] && set -- "$@" -ac_reward="$AC_REWARD"
# komodod's `generate` answers only on -regtest (src/rpc/mining.cpp).
REGTEST=${REGTEST:-0}
[ "$REGTEST" = 1 ] && set -- "$@" -regtest
# -testnode lets a lone miner produce blocks before its peer is up; a public chain turns it off.
[ "${TESTNODE:-1}" = 1 ] && [ "$REGTEST" != 1 ] && set -- "$@" -testnode=1
[ -n "${PEER:-}" ] && set -- "$@" -addnode="$PEER"
# Seed nodes are separated by spaces (or newlines), never commas.
for seed in ${SEED_NODES:-}; do set -- "$@" -addnode="$seed"; done
# Continuous mining only off regtest: on regtest a miner would race the journeys' own `generate` calls.
MINES=0
[ "${MINE:-0}" = 1 ] && [ "$REGTEST" != 1 ] && MINES=1
if [ -s "$PUBKEY_FILE" ]; then
  set -- "$@" -pubkey="$(cat "$PUBKEY_FILE")"
  [ "$MINES" = 1 ] && set -- "$@" -gen -genproclimit=1
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
  [ "$MINES" = 1 ] && cli setgenerate true 1 >/dev/null
fi

wait "$PID"
