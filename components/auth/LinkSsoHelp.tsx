/**
 * Under the sign-in page's "link single sign-on" form: what to do without the account's password —
 * a reset link by email when the server sends email (`onForgotPassword` opens that step), else from
 * a workspace admin or the operator.
 */
export function LinkSsoHelp({ sso, onForgotPassword }: { sso: string; onForgotPassword: (() => void) | null }) {
  return (
    <div className="space-y-3 text-sm text-gray-600 dark:text-gray-300">
      <p>
        <span className="font-medium text-gray-700 dark:text-gray-200">Forgot the password, or never made this account?</span> Do not link it:{" "}
        {onForgotPassword ? "set a new password with a link we email to this address" : "ask a workspace admin or your Faultline operator for a reset link"} (it
        signs everyone else out), then sign in with {sso} again.
      </p>
      {onForgotPassword && (
        <button type="button" onClick={onForgotPassword} className="block w-full text-center text-blue-700 underline dark:text-blue-400">
          Email me a reset link
        </button>
      )}
      <a href="/login" className="block text-center text-blue-700 underline dark:text-blue-400">
        Sign in another way
      </a>
    </div>
  );
}
