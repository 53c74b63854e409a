/** One client per page session, talking to the chain the reader chose (useChainConnection.ts). */
import { RpcClient } from '../protocol/client.ts'
import { connectionTransport } from './useChainConnection.ts'
import { siteSpecs } from './methodSpecs.ts'

let client: RpcClient | null = null

export function useRpcClient(): RpcClient {
  client ??= new RpcClient({ transport: connectionTransport, catalog: siteSpecs })
  return client
}

/** Tests swap the client (e.g. one with a stubbed fetch). */
export function setRpcClient(next: RpcClient | null): void {
  client = next
}
