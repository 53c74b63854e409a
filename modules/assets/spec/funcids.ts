/** The Assets funcids, apart from the spec: the order book panel tells bids from asks without loading the catalog. */

/** The funcids komodod writes: s ask, b bid, S fill of an ask, B fill of a bid, x cancel ask, o cancel bid. */
export const FUNCID = { ask: 0x73, bid: 0x62, fillAsk: 0x53, fillBid: 0x42, cancelAsk: 0x78, cancelBid: 0x6f } as const
export type AssetFuncId = 's' | 'b' | 'S' | 'B' | 'x' | 'o' | 'e' | 'E'

export const isBidFuncid = (f: AssetFuncId): boolean => f === 'b' || f === 'B'
export const isAskFuncid = (f: AssetFuncId): boolean => f === 's' || f === 'S'
