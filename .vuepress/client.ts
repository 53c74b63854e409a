import { defineAsyncComponent, type Component } from 'vue'
import { defineClientConfig } from 'vuepress/client'

// The live components load as their own chunks the first time a page renders one, so the main
// chunk (and pages without them) carry none of their code.
const lazy: Record<string, () => Promise<Component>> = {
  ChainStatus: () => import('../components/ChainStatus.vue'),
  RpcCall: () => import('../components/RpcCall.vue'),
  MineBlocks: () => import('../components/MineBlocks.vue'),
  Broadcast: () => import('../components/Broadcast.vue'),
  TxView: () => import('../components/TxView.vue'),
  BlockView: () => import('../components/BlockView.vue'),
  FaucetPanel: () => import('../components/FaucetPanel.vue'),
  TokenPanel: () => import('../components/TokenPanel.vue'),
  Journey: () => import('../components/Journey.vue'),
  Step: () => import('../components/Step.vue'),
}

export default defineClientConfig({
  enhance({ app }) {
    for (const [name, loader] of Object.entries(lazy)) app.component(name, defineAsyncComponent(loader))
  },
})
