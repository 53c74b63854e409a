/** One client per page session; same origin, so `/rpc` is whatever serves the site. */
import { RpcClient } from '../protocol/client.ts'

let client: RpcClient | null = null

export function useRpcClient(): RpcClient {
  client ??= new RpcClient()
  return client
}

/** Tests swap the client (e.g. one with a stubbed fetch). */
export function setRpcClient(next: RpcClient | null): void {
  client = next
}
