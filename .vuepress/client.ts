import { defineClientConfig } from 'vuepress/client'
import ChainBadge from '../components/ChainBadge.vue'

export default defineClientConfig({
  enhance({ app }) {
    app.component('ChainBadge', ChainBadge)
  },
})
