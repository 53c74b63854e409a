import { defineClientConfig } from 'vuepress/client'
import RecordedResponse from './RecordedResponse.vue'

export default defineClientConfig({
  enhance({ app }) {
    app.component('RecordedResponse', RecordedResponse)
  },
})
