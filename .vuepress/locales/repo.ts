/**
 * Where the site's sources live, for "source file" and "edit" links in notices and on the status page.
 * KJ_REPO_URL overrides it (forks, mirrors).
 */
export const REPO_URL = (process.env.KJ_REPO_URL || 'https://github.com/KomodoPlatform/komodo-journeys').replace(/\/$/, '')
export const REPO_BRANCH = process.env.KJ_REPO_BRANCH || 'main'

/** A file of the repository as a web page. */
export const repoFileUrl = (relativePath: string): string => `${REPO_URL}/blob/${REPO_BRANCH}/${relativePath}`
