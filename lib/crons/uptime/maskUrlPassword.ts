/** `url` with its userinfo (user:password@) masked: shown to every member and written to the audit log. */
export function maskUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1••••@");
}
