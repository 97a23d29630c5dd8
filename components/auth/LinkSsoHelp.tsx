/** Under the sign-in page's "link single sign-on" form: what to do without the account's password. */
export function LinkSsoHelp({ sso }: { sso: string }) {
  return (
    <div className="space-y-3 text-sm text-gray-600 dark:text-gray-300">
      <p>
        <span className="font-medium text-gray-700 dark:text-gray-200">Forgot the password, or never made this account?</span> Do not link it: ask
        your Faultline operator for a reset link (it signs everyone else out), then sign in with {sso} again.
      </p>
      <a href="/login" className="block text-center text-blue-700 underline dark:text-blue-400">
        Sign in another way
      </a>
    </div>
  );
}
