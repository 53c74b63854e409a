/** Words a failed call in the reader's language. */
import { isCallError } from '../protocol/errors.ts'
import type { ParamIssue } from '../protocol/validate.ts'
import type { UiStrings } from './i18n/en.ts'
import { fmt } from './i18n/useUiStrings.ts'

export function errorText(t: UiStrings, err: unknown): string {
  if (!isCallError(err)) return err instanceof Error ? err.message : String(err)
  switch (err.kind) {
    case 'rpc': return fmt(t.errors.rpc, { code: err.code, message: err.message })
    case 'soft': return fmt(t.errors.soft, { message: err.message })
    case 'timeout': return fmt(t.errors.timeout, { seconds: Math.round(err.ms / 100) / 10 })
    case 'aborted': return t.errors.aborted
    case 'unavailable':
      if (err.where !== 'page') return fmt(t.errors.unavailable, { url: err.where })
      return err.status === 503 ? t.errors.pageLocked : fmt(t.errors.pageFailed, { detail: err.detail })
    case 'unknown-method': return fmt(t.errors.unknownMethod, { method: err.method })
    case 'params': return t.errors.params
  }
}

export function issueText(t: UiStrings, issue: ParamIssue): string {
  switch (issue.code) {
    case 'required': return t.validation.required
    case 'json': return t.validation.json
    case 'too-many': return t.validation.tooMany
    case 'type': return fmt(t.validation.type, { type: t.validation.types[issue.expected ?? 'any'] })
    case 'format': return fmt(t.validation.type, { type: issue.format ? t.validation.formats[issue.format] : t.validation.types.any })
  }
}
